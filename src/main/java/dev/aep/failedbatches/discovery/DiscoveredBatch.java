package dev.aep.failedbatches.discovery;

/** A batch found in a Catalog list page: its ID and its {@code created} time (epoch ms). */
public record DiscoveredBatch(String id, long created) {
}
