package dev.aep.failedbatches.sinks;

/** One event as a sink sends it: its JSON line plus the fields a message header needs. */
public record SinkEvent(String json, String batchId, String category, String file) {
}
