package dev.aep.failedbatches.operate;

import dev.aep.failedbatches.pipeline.AepSettings;
import java.nio.file.Path;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.CamelContextStartedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one line that says the bundle is up, and where to look: Camel's own start-up and shutdown listings (beans,
 * properties, every route) are cut to WARN in log4j2.xml, so the demo run reads as its work.
 */
final class StartedLine extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger("dev.aep.failedbatches.started");

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelContextStartedEvent;
    }

    /** The context and its routes have started. */
    @Override
    public void notify(CamelEvent event) {
        LOG.info(describe(new AepSettings(getCamelContext().getPropertiesComponent())));
    }

    static String describe(AepSettings settings) {
        StringBuilder line = new StringBuilder("aep-failed-batches started: outputs in ")
                .append(absolute(settings.get("aep.output.dir", "out")));
        if (!"false".equalsIgnoreCase(settings.get("aep.inbox.enabled", "true"))) {
            line.append(", inbox ").append(absolute(settings.get("aep.inbox.dir", "inbox")));
        }
        if ("true".equalsIgnoreCase(settings.get("aep.queue.enabled", "false"))) {
            line.append(", queue ").append(settings.get("aep.queue.input", "aep.batches"));
        }
        if ("true".equalsIgnoreCase(settings.get("aep.discovery.enabled", "false"))) {
            line.append(", Catalog discovery every ").append(settings.get("aep.discovery.interval-seconds", "300"))
                    .append(" s");
        }
        if ("true".equalsIgnoreCase(settings.get("camel.management.enabled", "false"))) {
            String port = settings.get("aep.management.port", "9876");
            line.append("; health and metrics at http://").append(settings.get("aep.management.host", "127.0.0.1"))
                    .append(':').append("0".equals(port) ? "<a free port>" : port).append("/observe/health, /observe/metrics");
        }
        return line.toString();
    }

    private static Path absolute(String folder) {
        return Path.of(folder).toAbsolutePath().normalize();
    }
}
