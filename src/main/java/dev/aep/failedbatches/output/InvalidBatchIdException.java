package dev.aep.failedbatches.output;

/** A batch ID that does not match {@code ^[A-Za-z0-9-]{1,64}$}; it is never used in a URL or a path. */
public class InvalidBatchIdException extends IllegalArgumentException {

    public InvalidBatchIdException(String batchId) {
        super("not a valid batch ID (expected ^[A-Za-z0-9-]{1,64}$): "
                + (batchId == null ? "null" : batchId.length() > 80 ? batchId.substring(0, 80) + "..." : batchId));
    }
}
