package dev.aep.failedbatches.output;

import dev.aep.failedbatches.auth.Secrets;
import java.time.Instant;

/**
 * Events a sink could not deliver after its retries: {@code dead-letter/sinks/<batchId>.<category>.<sink>.json}. They
 * stay in {@code eventsFile} (relative to the output root), which is kept. A sink may have sent part of them before
 * it failed; a re-drive sends them all (at least once).
 */
public record SinkDeadLetter(String batchId, String category, String sink, String status, String reason,
        String eventsFile, long events, String at) {

    public static SinkDeadLetter of(String batchId, String category, String sink, String eventsFile, long events,
            String reason, Instant at) {
        return new SinkDeadLetter(batchId, category, sink, "undelivered", Secrets.mask(reason), eventsFile, events,
                at.toString());
    }
}
