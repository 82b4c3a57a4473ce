package dev.aep.failedbatches.inbox;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Bean {@code aepRunSummary}: the aggregation strategy of the inbox split. It collects what each line ended with (a
 * report, a dead letter, an invalid line) into a {@link Tally}, and {@link #describe} makes the one INFO line that
 * ends an inbox file: batches completed and failed, errors per category, duration and where the outputs are.
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
        long errors;
        final Map<String, Long> categories = new TreeMap<>();

        void add(Object body) {
            if (body instanceof Map<?, ?> result && result.get("status") != null) {
                if ("completed".equals(result.get("status"))) {
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
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Exchange target = oldExchange == null ? newExchange : oldExchange;
        Tally tally = oldExchange == null ? new Tally() : oldExchange.getMessage().getBody(Tally.class);
        if (tally == null) {
            tally = new Tally();
        }
        tally.add(newExchange.getMessage().getBody());
        target.getMessage().setBody(tally);
        // a line that failed (a batch put back during an outage or a stop, an output that cannot be written) fails
        // the split as it would without this strategy, so the file stays in the inbox or moves to .failed
        if (newExchange.getException() != null && target.getException() == null) {
            target.setException(newExchange.getException());
        }
        return target;
    }

    /** The end of an inbox file's line (after the split): {@code 6 batches completed, 1 failed; 42 errors (...)}. */
    public String describe(Exchange exchange) {
        Tally tally = exchange.getMessage().getBody() instanceof Tally t ? t : new Tally();
        StringBuilder line = new StringBuilder().append(tally.completed).append(" batches completed, ")
                .append(tally.failed).append(" failed; ").append(tally.errors).append(" errors");
        if (!tally.categories.isEmpty()) {
            line.append(" (");
            tally.categories.forEach((category, count) -> line.append(category).append('=').append(count).append(' '));
            line.setLength(line.length() - 1);
            line.append(')');
        }
        long millis = exchange.getClock().elapsed();
        line.append(" in ").append(String.format("%.1f", millis / 1000.0)).append(" s; outputs in ").append(outputDir)
                .append(" (index.html, reports/, errors/<category>/, dead-letter/)");
        return line.toString();
    }
}
