package dev.aep.failedbatches.sinks;

import java.nio.file.Path;

/** The events of one category of one batch, ready for the sinks: {@code errors/<category>/<batchId>.jsonl}. */
public record CategoryDelivery(String batchId, String category, long count, Path file, String relativePath) {
}
