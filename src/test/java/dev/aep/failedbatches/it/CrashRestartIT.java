package dev.aep.failedbatches.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.failedbatches.simulator.AepSimulator;
import dev.aep.failedbatches.simulator.SimulatorSettings;
import dev.aep.failedbatches.testsupport.JarProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at several moments of a run, then a restart, gives the same final outputs as an uninterrupted run: the
 * inbox file is still there (moved only once all its IDs ended), every batch is retrieved again from scratch and its
 * partial outputs replaced, and nothing half-written is left.
 */
class CrashRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private AepSimulator aep;
    private String inboxContent;

    @BeforeEach
    void batches() {
        aep = new AepSimulator(new SimulatorSettings().clientSecret("crash-secret")).start();
        StringBuilder ids = new StringBuilder(String.join("\n", aep.demoBatchIds())).append('\n');
        for (int b = 0; b < 6; b++) {
            String id = String.format("01CRASH%019d", b);
            LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
            for (int f = 0; f < 4; f++) {
                StringBuilder ndjson = new StringBuilder();
                for (int r = 0; r < 200; r++) {
                    ndjson.append("{\"body\":{\"xdmEntity\":{\"_id\":\"").append(id).append('-').append(f).append('-').append(r)
                            .append("\"}},\"_errors\":{\"_streamingValidation\":[{\"code\":\"DCVS-1106-400\",\"message\":\"The message cannot be validated because a required property is missing: #/a: required key [b] not found.\"}]}}\n");
                }
                files.put("part-" + f + ".json", ndjson.toString().getBytes(StandardCharsets.UTF_8));
            }
            aep.addBatch(id, files);
            ids.append(id).append('\n');
        }
        inboxContent = ids.toString();
    }

    private Process start(Path dir, boolean exitWhenIdle) throws Exception {
        List<String> options = new ArrayList<>(List.of(
                "-Daep.inbox.dir=" + dir.resolve("inbox"),
                "-Daep.output.dir=" + dir.resolve("out"),
                "-Daep.inbox.read-lock-min-age-ms=200",
                "-Daep.inbox.read-lock-check-interval-ms=200",
                "-Daep.inbox.poll-delay-ms=200",
                "-Daep.output.stale-temp-minutes=0"));
        if (exitWhenIdle) {
            options.add("-Dcamel.main.duration-max-idle-seconds=3");
        }
        return JarProcess.start(aep, "crash-secret", options, dir.resolve("app.log"));
    }

    private Path newRun(String name) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        Files.createDirectories(dir.resolve("inbox"));
        Path staging = Files.writeString(dir.resolve("ids.staging"), inboxContent);
        Files.move(staging, dir.resolve("inbox").resolve("ids.txt"));
        return dir;
    }

    private void runToTheEnd(Path dir) throws Exception {
        Process app = start(dir, true);
        assertThat(app.waitFor(180, TimeUnit.SECONDS)).as("run ends").isTrue();
        assertThat(dir.resolve("inbox/.done/ids.txt")).exists();
    }

    @Test
    void killedAtSeveralMomentsAndRestartedTheOutputsEqualAnUninterruptedRun() throws Exception {
        try (AepSimulator simulator = aep) {
            aep.faults().delayMillis(40);
            Path clean = newRun("clean");
            runToTheEnd(clean);
            Map<String, String> expected = outputs(clean.resolve("out"));
            assertThat(expected).hasSizeGreaterThan(10);

            for (long killAfterMillis : new long[] {1500, 2500, 3500, 4500}) {
                Path crashed = newRun("killed-after-" + killAfterMillis);
                Process app = start(crashed, false);
                Thread.sleep(killAfterMillis);
                app.destroyForcibly().waitFor();

                runToTheEnd(crashed);

                assertThat(outputs(crashed.resolve("out"))).as("after a kill at %d ms", killAfterMillis)
                        .isEqualTo(expected);
                try (Stream<Path> all = Files.walk(crashed.resolve("out"))) {
                    assertThat(all.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
                }
            }
        }
    }

    /** Every output file, with the fields that differ between two runs by nature (times) taken out. */
    private static Map<String, String> outputs(Path out) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                String name = out.relativize(file).toString();
                StringBuilder normalized = new StringBuilder();
                if (name.endsWith(".jsonl")) {
                    for (String line : Files.readAllLines(file)) {
                        normalized.append(withoutTimes(JSON.readTree(line))).append('\n');
                    }
                } else {
                    normalized.append(withoutTimes(JSON.readTree(file.toFile())));
                }
                files.put(name, normalized.toString());
            }
        }
        return files;
    }

    private static String withoutTimes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("retrievedAt", "startedAt", "finishedAt", "at"));
        }
        return node.toString();
    }
}
