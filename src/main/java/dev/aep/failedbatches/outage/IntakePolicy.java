package dev.aep.failedbatches.outage;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.throttling.ThrottlingExceptionRoutePolicy;

/**
 * The intake's ThrottlingExceptionRoutePolicy, which once open ignores the exchanges that were already in flight.
 * With several consumers (aep.queue.concurrent-consumers), batches put back just after the pause would move its
 * last failure time on; its one-shot half-open timer then finds the time "not elapsed", is never set again, and the
 * intake stays paused for good. Synchronized: two batches put back at once would otherwise both open the circuit,
 * and the second opening's timer is lost the same way.
 */
final class IntakePolicy extends ThrottlingExceptionRoutePolicy {

    IntakePolicy(long probeMillis, AepOutage probe) {
        super(1, 60_000, probeMillis, List.of(AepOutageException.class));
        setHalfOpenHandler(probe);
    }

    @Override
    public synchronized void onExchangeDone(Route route, Exchange exchange) {
        if (!"opened".equalsIgnoreCase(getStateAsString())) {
            super.onExchangeDone(route, exchange);
        }
    }
}
