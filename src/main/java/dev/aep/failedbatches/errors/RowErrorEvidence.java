package dev.aep.failedbatches.errors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What someone fixing a row error needs beside the message, taken from the row-error record itself: for a corrupt
 * record the text that could not be parsed ({@code rawRecord}, from {@code _corrupt_record}) and for a conversion
 * error the offending column's value ({@code value}); for both the source file of the ingestion ({@code sourceFile},
 * from {@code _filename}). Capped, so a hostile record never makes a huge event.
 */
final class RowErrorEvidence {

    static final int MAX_RAW_RECORD_CHARS = 4096;
    static final int MAX_VALUE_CHARS = 1024;

    private RowErrorEvidence() {
    }

    static ErrorEvent add(ErrorEvent event, ErrorEntry entry, JsonNode record) {
        if (record == null || !record.isObject()) {
            return event;
        }
        boolean corrupt = ErrorEntry.CORRUPT_RECORD.equals(entry.source());
        boolean conversion = ErrorEntry.ROW_ERROR.equals(entry.source()) && entry.column() != null;
        if (!corrupt && !conversion) {
            return event;
        }
        ErrorEvent withEvidence = event;
        if (corrupt) {
            String raw = text(record.get("_corrupt_record"));
            if (raw != null) {
                withEvidence = withEvidence.withExtra("rawRecord", cap(raw, MAX_RAW_RECORD_CHARS));
                if (raw.length() > MAX_RAW_RECORD_CHARS) {
                    withEvidence = withEvidence.withExtra("rawRecordTruncated", true);
                }
            }
        } else {
            String value = text(record.get(entry.column()));
            if (value != null) {
                withEvidence = withEvidence.withExtra("value", cap(value, MAX_VALUE_CHARS));
            }
        }
        String sourceFile = text(record.get("_filename"));
        return sourceFile == null ? withEvidence : withEvidence.withExtra("sourceFile", cap(sourceFile, MAX_VALUE_CHARS));
    }

    /** A text value as it is; any other value (number, object, array) as compact JSON. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static String cap(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
