package dev.aep.failedbatches.catalog;

/** A Catalog read that failed: a short reason made of statuses and type names only, never a response body. */
public record CatalogReadFailure(String error) implements CatalogRead {

    @Override
    public boolean accountsFor(long failedRecords) {
        return false;
    }
}
