package dev.aep.failedbatches.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A dead API does not burn the retry budget of every batch: the breaker opens and batches are dead-lettered at once. */
class CircuitBreakerTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("aep.circuit.minimum-calls", "4", "aep.circuit.sliding-window-size", "4",
                "aep.circuit.open-seconds", "60");
    }

    @Test
    void anOpenCircuitBreakerDeadLettersBatchesAtOnceInsteadOfBurningRetries() throws Exception {
        FaultInjectionTest.batchOfKnownSize(simulator());
        simulator().faults().failNext(1000, 503, null);
        retrieve(FaultInjectionTest.BATCH);
        assertThat(deadLetter(FaultInjectionTest.BATCH).path("reason").asText()).isNotBlank();

        simulator().clearRequests();
        retrieve("01FAULTS00000000000000002");

        assertThat(deadLetter("01FAULTS00000000000000002").path("reason").asText()).contains("circuit breaker open");
        assertThat(simulator().requests()).noneMatch(r -> r.path().contains("01FAULTS00000000000000002"));
        assertThat(out.resolve("reports")).doesNotExist();
    }
}
