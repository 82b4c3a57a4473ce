package dev.aep.failedbatches.outage;

import dev.aep.failedbatches.auth.AccessTokenProvider;
import dev.aep.failedbatches.auth.ImsTokenException;
import dev.aep.failedbatches.client.HttpFailures;
import dev.aep.failedbatches.errors.Causes;
import dev.aep.failedbatches.model.BatchId;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.throttling.ThrottlingExceptionHalfOpenHandler;
import org.apache.camel.throttling.ThrottlingExceptionRoutePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an outage (the token endpoint or the gateway keeps failing) from a batch's own failure, and is the probe of
 * the intake's route policies: the intake resumes once a token can be had and the gateway's circuit breaker is no
 * longer open. One line when the intake pauses, one when it resumes, for the whole bundle.
 */
public final class AepOutage implements ThrottlingExceptionHalfOpenHandler, CamelContextAware {

    /** Id of the circuit breaker of aep-call (aep-client.camel.yaml). */
    static final String BREAKER_ID = "aep-circuit-breaker";
    /** The trial requests of the probe (aep-client.camel.yaml): headers aepHttpPath and aepHttpQuery. */
    static final String PROBE_ENDPOINT = "direct:aep-outage-probe";
    static final String CATALOG_TRIAL_PATH = "/data/foundation/catalog/batches";
    static final String LISTING_TRIAL_PATH = "/data/foundation/export/batches/%s/failed";
    /** More than any sensible aep.circuit.half-open-calls: the breaker decides after that many trials. */
    private static final int MAX_TRIALS = 20;
    private static final Logger LOG = LoggerFactory.getLogger("dev.aep.failedbatches.outage");

    private final AccessTokenProvider tokens;
    private final AtomicBoolean paused = new AtomicBoolean();
    /** The last batch put back: its listing is the probe's Data Access trial (a Catalog read alone proves nothing). */
    private final AtomicReference<String> lastPutBack = new AtomicReference<>();
    private CamelContext camelContext;
    private ProducerTemplate probe;

    public AepOutage(AccessTokenProvider tokens) {
        this.tokens = tokens;
    }

    /**
     * The route policy of one intake route (inbox, queue): the first put-back batch suspends its consumer; every
     * {@code probeMillis} this probe decides whether it resumes.
     */
    public ThrottlingExceptionRoutePolicy intakePolicy(long probeMillis) {
        return new IntakePolicy(probeMillis, this);
    }

    /**
     * Whether {@code failure} put a batch back (outage, shutdown). Route predicates pass {@code ${exception}}: a bean
     * called from simple sees a copy of the exchange without its exception.
     */
    public boolean isPutBack(Throwable failure) {
        return Causes.find(failure, PutBackException.class).isPresent();
    }

    /** Whether {@code failure} is an outage: an open breaker or an IMS token endpoint that failed or was unreachable. */
    public boolean isOutage(Throwable failure) {
        if (Causes.find(failure, CallNotPermittedException.class).isPresent()) {
            return true;
        }
        return Causes.find(failure, ImsTokenException.class)
                .map(ims -> ((ImsTokenException) ims).isRetryable())
                .orElse(false);
    }

    /** A batch met the outage: logs the pause once (the route policies suspend the intake on the exception). */
    public void pause(Exchange exchange) {
        String batchId = exchange.getProperty("aepBatchId", String.class);
        if (BatchId.isValid(batchId)) {
            lastPutBack.set(batchId);
        }
        if (paused.compareAndSet(false, true)) {
            LOG.warn("AEP unreachable ({}): intake paused, batches in flight are put back; probing until it answers",
                    reasonOf(exchange));
        }
    }

    public boolean isPaused() {
        return paused.get();
    }

    /**
     * The probe: a token can be had, the gateway's breaker is closed, and both services a batch needs answer: a
     * Catalog read and the listing of the last batch put back. A half-open breaker is closed by the probe's own trial
     * requests: resumed batches would be its trials otherwise, and each one that failed or was refused would be put
     * back, its queue message rolled back once per half-open period. The trials run even when the breaker is closed: a
     * Data Access outage while the Catalog answers would otherwise resume the intake into the same outage.
     */
    @Override
    public boolean isReadyToBeClosed() {
        if (breakerOpen()) {
            return false;
        }
        try {
            tokens.token();
        } catch (ImsTokenException stillDown) {
            return false;
        }
        if (!trialsAnswered() || !closeHalfOpenBreaker()) {
            return false;
        }
        if (paused.compareAndSet(true, false)) {
            LOG.info("AEP reachable again: intake resumed");
        }
        return true;
    }

    private boolean breakerOpen() {
        return "OPEN".equals(breakerState());
    }

    /** Trial requests while the breaker is half-open; whether it is closed (or absent) at the end. */
    private boolean closeHalfOpenBreaker() {
        for (int round = 0; round < MAX_TRIALS && "HALF_OPEN".equals(breakerState()); round++) {
            if (!trialsAnswered()) {
                return false;
            }
        }
        String state = breakerState();
        return state == null || "CLOSED".equals(state);
    }

    private boolean trialsAnswered() {
        String batchId = lastPutBack.get();
        return answered(CATALOG_TRIAL_PATH)
                && (batchId == null || answered(String.format(LISTING_TRIAL_PATH, batchId)));
    }

    /**
     * One trial request: whether the service answered. An answer a retry would not change (a 4xx: the batch is gone,
     * say) is the service answering; a 429, a 5xx, no connection or a refusing breaker is not.
     */
    private boolean answered(String path) {
        Exchange answer = probeTemplate().request(PROBE_ENDPOINT, e -> {
            e.getIn().setHeader("aepHttpPath", path);
            e.getIn().setHeader("aepHttpQuery", "limit=1");
        });
        Exception failure = answer.getException();
        return failure == null || HttpFailures.status(failure) > 0 && !HttpFailures.retryable(failure);
    }

    private synchronized ProducerTemplate probeTemplate() {
        if (probe == null) {
            probe = camelContext.createProducerTemplate(1);
        }
        return probe;
    }

    private String breakerState() {
        ResilienceProcessor breaker = camelContext == null ? null
                : camelContext.getProcessor(BREAKER_ID, ResilienceProcessor.class);
        return breaker == null ? null : breaker.getCircuitBreakerState();
    }

    private static String reasonOf(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (Causes.find(failure, CallNotPermittedException.class).isPresent()) {
            return "circuit breaker open";
        }
        return Causes.find(failure, ImsTokenException.class).map(Throwable::getMessage).orElse("no answer");
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }
}
