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

    public OutputStores(Path defaultRoot, List<String> categories, Clock clock) {
        this.categories = List.copyOf(categories);
        this.clock = clock;
        this.defaultStore = new BatchOutputStore(defaultRoot, categories, clock);
        stores.put(defaultStore.root(), defaultStore);
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
        return stores.computeIfAbsent(root, r -> new BatchOutputStore(r, categories, clock));
    }
}
