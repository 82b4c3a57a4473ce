package dev.aep.failedbatches.errors;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** Counts the characters read through it. */
final class CountingReader extends FilterReader {
    private long count;

    CountingReader(Reader in) {
        super(in);
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count++;
        }
        return c;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        int n = super.read(target, offset, length);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count += skipped;
        return skipped;
    }
}
