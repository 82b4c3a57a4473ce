package dev.aep.failedbatches.catalog;

import java.util.List;

/**
 * A batch as the Catalog describes it ({@code GET /data/foundation/catalog/batches/{id}}): status, dataset, times
 * (ISO-8601, from epoch ms), record counts and the batch-level errors. Absent values stay null.
 */
public record CatalogSummary(String status, String datasetId, String created, String completed, Long inputRecordCount,
        Long failedRecordCount, List<BatchError> errors) implements CatalogRead {

    /** One entry of the batch's {@code errors[]}; {@code recordCount} comes only with error diagnostics. */
    public record BatchError(String code, String description, Long recordCount) {
    }

    public CatalogSummary {
        errors = List.copyOf(errors);
    }

    @Override
    public boolean accountsFor(long failedRecords) {
        return failedRecordCount != null && failedRecordCount == failedRecords;
    }
}
