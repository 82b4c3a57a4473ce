package dev.aep.failedbatches.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.failedbatches.pipeline.LoggedPipelineTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An outage of the IMS token endpoint pauses the intake instead of dead-lettering every batch: the inbox file stays,
 * the intake resumes by itself once the endpoint answers, and every batch then ends as if nothing had happened.
 */
class OutageTest extends LoggedPipelineTestSupport {

    private static final int IDS = 300;
    private static final String UNKNOWN = "01OUTAGEUNKNOWN0000000404";

    private static final String PAUSED = "intake paused, batches in flight are put back";
    private static final String RESUMED = "AEP reachable again: intake resumed";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("aep.outage.probe-interval-ms", "300", "aep.circuit.open-seconds", "1",
                "aep.circuit.minimum-calls", "4", "aep.circuit.sliding-window-size", "4");
    }

    @Test
    void aTokenEndpointOutagePausesTheInboxAndPutsItsBatchesBackInsteadOfDeadLetteringThem() throws Exception {
        StringBuilder content = new StringBuilder(UNKNOWN).append('\n');
        for (int i = 0; i < IDS; i++) {
            String id = String.format("01OUTAGE%017d", i);
            LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
            files.put("part-0.json", "{\"_validationErrors\":[{\"message\":\"Payload body is missing xdmEntity\"}]}\n"
                    .getBytes(StandardCharsets.UTF_8));
            simulator().addBatch(id, files);
            content.append(id).append('\n');
        }
        simulator().faults().tokenEndpointDown(true);
        dropInbox("outage.txt", content.toString());

        // the outage lasts several probes
        await().atMost(Duration.ofSeconds(30)).until(() -> logs.linesContaining(PAUSED) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator().faults().tokenRequestsRefused() >= 15);
        assertThat(inbox.resolve("outage.txt")).as("the file stays in the inbox during the outage").exists();
        assertThat(filesIn(out.resolve("dead-letter"))).as("no dead letter during the outage").isEmpty();
        int refusedDuringOutage = simulator().faults().tokenRequestsRefused();
        simulator().faults().tokenEndpointDown(false);
        long released = System.nanoTime();

        Path done = awaitInboxDone("outage.txt");
        Duration afterRelease = Duration.ofNanos(System.nanoTime() - released);

        assertThat(done).exists();
        assertThat(filesIn(out.resolve("reports"))).hasSize(IDS);
        assertThat(filesIn(out.resolve("dead-letter"))).as("the only dead letter: the unknown batch (404)")
                .extracting(p -> p.getFileName().toString()).containsExactly(UNKNOWN + ".json");
        assertThat(deadLetter(UNKNOWN).path("httpStatus").asInt()).isEqualTo(404);
        assertThat(afterRelease).as("the wait is bounded by the outage, not by the number of IDs")
                .isLessThan(Duration.ofSeconds(30));
        assertThat(refusedDuringOutage).as("token requests during the outage: a few per probe, not per ID")
                .isLessThan(IDS / 5);
        // one line per pause and per resume, not per batch (a second pause may follow at once while the gateway's
        // breaker is still half-open)
        assertThat(logs.linesContaining(PAUSED)).isBetween(1L, 2L);
        // retry lines name the batch, never an exchange ID
        assertThat(logs.text().lines().filter(l -> l.contains(" WARN ") && l.contains("ExchangeId"))).isEmpty();
        assertThat(logs.text()).containsPattern("Batch 01OUTAGE\\w+: AEP call failed \\(HTTP 503\\), retry 1 of 4");
        assertThat(logs.linesContaining(RESUMED)).isEqualTo(logs.linesContaining(PAUSED));
    }
}
