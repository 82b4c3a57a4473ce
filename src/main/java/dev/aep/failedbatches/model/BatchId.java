package dev.aep.failedbatches.model;

import java.util.regex.Pattern;

/**
 * The one rule for a batch ID, and its message. Only an ID that passes it is ever used in a URL or a path, so every
 * entry point (inbox line, queue message, output store) checks it here.
 */
public final class BatchId {

    public static final String RULE = "^[A-Za-z0-9-]{1,64}$";
    public static final String INVALID = "not a valid batch ID (expected " + RULE + ")";

    private static final Pattern PATTERN = Pattern.compile(RULE);

    private BatchId() {
    }

    public static boolean isValid(String batchId) {
        return batchId != null && PATTERN.matcher(batchId).matches();
    }

    /** @return {@code batchId}, when valid */
    public static String require(String batchId) {
        if (!isValid(batchId)) {
            throw new InvalidBatchIdException(batchId);
        }
        return batchId;
    }
}
