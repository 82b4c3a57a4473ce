package dev.aep.failedbatches.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.failedbatches.simulator.AepSimulator;
import dev.aep.failedbatches.simulator.RecordedRequest;
import dev.aep.failedbatches.simulator.SimulatorSettings;
import dev.aep.failedbatches.testsupport.DoneFiles;
import dev.aep.failedbatches.testsupport.JarProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM mid-file: no new batch starts, the app exits within the shutdown timeout, the inbox file stays (without a
 * lock file), and a restart retrieves only the IDs that had not ended.
 */
class ShutdownIT {

    private static final int IDS = 200;
    private static final String LISTING = "/data/foundation/export/batches/%s/failed";

    @TempDir
    Path work;

    @Test
    void sigtermMidFileStopsCleanlyAndARestartDoesOnlyWhatWasLeft() throws Exception {
        try (AepSimulator aep = new AepSimulator(new SimulatorSettings().clientSecret("stop-secret")).start()) {
            List<String> ids = new ArrayList<>();
            for (int b = 0; b < IDS; b++) {
                String id = String.format("01STOP%020d", b);
                LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
                files.put("part-0.json", "{\"_validationErrors\":[{\"message\":\"Payload body is missing xdmEntity\"}]}\n"
                        .getBytes(StandardCharsets.UTF_8));
                aep.addBatch(id, files);
                ids.add(id);
            }
            aep.faults().delayMillis(50);
            Path inbox = Files.createDirectories(work.resolve("inbox"));
            Path reports = work.resolve("out/reports");
            Path staging = Files.writeString(work.resolve("ids.staging"), String.join("\n", ids) + "\n");
            Files.move(staging, inbox.resolve("ids.txt"));

            Process app = start(aep, false);
            await().atMost(Duration.ofSeconds(120)).until(() -> count(reports) >= 20);
            app.destroy(); // SIGTERM
            assertThat(app.waitFor(20, TimeUnit.SECONDS)).as("exits within camel.main.shutdown-timeout").isTrue();

            assertThat(inbox.resolve("ids.txt")).as("the file stays in the inbox").exists();
            try (Stream<Path> left = Files.list(inbox)) {
                assertThat(left.map(p -> p.getFileName().toString())).as("no lock file left").containsExactly("ids.txt");
            }
            Set<String> endedBeforeStop = names(reports);
            Set<String> startedBeforeStop = listed(aep.requests());
            assertThat(endedBeforeStop).hasSizeLessThan(IDS);
            assertThat(startedBeforeStop).as("no new batch started after SIGTERM: started ones ended")
                    .hasSizeLessThanOrEqualTo(endedBeforeStop.size() + 4);

            aep.clearRequests();
            Process restarted = start(aep, true);
            assertThat(restarted.waitFor(180, TimeUnit.SECONDS)).as("restart ends").isTrue();

            assertThat(DoneFiles.find(inbox.resolve(".done"), "ids.txt")).isNotNull();
            assertThat(names(reports)).as("every ID ends in a report").hasSize(IDS);
            assertThat(work.resolve("out/dead-letter")).satisfiesAnyOf(
                    d -> assertThat(d).doesNotExist(), d -> assertThat(count(d)).isZero());
            Set<String> retrievedAgain = listed(aep.requests());
            retrievedAgain.retainAll(endedBeforeStop);
            assertThat(retrievedAgain).as("IDs that ended before the stop are not retrieved again").isEmpty();
        }
    }

    private Process start(AepSimulator aep, boolean exitWhenIdle) throws Exception {
        List<String> options = new ArrayList<>(List.of(
                "-Daep.inbox.dir=" + work.resolve("inbox"),
                "-Daep.output.dir=" + work.resolve("out"),
                "-Daep.inbox.read-lock-min-age-ms=200",
                "-Daep.inbox.read-lock-check-interval-ms=200",
                "-Daep.inbox.poll-delay-ms=200"));
        if (exitWhenIdle) {
            options.add("-Dcamel.main.duration-max-idle-seconds=3");
        }
        return JarProcess.start(aep, "stop-secret", options, work.resolve("app-" + System.nanoTime() + ".log"));
    }

    /** The batch IDs whose listing was requested (a batch's first call). */
    private static Set<String> listed(List<RecordedRequest> requests) {
        Set<String> batches = new TreeSet<>();
        for (RecordedRequest r : requests) {
            if (r.path().matches(String.format(LISTING, "[^/]+")) && (r.rawQuery() == null || !r.rawQuery().contains("path="))) {
                batches.add(r.path().split("/")[5]);
            }
        }
        return batches;
    }

    private static long count(Path dir) throws Exception {
        return names(dir).size();
    }

    private static Set<String> names(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return new TreeSet<>();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
