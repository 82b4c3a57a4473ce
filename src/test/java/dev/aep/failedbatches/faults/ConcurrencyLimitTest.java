package dev.aep.failedbatches.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import dev.aep.failedbatches.simulator.InFlightGauge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bulkhead: however many batches and files run in parallel, at most aep.client.max-concurrent-requests calls are
 * in flight at AEP, as counted by the simulator while it serves them.
 */
class ConcurrencyLimitTest extends PipelineTestSupport {

    private static final int LIMIT = 3;

    @Override
    protected Map<String, String> extraProperties() {
        // far more callers than the limit: 4 batches at once, 8 files of each at once
        return Map.of("aep.client.max-concurrent-requests", Integer.toString(LIMIT),
                "aep.parallel.batches", "4",
                "aep.parallel.files", "8");
    }

    @Test
    void manyBatchesAndFilesInParallelNeverHaveMoreThanTheLimitInFlight() throws Exception {
        List<String> batchIds = addOneErrorBatches("01BULKHEAD00000000000000", 6, 8);
        // every answer takes a while, so that callers pile up at the gate unless the bulkhead holds them back
        simulator().faults().delayMillis(100);

        dropInbox("many.txt", String.join("\n", batchIds));
        awaitInboxDone("many.txt");

        for (String batchId : batchIds) {
            assertThat(report(batchId).path("errors").asLong()).as(batchId).isEqualTo(8);
        }
        InFlightGauge inFlight = simulator().dataRequestsInFlight();
        assertThat(inFlight.max()).as("most AEP requests in flight at once").isLessThanOrEqualTo(LIMIT);
        assertThat(inFlight.max()).as("the calls do run in parallel up to the limit").isGreaterThan(1);
    }
}
