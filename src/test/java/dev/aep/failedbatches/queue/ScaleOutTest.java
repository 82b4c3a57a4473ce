package dev.aep.failedbatches.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aep.failedbatches.Application;
import dev.aep.failedbatches.simulator.AepSimulator;
import dev.aep.failedbatches.simulator.SimulatorSettings;
import dev.aep.failedbatches.testsupport.AppInstance;
import dev.aep.failedbatches.testsupport.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two instances of the bundle on one broker share the batch IDs of one queue and one output store. */
class ScaleOutTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoInstancesShareFiftyBatchesAndEachIsRetrievedExactlyOnce() throws Exception {
        Path out = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-work")), "scale-out-")
                .resolve("out").toAbsolutePath();
        try (EmbeddedBroker broker = new EmbeddedBroker().start();
                AepSimulator aep = new AepSimulator(new SimulatorSettings().clientId("demo-client")
                        .clientSecret("scale-secret").extraSandboxes(java.util.Set.of("blue")).loadDemoData(false)).start()) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String id = String.format("01SCALE%019d", i);
                ids.add(id);
                LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
                for (int f = 0; f < 2; f++) {
                    files.put("part-" + f + ".json", ("{\"_validationErrors\":[{\"keyword\":\"type\",\"message\":\"batch " + i
                            + " file " + f + "\"}]}\n").getBytes(StandardCharsets.UTF_8));
                }
                aep.addBatch(id, files);
            }
            Map<String, String> props = new HashMap<>();
            props.put("aep.simulator.enabled", "false");
            props.put("aep.api.base-url", aep.baseUrl());
            props.put("aep.ims.token-url", aep.tokenUrl());
            props.put("aep.auth.client-secret", "scale-secret");
            props.put("aep.auth.client-id", "demo-client");
            props.put("aep.auth.org-id", aep.settings().orgId());
            props.put("aep.inbox.enabled", "false");
            props.put("aep.queue.enabled", "true");
            props.put("aep.sinks.jms.broker-url", broker.url());
            props.put("aep.output.dir", out.toString());

            // the instances differ only in their sandbox header, which tells the simulator who asked
            Map<String, String> blue = new HashMap<>(props);
            blue.put("aep.sandbox", "blue");
            try (AppInstance one = new AppInstance(Application.CONFIG_LOCATION, props);
                    AppInstance two = new AppInstance(Application.CONFIG_LOCATION, blue)) {
                broker.send("aep.batches", ids.toArray(String[]::new));

                await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                        .allMatch(id -> Files.exists(out.resolve("reports").resolve(id + ".json"))));
            }
            long byOne = listingsFrom(aep, "prod");
            long byTwo = listingsFrom(aep, "blue");
            assertThat(byOne).as("instance one took its share").isPositive();
            assertThat(byTwo).as("instance two took its share").isPositive();
            assertThat(byOne + byTwo).isEqualTo(50);

            for (String id : ids) {
                JsonNode report = JSON.readTree(out.resolve("reports").resolve(id + ".json").toFile());
                assertThat(report.path("errors").asLong()).as(id).isEqualTo(2);
                assertThat(Files.readAllLines(out.resolve("errors/malformed-xdm").resolve(id + ".jsonl"))).hasSize(2);
                long listings = aep.requests().stream()
                        .filter(r -> r.path().endsWith("/" + id + "/failed") && !r.rawQuery().contains("path="))
                        .count();
                assertThat(listings).as("listings of " + id).isEqualTo(1);
            }
            assertThat(out.resolve("dead-letter")).doesNotExist();
        }
    }

    private static long listingsFrom(AepSimulator aep, String sandbox) {
        return aep.requests().stream()
                .filter(r -> r.path().endsWith("/failed") && !r.rawQuery().contains("path="))
                .filter(r -> sandbox.equals(r.headers().get("x-sandbox-name")))
                .count();
    }
}
