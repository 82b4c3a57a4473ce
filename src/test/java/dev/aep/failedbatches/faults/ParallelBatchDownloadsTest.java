package dev.aep.failedbatches.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Batches running in parallel each get their aep.parallel.files part files at once: the file pool is not shared
 * down to aep.parallel.files threads for all of them, so the downloads alone fill aep.client.max-concurrent-requests.
 * Counted by the simulator while it serves the requests (a count, not a timing).
 */
class ParallelBatchDownloadsTest extends PipelineTestSupport {

    private static final int FILES = 2;
    private static final int BATCHES = 3;
    /** More than a shared pool of FILES threads plus the BATCHES listing threads could ever have in flight. */
    private static final int LIMIT = FILES * BATCHES;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("aep.client.max-concurrent-requests", Integer.toString(LIMIT),
                "aep.parallel.batches", Integer.toString(BATCHES),
                "aep.parallel.files", Integer.toString(FILES));
    }

    @Test
    void theDownloadsOfParallelBatchesReachTheConcurrencyLimit() throws Exception {
        List<String> batchIds = addOneErrorBatches("01PARALLELDOWNLOADS000000", BATCHES, 8);
        // every answer takes a while, so that the downloads of the batches overlap
        simulator().faults().delayMillis(100);

        dropInbox("parallel.txt", String.join("\n", batchIds));
        awaitInboxDone("parallel.txt");

        for (String batchId : batchIds) {
            assertThat(report(batchId).path("errors").asLong()).as(batchId).isEqualTo(8);
        }
        assertThat(simulator().dataRequestsInFlight().max()).as("most AEP requests in flight at once")
                .isEqualTo(LIMIT);
    }
}
