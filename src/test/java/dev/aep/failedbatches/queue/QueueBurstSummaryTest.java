package dev.aep.failedbatches.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.failedbatches.pipeline.LoggedPipelineTestSupport;
import dev.aep.failedbatches.testsupport.EmbeddedBroker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A burst of batch IDs from the queue ends with one summary line, once the queue has been quiet for a while. */
class QueueBurstSummaryTest extends LoggedPipelineTestSupport {

    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    /** the line as logged (not Camel's DEBUG lines about the route) */
    private static final String SUMMARY = " queue - Queue aep.batches burst done: ";


    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("aep.queue.enabled", "true", "aep.sinks.jms.broker-url", broker.url(),
                "aep.queue.burst-idle-ms", "1500");
    }

    @Test
    void aBurstEndsWithOneLineCountingItsBatches() throws Exception {
        broker.send("aep.batches", "01HZSEED0MONTH00TIMESTAMP0", "01HZROWERRORS0000000000001", "01UNKNOWN00000000000000404");

        await().atMost(Duration.ofSeconds(30)).until(() -> logs.text().contains(SUMMARY));
        long errors = report("01HZSEED0MONTH00TIMESTAMP0").path("errors").asLong()
                + report("01HZROWERRORS0000000000001").path("errors").asLong();
        String line = logs.text().lines().filter(l -> l.contains(SUMMARY)).findFirst().orElseThrow();
        assertThat(line).contains(" INFO ")
                .contains("burst done: 2 batches completed, 1 failed; " + errors + " errors (")
                .contains("outputs in " + out.toAbsolutePath().normalize());
        assertThat(logs.text().lines().filter(l -> l.contains(SUMMARY))).as("one line per burst").hasSize(1);
    }
}
