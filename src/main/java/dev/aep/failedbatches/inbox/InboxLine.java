package dev.aep.failedbatches.inbox;

import dev.aep.failedbatches.model.BatchId;

/** One line of an inbox file: a batch ID, nothing (blank or comment), or invalid input. */
public record InboxLine(int number, String value, Kind kind) {

    public enum Kind { BATCH_ID, SKIP, INVALID }

    public static InboxLine of(String raw, int number) {
        String value = raw == null ? "" : raw.replace("\uFEFF", "").strip();
        Kind kind = value.isEmpty() || value.startsWith("#") ? Kind.SKIP
                : BatchId.isValid(value) ? Kind.BATCH_ID
                : Kind.INVALID;
        return new InboxLine(number, value, kind);
    }

    public boolean isBatchId() {
        return kind == Kind.BATCH_ID;
    }

    public boolean isInvalid() {
        return kind == Kind.INVALID;
    }
}
