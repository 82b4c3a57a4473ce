package dev.aep.failedbatches.operate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeRedeliveryEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.RoutePolicySupport;

/**
 * The bundle's Prometheus metrics, taken where the routes stay put whatever their steps: a route policy on
 * {@code aep-retrieve-batch} (a batch begins and ends) and on {@code aep-sink-<name>} (one delivery), and Camel's
 * events for the calls to the AEP gateway and the redeliveries. Token requests come from the token provider.
 */
public final class BundleMetrics extends EventNotifierSupport implements RoutePolicyFactory {

    static final String BATCH_ROUTE = "aep-retrieve-batch";
    static final String SINK_ROUTE_PREFIX = "aep-sink-";
    /** the bean name under which camel-micrometer-prometheus keeps its registry */
    static final String METER_REGISTRY = "metricsRegistry";

    private final String apiBaseUrl;
    private final AtomicInteger inFlight = new AtomicInteger();
    private MeterRegistry registry;
    private Timer batchDuration;
    private Counter retries;
    private Counter tokenRefreshes;
    private Counter downloadedBytes;
    private DoubleSupplier discoveryLag;

    public BundleMetrics(String apiBaseUrl) {
        this.apiBaseUrl = apiBaseUrl;
    }

    /** Publishes {@code aep_discovery_lag_seconds} (when discovery is on); set before the context starts. */
    public void setDiscoveryLag(DoubleSupplier discoveryLag) {
        this.discoveryLag = discoveryLag;
    }

    /** Camel's metrics service has created its registry by now; without it (camel.metrics.enabled=false) nothing is published. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MeterRegistry camels = getCamelContext().getRegistry().lookupByNameAndType(METER_REGISTRY, MeterRegistry.class);
        register(camels != null ? camels : new SimpleMeterRegistry());
    }

    private synchronized void register(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("aep.batches.in.flight", inFlight);
        this.batchDuration = Timer.builder("aep.batch.duration").description("Time from the start of a batch to its report or dead letter")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(2))
                .register(registry);
        this.retries = Counter.builder("aep.retries").description("Redeliveries of a failed step (AEP calls, part-file re-reads, sink sends)")
                .register(registry);
        this.tokenRefreshes = Counter.builder("aep.token.refreshes").description("IMS access tokens obtained").register(registry);
        this.downloadedBytes = Counter.builder("aep.downloaded").baseUnit(BaseUnits.BYTES)
                .description("Bytes of failed-record files read from the Data Access API").register(registry);
        if (discoveryLag != null) {
            Gauge.builder("aep.discovery.lag", discoveryLag, DoubleSupplier::getAsDouble).baseUnit("seconds")
                    .description("Time since the Catalog was last listed and handed over completely (Catalog discovery)")
                    .register(registry);
        }
        // the series operators alert on exist from the start, at zero
        batches("completed");
        batches("dead_lettered");
    }

    /** One answer of the IMS token endpoint: {@code status} 0 when it could not be reached. */
    public void tokenRequested(int status, boolean obtained) {
        if (registry == null) {
            return;
        }
        requests("token", status == 0 ? "error" : String.valueOf(status)).increment();
        if (obtained) {
            tokenRefreshes.increment();
        }
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (BATCH_ROUTE.equals(routeId)) {
            return new BatchPolicy();
        }
        if (routeId != null && routeId.startsWith(SINK_ROUTE_PREFIX)) {
            return new SinkPolicy(routeId.substring(SINK_ROUTE_PREFIX.length()));
        }
        return null;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        // Camel emits a sent event only when some notifier took the sending event: take it, or the request counts
        // would depend on another notifier (Micrometer's exchange notifier) being on
        return event instanceof ExchangeSendingEvent || event instanceof ExchangeSentEvent
                || event instanceof ExchangeRedeliveryEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeRedeliveryEvent) {
            retries.increment();
        } else if (event instanceof ExchangeSentEvent sent && sent.getEndpoint().getEndpointUri().startsWith(apiBaseUrl)) {
            aepCallEnded(sent.getExchange());
        }
    }

    private void aepCallEnded(Exchange exchange) {
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, "", String.class);
        String query = exchange.getMessage().getHeader(Exchange.HTTP_RAW_QUERY, "", String.class);
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String kind = kind(path, query);
        requests(kind, exchange.getException() != null || status == null ? "error" : String.valueOf(status)).increment();
        if ("download".equals(kind) && exchange.getException() == null
                && exchange.getMessage().getBody() instanceof InputStream body) {
            // counted as the records are read: the download is streamed, its size is known only at its end
            exchange.getMessage().setBody(new CountingInputStream(body, downloadedBytes));
        }
    }

    static String kind(String path, String query) {
        if (path.contains("/catalog/")) {
            return "catalog";
        }
        return query != null && (query.startsWith("path=") || query.contains("&path=")) ? "download" : "listing";
    }

    private Counter requests(String kind, String status) {
        return Counter.builder("aep.requests").description("Calls to AEP by endpoint kind and HTTP status (error: no answer)")
                .tag("kind", kind).tag("status", status).register(registry);
    }

    private Counter batches(String outcome) {
        return Counter.builder("aep.batches").description("Batches ended, by outcome").tag("outcome", outcome).register(registry);
    }

    private final class BatchPolicy extends RoutePolicySupport {
        private static final String STARTED = "aepMetricsStartedNanos";

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            inFlight.incrementAndGet();
            exchange.setProperty(STARTED, System.nanoTime());
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            inFlight.decrementAndGet();
            Long started = exchange.getProperty(STARTED, Long.class);
            if (started != null) {
                batchDuration.record(Duration.ofNanos(System.nanoTime() - started));
            }
            boolean completed = !exchange.isFailed() && exchange.getMessage().getBody() instanceof Map<?, ?> report
                    && "completed".equals(report.get("status"));
            batches(completed ? "completed" : "dead_lettered").increment();
            if (completed && ((Map<?, ?>) exchange.getMessage().getBody()).get("counts") instanceof Map<?, ?> counts) {
                counts.forEach((category, count) -> Counter.builder("aep.errors")
                        .description("Ingestion errors written, by category").tag("category", String.valueOf(category))
                        .register(registry).increment(((Number) count).doubleValue()));
            }
        }
    }

    private final class SinkPolicy extends RoutePolicySupport {
        private final String sink;

        SinkPolicy(String sink) {
            this.sink = sink;
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            // only a delivery the dispatcher asked for (not the sinks' own helper routes)
            if (sink.equals(exchange.getMessage().getHeader("aepSink", String.class))) {
                Counter.builder("aep.sink.deliveries").description("Deliveries of a batch's category to a sink, by outcome")
                        .tag("sink", sink).tag("outcome", exchange.isFailed() ? "failed" : "delivered")
                        .register(registry).increment();
            }
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
        private final Counter bytes;

        CountingInputStream(InputStream in, Counter bytes) {
            super(in);
            this.bytes = bytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytes.increment();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                bytes.increment(n);
            }
            return n;
        }
    }
}
