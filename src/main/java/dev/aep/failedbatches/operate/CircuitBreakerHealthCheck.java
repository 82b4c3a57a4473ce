package dev.aep.failedbatches.operate;

import java.util.Map;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: DOWN while the circuit breaker around the AEP calls (node {@value #NODE_ID} in aep-client.camel.yaml)
 * is open, i.e. while batches are dead-lettered at once. Looked up on every call: a route reload replaces it.
 */
public final class CircuitBreakerHealthCheck extends AbstractHealthCheck {

    static final String NODE_ID = "aep-circuit-breaker";

    public CircuitBreakerHealthCheck() {
        super("aep", "aep-circuit-breaker");
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ResilienceProcessor breaker = getCamelContext().getProcessor(NODE_ID, ResilienceProcessor.class);
        if (breaker == null) {
            builder.detail("state", "absent").up();
            return;
        }
        String state = breaker.getCircuitBreakerState();
        builder.detail("state", state);
        if (state != null && state.contains("OPEN") && !state.contains("HALF")) {
            builder.message("circuit breaker " + state + ": AEP calls are suspended, batches are dead-lettered").down();
        } else {
            builder.up();
        }
    }
}
