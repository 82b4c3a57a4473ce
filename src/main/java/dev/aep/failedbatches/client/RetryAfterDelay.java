package dev.aep.failedbatches.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Runs when a retryable failure occurs, before Camel computes the redelivery delay: a Retry-After from the server
 * becomes this attempt's delay ({@code CamelRedeliveryDelay}, capped); without one the exponential backoff applies.
 */
public final class RetryAfterDelay implements Processor {

    private final Duration maxDelay;
    private final Clock clock;

    public RetryAfterDelay(Duration maxDelay, Clock clock) {
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Optional<Duration> wait = HttpFailures.retryAfter(failure, clock.instant());
        if (wait.isPresent()) {
            long millis = Math.min(wait.get().toMillis(), maxDelay.toMillis());
            exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, millis);
        } else {
            exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
        }
    }
}
