package dev.aep.failedbatches.sinks;

import java.nio.file.Path;

/**
 * The events of one category of one completed batch, as the sinks get them: {@code errors/<category>/<batchId>.jsonl}
 * under {@code root}, already committed, so a sink that fails loses nothing.
 */
public record CategoryEvents(String batchId, String category, long count, Path file, Path root) {
}
