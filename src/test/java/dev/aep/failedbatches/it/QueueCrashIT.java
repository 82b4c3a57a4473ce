package dev.aep.failedbatches.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aep.failedbatches.simulator.AepSimulator;
import dev.aep.failedbatches.simulator.SimulatorSettings;
import dev.aep.failedbatches.testsupport.EmbeddedBroker;
import dev.aep.failedbatches.testsupport.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An instance killed (SIGKILL) in the middle of a batch from the queue: another instance gets the message again. */
class QueueCrashIT {

    private static final String BATCH = "01HZDCVS0STREAMING00000001";

    @TempDir
    Path work;

    private Process start(EmbeddedBroker broker, AepSimulator aep, Path out, String name) throws Exception {
        return JarProcess.start(aep, "crash-secret", List.of(
                "-Daep.inbox.enabled=false",
                "-Daep.queue.enabled=true",
                "-Daep.sinks.jms.broker-url=" + broker.url(),
                "-Daep.output.dir=" + out), work.resolve(name + ".log"));
    }

    @Test
    void aMessageOfAnInstanceKilledMidBatchIsRedeliveredAndCompletedByTheNext() throws Exception {
        Path out = work.resolve("out");
        try (EmbeddedBroker broker = new EmbeddedBroker().start();
                AepSimulator aep = new AepSimulator(new SimulatorSettings().clientSecret("crash-secret")).start()) {
            aep.faults().delayMillis(2000);
            Process first = start(broker, aep, out, "first");
            try {
                broker.send("aep.batches", BATCH);
                await().atMost(Duration.ofSeconds(60)).until(() -> aep.requests().stream()
                        .anyMatch(r -> r.path().endsWith(BATCH + "/failed")));
            } finally {
                first.destroyForcibly().waitFor();
            }
            assertThat(out.resolve("reports/" + BATCH + ".json")).doesNotExist();

            aep.faults().reset();
            Process second = start(broker, aep, out, "second");
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(out.resolve("reports/" + BATCH + ".json")));
            } finally {
                second.destroy();
                second.waitFor();
            }
            JsonNode report = new ObjectMapper().readTree(out.resolve("reports/" + BATCH + ".json").toFile());
            assertThat(report.path("errors").asLong()).isEqualTo(7);
            assertThat(Files.readAllLines(out.resolve("errors/malformed-xdm/" + BATCH + ".jsonl"))).hasSize(7);
            assertThat(broker.drain("aep.batches")).isEmpty();
        }
    }
}
