package dev.aep.failedbatches.errors;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/** Reads its readers one after another; closing it closes them all. */
final class ConcatenatedReader extends Reader {
    private final List<Reader> readers;
    private int current;

    ConcatenatedReader(Reader... readers) {
        this.readers = List.of(readers);
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (current < readers.size()) {
            int n = readers.get(current).read(target, offset, length);
            if (n > 0) {
                return n;
            }
            if (n < 0) {
                current++;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Reader reader : readers) {
            try {
                reader.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
