package dev.aep.failedbatches.errors;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Fails a read once more than the limit of characters was read since {@link #startRecord()}. A read returns at most
 * {@value #MAX_READ} characters, so that the parser's read-ahead (its buffer, which may have grown in an earlier use)
 * does not count against the record it is reading.
 */
final class SizeLimitedReader extends FilterReader {

    static final class LimitExceededException extends IOException {
        LimitExceededException(long limit) {
            super("more than " + limit + " characters in one record");
        }
    }

    static final int MAX_READ = 4096;

    private final long limit;
    private long readSinceStart;

    SizeLimitedReader(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    void startRecord() {
        readSinceStart = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        count(c < 0 ? 0 : 1);
        return c;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        int n = super.read(target, offset, Math.min(length, MAX_READ));
        count(Math.max(n, 0));
        return n;
    }

    private void count(int chars) throws LimitExceededException {
        readSinceStart += chars;
        if (readSinceStart > limit) {
            throw new LimitExceededException(limit);
        }
    }
}
