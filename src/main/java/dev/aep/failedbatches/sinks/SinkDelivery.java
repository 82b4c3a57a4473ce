package dev.aep.failedbatches.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aep.failedbatches.output.BatchOutputStore;
import dev.aep.failedbatches.output.BatchRun;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;

/**
 * Feeds the sinks from the committed category files after a batch completes, so the file output is always complete
 * first and a sink that is down loses nothing: its undelivered events stay in the file its dead letter names.
 * Called from the YAML routes as bean {@code aepSinks}; state lives in exchange properties.
 */
public final class SinkDelivery {

    public static final String DELIVERY = "aepDelivery";
    public static final String SINK = "aepSink";
    private static final String SENT = "aepSent";
    private static final String KEEP_FILE = "aepKeepFile";
    private static final String FAILED = "aepSinkFailed";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The categories of a completed batch that have events, from its report. */
    @SuppressWarnings("unchecked")
    public List<CategoryDelivery> categories(Map<String, Object> report, Exchange exchange) {
        BatchOutputStore store = store(exchange);
        String batchId = (String) report.get("batchId");
        List<CategoryDelivery> deliveries = new ArrayList<>();
        ((Map<String, Number>) report.get("counts")).forEach((category, count) -> {
            if (count.longValue() > 0) {
                String relative = "errors/" + category + "/" + batchId + ".jsonl";
                deliveries.add(new CategoryDelivery(batchId, category, count.longValue(),
                        store.root().resolve(relative), relative));
            }
        });
        return deliveries;
    }

    /** Marks the start of one sink's delivery of the current category. */
    public void begin(String sink, Exchange exchange) {
        exchange.setProperty(SINK, sink);
        exchange.setProperty(SENT, new AtomicLong());
    }

    /** Streams the events of the current category, one per line of its file. */
    public Iterator<SinkEvent> events(Exchange exchange) throws IOException {
        CategoryDelivery delivery = delivery(exchange);
        return new EventLines(Files.newBufferedReader(delivery.file(), StandardCharsets.UTF_8), delivery);
    }

    public void sent(Exchange exchange) {
        exchange.getProperty(SENT, AtomicLong.class).incrementAndGet();
    }

    /** The files sink: the category file stays where the contract puts it. */
    public void keepFile(Exchange exchange) {
        exchange.setProperty(KEEP_FILE, true);
    }

    /** A sink delivered everything: an earlier dead letter of the same sink for this batch and category is void. */
    public void delivered(Exchange exchange) throws IOException {
        CategoryDelivery d = delivery(exchange);
        store(exchange).clearSinkDeadLetter(d.batchId(), d.category(), exchange.getProperty(SINK, String.class));
    }

    /** A sink failed after its retries: record what was not delivered and where the events are. */
    public void deadLetter(Exchange exchange) throws IOException {
        CategoryDelivery d = delivery(exchange);
        String sink = exchange.getProperty(SINK, String.class);
        AtomicLong sent = exchange.getProperty(SENT, AtomicLong.class);
        long delivered = sent == null ? 0 : sent.get();
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.setProperty(FAILED, true);
        store(exchange).sinkDeadLetter(d.batchId(), d.category(), sink, d.relativePath(), d.count(), delivered, reason(failure));
    }

    /** Something outside any sink's own handling broke the delivery of a batch; its category files are all kept. */
    public void deliveryFailed(Exchange exchange) throws IOException {
        String batchId = exchange.getProperty("aepBatchId", String.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        store(exchange).sinkDeadLetter(batchId, "all", "deliver", "errors/", 0, 0, reason(failure));
    }

    /** After all sinks of a category: a category not routed to files does not keep its file, unless a sink failed. */
    public void finish(Exchange exchange) throws IOException {
        boolean keep = exchange.getProperty(KEEP_FILE, false, Boolean.class)
                || exchange.getProperty(FAILED, false, Boolean.class);
        if (!keep) {
            Files.deleteIfExists(delivery(exchange).file());
        }
        exchange.removeProperty(KEEP_FILE);
        exchange.removeProperty(FAILED);
    }

    private static String reason(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (root != failure) {
            text += " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return text.length() > 1000 ? text.substring(0, 1000) + "..." : text;
    }

    private static BatchOutputStore store(Exchange exchange) {
        BatchRun run = exchange.getProperty("aepBatch", BatchRun.class);
        if (run == null) {
            throw new IllegalStateException("no batch run on the exchange: sinks are fed by direct:aep-deliver");
        }
        return run.store();
    }

    private static CategoryDelivery delivery(Exchange exchange) {
        CategoryDelivery delivery = exchange.getProperty(DELIVERY, CategoryDelivery.class);
        if (delivery == null) {
            throw new IllegalStateException("no category delivery on the exchange: sinks are fed by direct:aep-deliver");
        }
        return delivery;
    }

    /** Lines of a category file as events; closes the file when done. */
    private static final class EventLines implements Iterator<SinkEvent>, Closeable {
        private final BufferedReader reader;
        private final CategoryDelivery delivery;
        private String next;

        EventLines(BufferedReader reader, CategoryDelivery delivery) {
            this.reader = reader;
            this.delivery = delivery;
            advance();
        }

        private void advance() {
            try {
                do {
                    next = reader.readLine();
                } while (next != null && next.isBlank());
                if (next == null) {
                    reader.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public SinkEvent next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            String line = next;
            advance();
            String file = null;
            try {
                JsonNode node = JSON.readTree(line);
                file = node.path("file").isTextual() ? node.path("file").asText() : null;
            } catch (IOException e) {
                // the store wrote this line; a header is all that depends on it
            }
            return new SinkEvent(line, delivery.batchId(), delivery.category(), file);
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
