package dev.aep.failedbatches.client;

import dev.aep.failedbatches.errors.Causes;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before each retry of an AEP call: one WARN line naming the batch (Camel's own retry line names the exchange ID,
 * which tells an operator nothing), the failure in a few words and the attempt count. No stack trace, no headers.
 */
public final class RetryLog implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("dev.aep.failedbatches.batch");

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        int status = HttpFailures.status(failure);
        Throwable root = Causes.root(failure);
        String what = status > 0 ? "HTTP " + status : root == null ? "failure" : root.getClass().getSimpleName();
        LOG.warn("Batch {}: AEP call failed ({}), retry {} of {}", exchange.getProperty("aepBatchId", "?", String.class),
                what, exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class),
                exchange.getIn().getHeader(Exchange.REDELIVERY_MAX_COUNTER, 0, Integer.class));
    }
}
