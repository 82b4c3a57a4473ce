package dev.aep.failedbatches.errors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Short, single-line reasons for JSON parse failures. */
final class ParseErrors {
    private static final int MAX_REASON_CHARS = 300;

    private ParseErrors() {
    }

    static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        // Jackson names the (disabled) source in its locations; that noise helps nobody reading an error file
        message = message.replaceAll("\\[Source: [^;\\]]*; ", "[").replaceAll("\\s+", " ").trim();
        if (message.length() > MAX_REASON_CHARS) {
            message = message.substring(0, MAX_REASON_CHARS) + "...";
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getColumnNr() > 0) {
            message += " (column " + location.getColumnNr() + ")";
        }
        return message;
    }

    static String tooLong(int maxChars) {
        return "the record exceeded aep.records.max-chars (" + maxChars + " characters) and was skipped";
    }
}
