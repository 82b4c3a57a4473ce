package dev.aep.failedbatches.pipeline;

import dev.aep.failedbatches.errors.FailedFileReader;
import dev.aep.failedbatches.errors.FailedRecord;
import dev.aep.failedbatches.errors.FailedRecords;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Bean {@code aepRecords}: the records of a download, read as they arrive, handed to the route in chunks so that one
 * exchange carries many records (and their events reach the output in batches, not one by one). A chunk ends after
 * {@code chunkSize} records or once its records took {@code aep.records.max-chars} bytes of input (at least as many
 * as their characters), whichever comes first, so that a reader holds the records of at most about three times that many
 * characters at a time (the chunk, and the record read ahead).
 */
public final class RecordChunks {

    private final FailedFileReader reader;
    private final int chunkSize;

    public RecordChunks(FailedFileReader reader, int chunkSize) {
        this.reader = reader;
        this.chunkSize = Math.max(1, chunkSize);
    }

    public Iterator<List<FailedRecord>> chunks(InputStream download) {
        return new Chunked(reader.records(download), chunkSize, reader.maxRecordChars());
    }

    private static final class Chunked implements Iterator<List<FailedRecord>>, Closeable {
        private final FailedRecords records;
        private final int size;
        private final long maxChars;

        Chunked(FailedRecords records, int size, long maxChars) {
            this.records = records;
            this.size = size;
            this.maxChars = maxChars;
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }

        @Override
        public List<FailedRecord> next() {
            if (!records.hasNext()) {
                throw new NoSuchElementException();
            }
            long start = records.bytesRead();
            List<FailedRecord> chunk = new ArrayList<>(Math.min(size, 64));
            while (chunk.size() < size && records.bytesRead() - start < maxChars && records.hasNext()) {
                chunk.add(records.next());
            }
            return chunk;
        }

        @Override
        public void close() throws IOException {
            records.close();
        }
    }
}
