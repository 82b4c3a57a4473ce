package dev.aep.failedbatches.output;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code reports/<batchId>.json}: a completed batch, its part files in listing order with their error counts, and the
 * count of every category of the rules (zero included). The JSON field names and order are the record's.
 */
public record BatchReport(String batchId, String status, List<FileErrors> files, Map<String, Long> counts, long errors,
        String startedAt, String finishedAt) {

    public record FileErrors(String name, long errors) {
    }

    public static BatchReport of(BatchRun run, Instant finishedAt) {
        List<FileErrors> files = run.fileErrors().entrySet().stream()
                .map(file -> new FileErrors(file.getKey(), file.getValue())).toList();
        return new BatchReport(run.batchId(), "completed", files, run.categoryCounts(), run.total(),
                run.startedAt().toString(), finishedAt.toString());
    }
}
