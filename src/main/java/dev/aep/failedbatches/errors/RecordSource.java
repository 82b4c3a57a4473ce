package dev.aep.failedbatches.errors;

import java.io.IOException;

/** Yields the records of one failed file, one at a time. */
interface RecordSource {
    RecordSource EMPTY = () -> null;

    /** The next record, or null when there are no more. */
    FailedRecord next() throws IOException;

    static FailedRecord tooLong(int recordLine, int maxChars) {
        return new FailedRecord(recordLine, null, "line " + recordLine + ": " + ParseErrors.tooLong(maxChars));
    }

    static FailedRecord invalid(int recordLine, int errorLine, String reason) {
        return new FailedRecord(recordLine, null, "line " + errorLine + " is not valid JSON: " + reason);
    }
}
