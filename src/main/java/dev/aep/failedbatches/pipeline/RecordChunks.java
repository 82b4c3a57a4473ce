package dev.aep.failedbatches.pipeline;

import dev.aep.failedbatches.errors.FailedFileReader;
import dev.aep.failedbatches.errors.FailedRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Bean {@code aepRecords}: the records of a download, read as they arrive, handed to the route in chunks so that one
 * exchange carries many records (and their events reach the output in batches, not one by one).
 */
public final class RecordChunks {

    private final FailedFileReader reader;
    private final int chunkSize;

    public RecordChunks(FailedFileReader reader, int chunkSize) {
        this.reader = reader;
        this.chunkSize = Math.max(1, chunkSize);
    }

    public Iterator<List<FailedRecord>> chunks(InputStream download) {
        return new Chunked(reader.records(download), chunkSize);
    }

    private static final class Chunked implements Iterator<List<FailedRecord>>, Closeable {
        private final Iterator<FailedRecord> records;
        private final int size;

        Chunked(Iterator<FailedRecord> records, int size) {
            this.records = records;
            this.size = size;
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
            List<FailedRecord> chunk = new ArrayList<>(size);
            while (chunk.size() < size && records.hasNext()) {
                chunk.add(records.next());
            }
            return chunk;
        }

        @Override
        public void close() throws IOException {
            if (records instanceof Closeable closeable) {
                closeable.close();
            }
        }
    }
}
