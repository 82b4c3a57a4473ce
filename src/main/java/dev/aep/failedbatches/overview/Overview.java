package dev.aep.failedbatches.overview;

import dev.aep.failedbatches.output.OutputRoots;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.Exchange;

/**
 * Bean {@code aepOverview} of routes/overview.camel.yaml: the output root of a batch that ended, and the page of a
 * root (the route's aggregator decides when: once a burst of batches is over).
 */
public final class Overview {

    private static final String OUTPUT_DIR = "aepOutputDir";

    private final OutputRoots roots;
    private final OverviewScan scan;
    private final Clock clock;

    public Overview(OutputRoots roots, OverviewScan scan, Clock clock) {
        this.roots = roots;
        this.scan = scan;
        this.clock = clock;
    }

    /** The output root of a batch that ended (exchange property aepOutputDir, else aep.output.dir). */
    public String root(Exchange exchange) {
        return roots.resolve(exchange.getProperty(OUTPUT_DIR, String.class)).toString();
    }

    /** The page of the exchange's output root. */
    public String render(Exchange exchange) throws IOException {
        Path root = roots.resolve(exchange.getProperty(OUTPUT_DIR, String.class));
        return OverviewPage.render(scan.scan(root), clock.instant());
    }
}
