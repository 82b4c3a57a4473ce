package dev.aep.failedbatches.client;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultExchange;

/**
 * The circuit breaker runs its steps on a copy of the exchange, and the end of that copy would close the HTTP response
 * before anyone read it. {@link #handOver()} (last step inside the breaker) takes the response's closing task off the
 * copy; {@link #adopt()} (first step after it) gives it to the real exchange, so the download is read as it arrives
 * and still closed when the exchange ends.
 */
public final class DownloadHandover {

    private static final String PENDING = "aepPendingCompletions";
    private static final String HTTP_PRODUCER = "org.apache.camel.component.http.HttpProducer";

    private DownloadHandover() {
    }

    public static Processor handOver() {
        return exchange -> {
            // the HTTP producer registered the closing on the copy's unit of work: move just that one to a holder
            Exchange holder = new DefaultExchange(exchange.getContext());
            if (exchange.getUnitOfWork() != null) {
                exchange.getUnitOfWork().handoverSynchronization(holder,
                        sync -> sync.getClass().getName().startsWith(HTTP_PRODUCER));
            }
            exchange.setProperty(PENDING, holder.getExchangeExtension().handoverCompletions());
        };
    }

    @SuppressWarnings("unchecked")
    public static Processor adopt() {
        return exchange -> {
            List<Synchronization> pending = exchange.getProperty(PENDING, List.class);
            exchange.removeProperty(PENDING);
            if (pending != null) {
                pending.forEach(exchange.getExchangeExtension()::addOnCompletion);
            }
        };
    }
}
