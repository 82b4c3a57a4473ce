package dev.aep.failedbatches.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aep.failedbatches.output.AtomicFiles;
import dev.aep.failedbatches.simulator.AepSimulator;
import dev.aep.failedbatches.simulator.RecordedRequest;
import dev.aep.failedbatches.simulator.SimulatorSettings;
import dev.aep.failedbatches.testsupport.JarProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at several moments of a run (after a fifth, two fifths... of its downloads, while batches are under way), then a restart, gives the same final outputs as an uninterrupted run: the
 * inbox file is still there (moved only once all its IDs ended), every batch is retrieved again from scratch and its
 * partial outputs replaced, and nothing half-written is left.
 */
class CrashRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DOWNLOAD = Pattern.compile("^/data/foundation/export/batches/([^/]+)/failed$");

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
        assertThat(dev.aep.failedbatches.testsupport.DoneFiles.find(dir.resolve("inbox/.done"), "ids.txt")).isNotNull();
    }

    @Test
    void killedAtSeveralMomentsAndRestartedTheOutputsEqualAnUninterruptedRun() throws Exception {
        try (AepSimulator simulator = aep) {
            aep.faults().delayMillis(40);
            Path clean = newRun("clean");
            runToTheEnd(clean);
            Map<String, String> expected = outputs(clean.resolve("out"));
            assertThat(expected).hasSizeGreaterThan(10);
            int downloads = downloadedBatches(aep.requests()).size();
            assertThat(downloads).isGreaterThan(20);

            for (int fifth = 1; fifth <= 4; fifth++) {
                int killAfter = downloads * fifth / 5;
                aep.clearRequests();
                Path crashed = newRun("killed-after-download-" + killAfter);
                Process app = start(crashed, false);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(1))
                        .until(() -> downloadedBatches(aep.requests()).size() >= killAfter);
                app.destroyForcibly().waitFor();

                Path out = crashed.resolve("out");
                Set<String> started = new TreeSet<>(downloadedBatches(aep.requests()));
                started.removeIf(id -> Files.exists(out.resolve("reports").resolve(id + ".json")));
                assertThat(started).as("batches started and not finished when killed after download %d", killAfter)
                        .isNotEmpty();
                assertWholeAndConsistent(out, expected);

                runToTheEnd(crashed);

                assertThat(outputs(out)).as("after a kill after download %d", killAfter).isEqualTo(expected);
                try (Stream<Path> all = Files.walk(out)) {
                    assertThat(all.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
                }
            }
        }
    }

    /** The batch ID of every download the simulator answered, in order. */
    private static List<String> downloadedBatches(List<RecordedRequest> requests) {
        List<String> batches = new ArrayList<>();
        for (RecordedRequest request : requests) {
            Matcher download = DOWNLOAD.matcher(request.path());
            if (download.matches() && request.rawQuery() != null && request.rawQuery().startsWith("path=")) {
                batches.add(download.group(1));
            }
        }
        return batches;
    }

    /**
     * What a kill left at the final names: every file whole, and every report's batch with its final error files
     * (a report is written last).
     */
    private static void assertWholeAndConsistent(Path out, Map<String, String> expected) throws Exception {
        Map<String, String> left = outputs(out); // fails on any file that is not whole JSON / JSONL
        for (String name : left.keySet()) {
            if (name.startsWith("reports/")) {
                String batchId = name.substring("reports/".length(), name.length() - ".json".length());
                expected.forEach((file, content) -> {
                    if (file.startsWith("errors/") && file.endsWith("/" + batchId + ".jsonl")) {
                        assertThat(left.get(file)).as("%s when its report was there", file).isEqualTo(content);
                    }
                });
            }
        }
    }

    /**
     * Every output file at its final name (temporary files are checked apart), with the fields that differ between
     * two runs by nature (times) taken out.
     */
    private static Map<String, String> outputs(Path out) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path file : all.filter(Files::isRegularFile)
                    .filter(p -> !AtomicFiles.isTemporaryName(p.getFileName().toString()))
                    // the overview page names the time it was generated; it is checked by OverviewPageTest
                    .filter(p -> !p.equals(out.resolve("index.html")))
                    // bookkeeping, not output: which IDs of the inbox file had ended (a crash leaves it mid-file)
                    .filter(p -> !p.startsWith(out.resolve("state"))).toList()) {
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
