package dev.aep.failedbatches.inbox;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Bean {@code aepRunSummary}: the aggregation strategy of the inbox split, of a discovery poll's pages and of a queue
 * burst's aggregator. It collects what each batch ended with (a report, a dead letter, a hand-over to the queue) into
 * a {@link Tally}, and {@link #describe} makes the one INFO line that ends an inbox file, a discovery poll or a queue
 * burst: batches completed and failed, errors per category, duration and where the outputs are.
 */
public final class RunSummary implements AggregationStrategy {

    private final Path outputDir;

    public RunSummary(Path outputDir) {
        this.outputDir = outputDir.toAbsolutePath().normalize();
    }

    /** What the lines of one inbox file ended with. Filled under the split's lock, one line at a time. */
    public static final class Tally {
        int completed;
        int failed;
        int queued;
        long errors;
        final Map<String, Long> categories = new TreeMap<>();
        /** epoch ms: the earliest exchange counted was created, and the latest one was counted */
        long firstCreated = Long.MAX_VALUE;
        long lastCounted;

        void add(Exchange exchange) {
            firstCreated = Math.min(firstCreated, exchange.getClock().getCreated());
            lastCounted = System.currentTimeMillis();
            Object body = exchange.getMessage().getBody();
            if (body instanceof Map<?, ?> result && result.get("status") != null) {
                if (QUEUED.equals(result.get("status"))) {
                    queued++;
                } else if ("completed".equals(result.get("status"))) {
                    completed++;
                    errors += result.get("errors") instanceof Number n ? n.longValue() : 0;
                    if (result.get("counts") instanceof Map<?, ?> counts) {
                        counts.forEach((category, count) -> {
                            if (count instanceof Number n && n.longValue() > 0) {
                                categories.merge(String.valueOf(category), n.longValue(), Long::sum);
                            }
                        });
                    }
                } else {
                    failed++;
                }
            }
        }

        void addAll(Tally other) {
            completed += other.completed;
            failed += other.failed;
            queued += other.queued;
            errors += other.errors;
            other.categories.forEach((category, count) -> categories.merge(category, count, Long::sum));
            firstCreated = Math.min(firstCreated, other.firstCreated);
            lastCounted = Math.max(lastCounted, other.lastCounted);
        }
    }

    private static final String QUEUED = "queued";
    /** the variable in which a discovery poll sums up its pages */
    private static final String POLL = "aepPollSummary";

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Exchange target = oldExchange == null ? newExchange : oldExchange;
        Tally tally = oldExchange == null ? new Tally() : oldExchange.getMessage().getBody(Tally.class);
        if (tally == null) {
            tally = new Tally();
        }
        tally.add(newExchange);
        target.getMessage().setBody(tally);
        // a line that failed (a batch put back during an outage or a stop, an output that cannot be written) fails
        // the split as it would without this strategy, so the file stays in the inbox or moves to .failed
        if (newExchange.getException() != null && target.getException() == null) {
            target.setException(newExchange.getException());
        }
        return target;
    }

    /** What a batch ID handed over to the input queue counts as (discovery with aep.queue.enabled). */
    public Map<String, String> queued() {
        return Map.of("status", QUEUED);
    }

    /** Adds a page of a discovery poll (body: its split's Tally) to the poll's sum (variable aepPollSummary). */
    public void addPage(Exchange exchange) {
        Tally poll = exchange.getVariable(POLL, Tally.class);
        if (poll == null) {
            poll = new Tally();
            exchange.setVariable(POLL, poll);
        }
        if (exchange.getMessage().getBody() instanceof Tally page) {
            poll.addAll(page);
        }
    }

    /** The summary of a discovery poll: its pages summed up by {@link #addPage}. */
    public String describePoll(Exchange exchange) {
        exchange.getMessage().setBody(exchange.getVariable(POLL, Tally.class));
        return describe(exchange);
    }

    /**
     * The summary line (after the inbox split, a discovery poll, a queue burst): {@code 6 batches completed, 1 failed;
     * 42 errors (...) in 3.1 s; outputs in ...}. The duration runs from the first exchange counted (or this one, if
     * older) to the last one counted: a queue burst ends only after a quiet spell, which is not part of it.
     */
    public String describe(Exchange exchange) {
        Tally tally = exchange.getMessage().getBody() instanceof Tally t ? t : new Tally();
        StringBuilder line = new StringBuilder().append(tally.completed).append(" batches completed, ")
                .append(tally.failed).append(" failed");
        if (tally.queued > 0) {
            line.append(", ").append(tally.queued).append(" handed to the input queue");
        }
        line.append("; ").append(tally.errors).append(" errors");
        if (!tally.categories.isEmpty()) {
            line.append(" (");
            tally.categories.forEach((category, count) -> line.append(category).append('=').append(count).append(' '));
            line.setLength(line.length() - 1);
            line.append(')');
        }
        long start = Math.min(tally.firstCreated, exchange.getClock().getCreated());
        long millis = (tally.lastCounted > 0 ? tally.lastCounted : System.currentTimeMillis()) - start;
        line.append(" in ").append(String.format("%.1f", millis / 1000.0)).append(" s; outputs in ").append(outputDir)
                .append(" (index.html, reports/, errors/<category>/, dead-letter/)");
        return line.toString();
    }
}
