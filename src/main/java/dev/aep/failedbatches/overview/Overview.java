package dev.aep.failedbatches.overview;

import dev.aep.failedbatches.output.OutputRoots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * Bean {@code aepOverview} of routes/overview.camel.yaml: which output roots need a new {@code index.html}, and the
 * page of one. A root needs one when a batch was delivered there ({@link #changed}) or when its reports/ or
 * dead-letter/ folder changed: every output is renamed into place, which changes its folder's modification time, so
 * a dead letter is seen without a hook in the retrieval route, and a burst of batches makes one page.
 */
public final class Overview {

    private static final String OUTPUT_DIR = "aepOutputDir";

    private final OutputRoots roots;
    private final OverviewScan scan;
    private final Clock clock;
    private final Set<Path> dirty = ConcurrentHashMap.newKeySet();
    private final Map<Path, String> seen = new ConcurrentHashMap<>();

    public Overview(OutputRoots roots, OverviewScan scan, Clock clock) {
        this.roots = roots;
        this.scan = scan;
        this.clock = clock;
    }

    /** A batch ended under the exchange's output root: its page is due. */
    public void changed(Exchange exchange) {
        dirty.add(roots.resolve(exchange.getProperty(OUTPUT_DIR, String.class)));
    }

    /** The roots whose page is due (each returned once per change), as strings for {@code aepOutputDir}. */
    public List<String> changedRoots() {
        Set<Path> candidates = new LinkedHashSet<>();
        candidates.add(roots.resolve(null));
        candidates.addAll(seen.keySet());
        candidates.addAll(dirty);
        List<String> due = new ArrayList<>();
        for (Path root : candidates) {
            String stamp = stamp(root);
            boolean delivered = dirty.remove(root);
            if (stamp != null && (!stamp.equals(seen.put(root, stamp)) || delivered)) {
                due.add(root.toString());
            }
        }
        return due;
    }

    /** The page of the exchange's output root. */
    public String render(Exchange exchange) throws IOException {
        Path root = roots.resolve(exchange.getProperty(OUTPUT_DIR, String.class));
        return OverviewPage.render(scan.scan(root), clock.instant());
    }

    /** The modification times of reports/ and dead-letter/; null when the root has neither yet. */
    private static String stamp(Path root) {
        String reports = modified(root.resolve("reports"));
        String deadLetters = modified(root.resolve("dead-letter"));
        return reports == null && deadLetters == null ? null : reports + "|" + deadLetters;
    }

    private static String modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant().toString();
        } catch (NoSuchFileException missing) {
            return null;
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
