package dev.aep.failedbatches.catalog;

import java.util.List;

/**
 * A batch as the Catalog describes it ({@code GET /data/foundation/catalog/batches/{id}}): status, dataset, times
 * (ISO-8601, from epoch ms), record counts, the batch-level errors and whether it was created with error
 * diagnostics. Absent values stay null.
 */
public record CatalogSummary(String status, String datasetId, String created, String completed, Long inputRecordCount,
        Long failedRecordCount, List<BatchError> errors, boolean errorDiagnostics) implements CatalogRead {

    /** One entry of the batch's {@code errors[]}; {@code recordCount} comes only with error diagnostics. */
    public record BatchError(String code, String description, Long recordCount) {
    }

    public CatalogSummary {
        errors = List.copyOf(errors);
    }

    /**
     * Created with error diagnostics (tag {@code acp_enableErrorDiagnostics}), or a successful batch that still lost
     * records: AEP keeps such rows in {@code meta?path=row_errors}, not in the failed files.
     */
    @Override
    public boolean rowErrorsExpected() {
        return errorDiagnostics || (("success".equals(status) || "active".equals(status))
                && failedRecordCount != null && failedRecordCount > 0);
    }

    @Override
    public boolean accountsFor(long failedRecords) {
        return failedRecordCount != null && failedRecordCount == failedRecords;
    }
}
