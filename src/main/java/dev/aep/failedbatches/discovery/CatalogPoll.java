package dev.aep.failedbatches.discovery;

import java.util.List;

/**
 * One discovery run's position: the exclusive {@code createdAfter} it lists from, the {@code start} offset of the
 * next page, and the batches of the page just read (oldest first; empty before the first page).
 */
public record CatalogPoll(long after, int start, List<DiscoveredBatch> batches, boolean lastPage) {

    static CatalogPoll from(long after) {
        return new CatalogPoll(after, 0, List.of(), false);
    }

    /** Another page to read: none was read yet, or the last one was full. */
    public boolean hasNext() {
        return !lastPage;
    }

    public int size() {
        return batches.size();
    }

    CatalogPoll withPage(List<DiscoveredBatch> page, int pageSize) {
        return new CatalogPoll(after, start, List.copyOf(page), page.size() < pageSize);
    }

    CatalogPoll next(int pageSize) {
        return new CatalogPoll(after, start + pageSize, List.of(), lastPage);
    }
}
