package dev.aep.failedbatches.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The failed files of each known batch, in listing order. */
final class BatchStore {

    static final String SUCCESS_MARKER = "_SUCCESS";

    /**
     * A listed file: its bytes, or (when {@code generated} is set) a body produced on demand that is never held in
     * memory, e.g. a 1 GB benchmark file ({@link GeneratedBatches}).
     */
    record FailedFile(String name, byte[] content, GeneratedContent generated) {
        FailedFile(String name, byte[] content) {
            this(name, content, null);
        }

        long length() {
            return generated != null ? generated.length() : content.length;
        }
    }

    /** A file body generated on demand: a fixed length, and a stream of {@code count} bytes from {@code offset}. */
    interface GeneratedContent {
        long length();

        InputStream open(long offset, long count) throws IOException;
    }

    private final Map<String, List<FailedFile>> filesByBatch = new ConcurrentHashMap<>();
    private final Map<String, List<FailedFile>> rowErrorsByBatch = new ConcurrentHashMap<>();

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

    /** Replaces the batch with generated files, listed in map order after the {@code _SUCCESS} marker. */
    void putGenerated(String batchId, Map<String, GeneratedContent> files) {
        List<FailedFile> listing = new ArrayList<>();
        if (!files.isEmpty()) {
            listing.add(new FailedFile(SUCCESS_MARKER, new byte[0]));
        }
        files.forEach((name, content) -> {
            if (!SUCCESS_MARKER.equals(name)) {
                listing.add(new FailedFile(name, null, content));
            }
        });
        filesByBatch.put(batchId, List.copyOf(listing));
    }

    /** Replaces the batch's error-diagnostics files ({@code meta?path=row_errors}), in map order. */
    void putRowErrors(String batchId, Map<String, byte[]> files) {
        List<FailedFile> listing = new ArrayList<>();
        files.forEach((name, content) -> listing.add(new FailedFile(name, content.clone())));
        rowErrorsByBatch.put(batchId, List.copyOf(listing));
    }

    /** The diagnostics are gone, as after AEP's 30-day retention: {@code meta} answers 404. */
    void expireRowErrors(String batchId) {
        rowErrorsByBatch.remove(batchId);
    }

    Optional<List<FailedFile>> rowErrors(String batchId) {
        return Optional.ofNullable(rowErrorsByBatch.get(batchId));
    }

    Optional<List<FailedFile>> files(String batchId) {
        return Optional.ofNullable(filesByBatch.get(batchId));
    }
}
