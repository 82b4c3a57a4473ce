package dev.aep.failedbatches.catalog;

/** What reading a batch's Catalog object gave: its summary, or why it could not be read. */
public sealed interface CatalogRead permits CatalogSummary, CatalogReadFailure {

    /** Do {@code failedRecords} records account for the batch's failed records? False when that is unknown. */
    boolean accountsFor(long failedRecords);

    /** Should the batch have error-diagnostics files ({@code meta?path=row_errors})? Unknown: no. */
    default boolean rowErrorsExpected() {
        return false;
    }
}
