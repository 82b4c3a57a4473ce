package dev.aep.failedbatches.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aep.failedbatches.model.BatchId;
import java.io.IOException;

/** A queue message read as a batch ID: a plain ID or {@code {"batchId": "..."}}; otherwise the reason it is not. */
public record BatchIdMessage(String raw, String value, String reason) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RAW = 64 * 1024;

    public static BatchIdMessage parse(String body) {
        String raw = body == null ? "" : body;
        if (raw.length() > MAX_RAW) {
            return new BatchIdMessage(raw.substring(0, MAX_RAW), null, "message larger than " + MAX_RAW + " characters");
        }
        String text = raw.replace("\uFEFF", "").strip();
        String candidate = text;
        if (text.startsWith("{")) {
            try {
                JsonNode id = JSON.readTree(text).path("batchId");
                if (!id.isTextual()) {
                    return new BatchIdMessage(raw, null, "JSON message without a string batchId");
                }
                candidate = id.asText().strip();
            } catch (IOException e) {
                return new BatchIdMessage(raw, null, "message starts like JSON but is not valid JSON");
            }
        }
        if (!BatchId.isValid(candidate)) {
            return new BatchIdMessage(raw, null, BatchId.INVALID);
        }
        return new BatchIdMessage(raw, candidate, null);
    }

    /** A message that is not read at all (not text), for {@code reason}. */
    public static BatchIdMessage rejected(String reason) {
        return new BatchIdMessage("", null, reason);
    }

    public boolean isBatchId() {
        return value != null;
    }
}
