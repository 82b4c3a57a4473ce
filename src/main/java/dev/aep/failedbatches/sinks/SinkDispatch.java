package dev.aep.failedbatches.sinks;

import dev.aep.failedbatches.errors.Causes;
import dev.aep.failedbatches.output.BatchRun;
import dev.aep.failedbatches.output.OutputLayout;
import dev.aep.failedbatches.output.OutputRoots;
import dev.aep.failedbatches.output.SinkDeadLetter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * Bean {@code aepSinkDispatch}: what {@code routes/deliver.camel.yaml} needs from Java to feed the sinks: the categories
 * of a completed batch, their events as a stream, and the record of a sink's dead letter (the route writes it after
 * the sink's last retry and removes it after its next success). The sinks themselves never call it.
 */
public final class SinkDispatch {

    /** Headers of the sink contract (README "Write your own sink"). */
    public static final String BATCH_ID = "aepBatchId";
    public static final String CATEGORY = "aepCategory";
    public static final String COUNT = "aepCount";
    public static final String EVENTS_FILE = "aepEventsFile";
    public static final String FIRST_EVENTS = "aepFirstEvents";
    public static final String SINK = "aepSink";
    public static final String OUTPUT_DIR = "aepOutputDir";

    private final OutputRoots roots;
    private final Clock clock;
    private final int digestSize;

    public SinkDispatch(OutputRoots roots, Clock clock, int digestSize) {
        this.roots = roots;
        this.clock = clock;
        this.digestSize = Math.max(1, digestSize);
    }

    /** The categories of a completed batch that have events, from its report, in rule order. */
    @SuppressWarnings("unchecked")
    public List<CategoryEvents> categories(Map<String, Object> report, @ExchangeProperty("aepBatch") BatchRun run) {
        Path root = run != null ? run.root() : roots.resolve(null);
        String batchId = (String) report.get("batchId");
        List<CategoryEvents> categories = new ArrayList<>();
        ((Map<String, Number>) report.get("counts")).forEach((category, count) -> {
            if (count.longValue() > 0) {
                Path file = new OutputLayout(root).categoryFile(category, batchId);
                categories.add(new CategoryEvents(batchId, category, count.longValue(), file, root));
            }
        });
        return categories;
    }

    /*
     * The headers of one category (deliver.camel.yaml) are asked of this bean, not of the CategoryEvents in OGNL
     * (${body.category()}): Camel introspects the class of every new object an OGNL call is made on.
     */
    public String batchId(CategoryEvents events) {
        return events.batchId();
    }

    public String category(CategoryEvents events) {
        return events.category();
    }

    public long count(CategoryEvents events) {
        return events.count();
    }

    public String eventsFile(CategoryEvents events) {
        return events.file().toString();
    }

    public String outputDir(CategoryEvents events) {
        return events.root().toString();
    }

    /** The events of the category in header {@code aepEventsFile}, streamed: the body every sink gets. */
    public EventsFile events(@Header(EVENTS_FILE) String file) {
        return new EventsFile(Path.of(file));
    }

    /** The first events of the category, for digest sinks; the size is {@code aep.sinks.digest-size}. */
    public List<Map<String, Object>> firstEvents(@Header(EVENTS_FILE) String file) {
        return new EventsFile(Path.of(file)).first(digestSize);
    }

    /** The sink failed after its retries: the record of {@code dead-letter/sinks/<batchId>.<category>.<sink>.json}. */
    public SinkDeadLetter undelivered(@Header(OUTPUT_DIR) String root, @Header(BATCH_ID) String batchId,
            @Header(CATEGORY) String category, @Header(SINK) String sink, @Header(COUNT) long count,
            @Header(EVENTS_FILE) String eventsFile, Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String relative = roots.resolve(root).relativize(Path.of(eventsFile)).toString();
        return SinkDeadLetter.of(batchId, category, sink, relative, count, reason(failure), clock.instant());
    }

    private static String reason(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        Throwable root = Causes.root(failure);
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (root != failure) {
            text += " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return text.length() > 1000 ? text.substring(0, 1000) + "..." : text;
    }
}
