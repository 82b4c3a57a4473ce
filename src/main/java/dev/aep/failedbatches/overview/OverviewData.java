package dev.aep.failedbatches.overview;

import java.util.List;
import java.util.Map;

/**
 * What the overview page shows, read from one output root: the newest batches (reports and dead letters), how many
 * there are in all, and the most frequent messages per category of the newest batches.
 */
public record OverviewData(List<Row> rows, int reportsOnDisk, int deadLettersOnDisk, int maxRows,
        int messageBatches, List<String> categories, Map<String, List<MessageCount>> topMessages) {

    /** A batch: a report ({@code completed}) or a dead letter ({@code failed}, with its reason). */
    public record Row(String batchId, String status, int files, long errors, Map<String, Long> counts,
            String startedAt, String finishedAt, String reason, boolean report, boolean deadLetter) {

        /** When it ended: finishedAt of a report, the time of a dead letter. */
        public String endedAt() {
            return finishedAt == null ? "" : finishedAt;
        }
    }

    public record MessageCount(String message, long count) {
    }

    public int batchesOnDisk() {
        return reportsOnDisk + deadLettersOnDisk;
    }

    public boolean capped() {
        return batchesOnDisk() > rows.size();
    }
}
