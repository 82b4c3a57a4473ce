package dev.aep.failedbatches.output;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One output store per output folder: the configured one, plus any a route template instance asks for. */
public final class OutputStores {

    private final BatchOutputStore defaultStore;
    private final List<String> categories;
    private final Clock clock;
    private final Map<Path, BatchOutputStore> stores = new ConcurrentHashMap<>();

    private final java.time.Duration staleTemporaryAge;
    private final AtomicFiles files;

    public OutputStores(Path defaultRoot, List<String> categories, Clock clock, java.time.Duration staleTemporaryAge) {
        this(defaultRoot, categories, clock, staleTemporaryAge,
                new AtomicFiles(AtomicFiles.parseMode(AtomicFiles.DEFAULT_MODE)));
    }

    /** @param files how every output file is written (its mode: {@code aep.output.file-mode}) */
    public OutputStores(Path defaultRoot, List<String> categories, Clock clock, java.time.Duration staleTemporaryAge,
            AtomicFiles files) {
        this.categories = List.copyOf(categories);
        this.clock = clock;
        this.staleTemporaryAge = staleTemporaryAge;
        this.files = files;
        this.defaultStore = open(defaultRoot);
        stores.put(defaultStore.root(), defaultStore);
    }

    private BatchOutputStore open(Path root) {
        BatchOutputStore store = new BatchOutputStore(root, categories, clock, files);
        try {
            int removed = store.removeStaleTemporaryFiles(staleTemporaryAge);
            if (removed > 0) {
                org.slf4j.LoggerFactory.getLogger(OutputStores.class)
                        .info("Removed {} temporary file(s) left by an interrupted run under {}", removed, store.root());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot clean temporary files under " + root, e);
        }
        return store;
    }

    public BatchOutputStore defaultStore() {
        return defaultStore;
    }

    /** The store of {@code dir}, or the default one when {@code dir} is null or blank. */
    public BatchOutputStore forDir(String dir) {
        if (dir == null || dir.isBlank()) {
            return defaultStore;
        }
        Path root = Path.of(dir).toAbsolutePath().normalize();
        return stores.computeIfAbsent(root, this::open);
    }
}
