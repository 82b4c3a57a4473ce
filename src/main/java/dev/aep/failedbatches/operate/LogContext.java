package dev.aep.failedbatches.operate;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.MDC;

/**
 * Puts {@value #BATCH_ID} (and, in a sink, {@value #CATEGORY}) into the logging context while a batch or a delivery
 * runs, so that every log line knows them: fields of the JSON log format. Camel carries the keys to its other threads
 * (camel.main.use-mdc-logging, mdc-logging-keys-pattern).
 */
public final class LogContext implements RoutePolicyFactory {

    public static final String BATCH_ID = "batchId";
    public static final String CATEGORY = "category";

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (BundleMetrics.BATCH_ROUTE.equals(routeId)) {
            return new Keys(false);
        }
        if (routeId != null && routeId.startsWith(BundleMetrics.SINK_ROUTE_PREFIX)) {
            return new Keys(true);
        }
        return null;
    }

    private static final class Keys extends RoutePolicySupport {
        private final boolean sink;

        Keys(boolean sink) {
            this.sink = sink;
        }

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            String batchId = sink ? exchange.getMessage().getHeader("aepBatchId", String.class)
                    : exchange.getMessage().getBody(String.class);
            if (batchId != null) {
                // the ID as received can be anything: one line, bounded
                MDC.put(BATCH_ID, batchId.length() > 100 ? batchId.substring(0, 100) : batchId.replaceAll("[\\r\\n]", " "));
            }
            if (sink) {
                String category = exchange.getMessage().getHeader("aepCategory", String.class);
                if (category != null) {
                    MDC.put(CATEGORY, category);
                }
            }
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            if (sink) {
                MDC.remove(CATEGORY);
            } else {
                MDC.remove(BATCH_ID);
            }
        }
    }
}
