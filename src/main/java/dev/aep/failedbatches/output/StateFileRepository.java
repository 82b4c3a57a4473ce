package dev.aep.failedbatches.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * Camel's persistent idempotent repository, its file kept like every output: created with {@code aep.output.file-mode}
 * and emptied in place (Camel's own deletes and re-creates it with the process umask, readable by everyone). A key
 * missing from the in-memory cache is looked up in the file only when the cache may have dropped keys: Camel's
 * repository reads its whole file for every new key (twice per batch ID, under one lock), so a bundle that has run for
 * months spent more time scanning its state file than retrieving a batch.
 */
public class StateFileRepository extends FileIdempotentRepository {

    private static final int CAMEL_DEFAULT_CACHE_SIZE = 1000;

    private String fileMode = AtomicFiles.DEFAULT_MODE;
    private volatile boolean cacheWasFull;
    private boolean cachedOnly;

    public void setFileMode(String fileMode) {
        this.fileMode = fileMode;
    }

    /**
     * true: the repository remembers the keys its cache holds (the most recent {@code cacheSize}, reloaded from the
     * file at start) and never reads the file for a key the full cache dropped. For a store whose old keys cannot
     * come back, so that a full cache does not bring back a whole-file read per new key.
     */
    public void setCachedOnly(boolean cachedOnly) {
        this.cachedOnly = cachedOnly;
    }

    @Override
    protected void doStart() throws Exception {
        new AtomicFiles(AtomicFiles.parseMode(fileMode)).createIfAbsent(getFileStore().toPath());
        cacheWasFull = false;
        super.doStart();
        noteWhetherCacheIsFull();
    }

    @Override
    public void clear() {
        super.clear();
        cacheWasFull = false;
    }

    /** Called under the repository's lock, after the cache was asked (and, when adding, after the key was put). */
    @Override
    protected boolean containsStore(String key) {
        noteWhetherCacheIsFull();
        return cacheWasFull && !cachedOnly && scanStore(key);
    }

    /**
     * An LRU cache drops keys only once it is full; until then it holds the whole file (loaded at start) and every key
     * added since, so a key it lacks is not in the file either.
     */
    private void noteWhetherCacheIsFull() {
        Map<String, Object> cache = getCache();
        int capacity = getMaxCacheSize() > 0 ? getMaxCacheSize() : CAMEL_DEFAULT_CACHE_SIZE;
        if (!cacheWasFull && (cache == null || cache.size() >= capacity)) {
            cacheWasFull = true;
        }
    }

    /** Camel's lookup: a read of the whole file. */
    boolean scanStore(String key) {
        return super.containsStore(key);
    }

    @Override
    protected void clearStore() {
        try (FileChannel store = FileChannel.open(getFileStore().toPath(), StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
            store.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + getFileStore(), e);
        }
    }
}
