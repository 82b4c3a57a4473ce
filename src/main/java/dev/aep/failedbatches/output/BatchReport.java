package dev.aep.failedbatches.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aep.failedbatches.catalog.CatalogRead;
import dev.aep.failedbatches.catalog.RowErrors;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code reports/<batchId>.json}: a completed batch, its part files in listing order with their error counts, the
 * count of every category of the rules (zero included), the records read from the failed files, the batch's Catalog
 * metadata (or why it could not be read), whether those records account for the Catalog's failedRecordCount and
 * what came of the error-diagnostics files (row errors, read like failed files, when the Catalog says there are some).
 * The JSON field names and order are the record's; new fields go at the end.
 */
public record BatchReport(String batchId, String status, List<FileErrors> files, Map<String, Long> counts, long errors,
        String startedAt, String finishedAt, long records,
        @JsonInclude(JsonInclude.Include.NON_NULL) CatalogRead catalog,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean reconciled,
        @JsonInclude(JsonInclude.Include.NON_NULL) RowErrors rowErrors) {

    public record FileErrors(String name, long errors) {
    }

    public static BatchReport of(BatchRun run, Instant finishedAt) {
        List<FileErrors> files = run.fileErrors().entrySet().stream()
                .map(file -> new FileErrors(file.getKey(), file.getValue())).toList();
        return new BatchReport(run.batchId(), "completed", files, run.categoryCounts(), run.total(),
                run.startedAt().toString(), finishedAt.toString(), run.records(), null, null, null);
    }

    /**
     * This report with the batch's Catalog read ({@code reconciled} only when the records match its
     * failedRecordCount) and, when they were looked for, the error-diagnostics files ({@code rowErrors}, else null).
     */
    public BatchReport withCatalog(CatalogRead read, RowErrors rowErrorFiles) {
        return new BatchReport(batchId, status, files, counts, errors, startedAt, finishedAt, records, read,
                read.accountsFor(records), rowErrorFiles);
    }
}
