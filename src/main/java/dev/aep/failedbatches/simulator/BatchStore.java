package dev.aep.failedbatches.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The failed files of each known batch, in listing order. */
final class BatchStore {

    static final String SUCCESS_MARKER = "_SUCCESS";

    record FailedFile(String name, byte[] content) {
    }

    private final Map<String, List<FailedFile>> filesByBatch = new ConcurrentHashMap<>();

    /**
     * Replaces the batch. A batch with files always lists a zero-length {@code _SUCCESS} first, like Spark output;
     * a batch without files stays empty.
     */
    void put(String batchId, Map<String, byte[]> files) {
        List<FailedFile> listing = new ArrayList<>();
        if (!files.isEmpty()) {
            listing.add(new FailedFile(SUCCESS_MARKER, new byte[0]));
        }
        files.forEach((name, content) -> {
            if (!SUCCESS_MARKER.equals(name)) {
                listing.add(new FailedFile(name, content.clone()));
            }
        });
        filesByBatch.put(batchId, List.copyOf(listing));
    }

    Optional<List<FailedFile>> files(String batchId) {
        return Optional.ofNullable(filesByBatch.get(batchId));
    }
}
