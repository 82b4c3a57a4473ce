package dev.aep.failedbatches.output;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aep.failedbatches.auth.Secrets;
import dev.aep.failedbatches.model.BatchId;
import java.time.Instant;

/**
 * A batch that could not be retrieved: {@code dead-letter/<batchId>.json}, or, when the "batch ID" is not one,
 * {@code dead-letter/invalid-input/batch-<millis>-<hash>.json} (an invalid ID never becomes a path). The reason is
 * masked. A later report of the same batch removes it.
 */
public record DeadLetter(String batchId, String status, String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer httpStatus, String at) {

    public static DeadLetter of(String batchId, String reason, int httpStatus, Instant at) {
        return new DeadLetter(batchId, "failed", Secrets.mask(reason), httpStatus > 0 ? httpStatus : null, at.toString());
    }

    /** The folder under the output root: {@code dead-letter}, or {@code dead-letter/invalid-input} for an invalid ID. */
    @JsonIgnore
    public String folder() {
        return BatchId.isValid(batchId) ? "dead-letter" : "dead-letter/invalid-input";
    }

    @JsonIgnore
    public String fileName() {
        return BatchId.isValid(batchId) ? batchId + ".json"
                : "batch-" + Instant.parse(at).toEpochMilli() + "-" + Math.abs((long) String.valueOf(batchId).hashCode()) + ".json";
    }
}
