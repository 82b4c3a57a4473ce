package dev.aep.failedbatches.errors;

import java.io.Closeable;
import java.util.Iterator;

/** The records of one failed file, read lazily; it also tells how much of the input was consumed so far. */
public interface FailedRecords extends Iterator<FailedRecord>, Closeable {

    /**
     * Bytes consumed from the input so far (read-ahead included): what the records read so far cost, and at least as
     * many as their characters.
     */
    long bytesRead();
}
