package dev.aep.failedbatches.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * The output roots in use: {@code aep.output.dir}, plus any a route template instance names in exchange property
 * {@code aepOutputDir}. The first time a root is used, temporary files that a crashed run left there are removed.
 */
public final class OutputRoots {

    private final Path defaultRoot;
    private final Clock clock;
    private final Duration staleTemporaryAge;
    private final Map<Path, Path> cleaned = new ConcurrentHashMap<>();

    public OutputRoots(Path defaultRoot, Clock clock, Duration staleTemporaryAge) {
        this.clock = clock;
        this.staleTemporaryAge = staleTemporaryAge;
        this.defaultRoot = resolve(defaultRoot.toString());
    }

    /** The root of {@code dir}, or the default one when {@code dir} is null or blank. */
    public Path resolve(String dir) {
        if (dir == null || dir.isBlank()) {
            return defaultRoot;
        }
        Path root = Path.of(dir).toAbsolutePath().normalize();
        return cleaned.computeIfAbsent(root, this::cleanOnce);
    }

    private Path cleanOnce(Path root) {
        try {
            int removed = removeStaleTemporaryFiles(root, clock.instant().minus(staleTemporaryAge));
            if (removed > 0) {
                LoggerFactory.getLogger(OutputRoots.class)
                        .info("Removed {} temporary file(s) left by an interrupted run under {}", removed, root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean temporary files under " + root, e);
        }
        return root;
    }

    /**
     * Removes temporary files not younger than {@code cutoff}: what a crashed run left behind. Younger ones may belong
     * to another instance sharing this root and are left alone.
     */
    public static int removeStaleTemporaryFiles(Path root, Instant cutoff) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.walk(root, 3)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (AtomicFiles.isTemporaryName(file.getFileName().toString())
                        && !Files.getLastModifiedTime(file).toInstant().isAfter(cutoff)) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        }
        return removed;
    }
}
