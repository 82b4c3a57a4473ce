package dev.aep.failedbatches.model;

/** A batch ID that breaks {@link BatchId#RULE}; the offending value is cut short in the message. */
public class InvalidBatchIdException extends IllegalArgumentException {

    public InvalidBatchIdException(String batchId) {
        super(BatchId.INVALID + ": "
                + (batchId == null ? "null" : batchId.length() > 80 ? batchId.substring(0, 80) + "..." : batchId));
    }
}
