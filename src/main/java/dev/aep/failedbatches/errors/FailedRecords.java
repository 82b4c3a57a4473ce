package dev.aep.failedbatches.errors;

import java.io.Closeable;
import java.util.Iterator;

/** The records of one failed file, read lazily; it also tells how many bytes of the input were consumed so far. */
public interface FailedRecords extends Iterator<FailedRecord>, Closeable {

    /**
     * Bytes consumed from the input so far (read-ahead included): what the records read so far cost. A character
     * takes at least one byte, so this bounds the characters read as well.
     */
    long bytesRead();
}
