package dev.aep.failedbatches.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aep.failedbatches.errors.ErrorEvent;
import dev.aep.failedbatches.model.InvalidBatchIdException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchOutputStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CATEGORIES = List.of("malformed-xdm", "conversion", "unclassified");

    @TempDir
    Path root;

    private BatchOutputStore store() {
        return new BatchOutputStore(root, List.of("malformed-xdm", "unclassified"), Clock.systemUTC());
    }

    private static ErrorEvent event(String category) {
        return event(category, null, null, "m");
    }

    private static ErrorEvent event(String category, String file, Integer line, String message) {
        return new ErrorEvent("01B", category, message, file, line, null, null, null, null, null, null, null);
    }

    private List<String> names() throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void nothingVisibleUntilTheRunCompletes() throws Exception {
        BatchOutputStore store = store();
        BatchRun run = store.begin("01B");
        store.append(run, "part-0.json", List.of(event("malformed-xdm"), event("malformed-xdm")));

        assertThat(names()).allMatch(n -> n.contains("/.01B.jsonl.") && n.endsWith(".tmp"));
        store.append(run, "part-1.json", List.of(event("malformed-xdm")));
        store.append(run, "part-0.json", List.of(event("malformed-xdm")));

        store.complete(run);
        assertThat(names()).containsExactly("errors/malformed-xdm/01B.jsonl", "reports/01B.json");
        assertThat(Files.readAllLines(root.resolve("errors/malformed-xdm/01B.jsonl"))).hasSize(4);
    }

    @Test
    void eventsComeOutOrderedByFileInListingOrderWhateverOrderTheFilesWereWrittenIn() throws Exception {
        BatchOutputStore store = store();
        BatchRun run = store.begin("01B");
        run.registerFiles(List.of("a.json", "b.json", "c.json"));
        for (String file : List.of("c.json", "a.json", "b.json", "a.json")) {
            store.append(run, file, List.of(event("malformed-xdm", file, null, "m")));
        }
        run.file("b.json").reset(); // b is read again from scratch after a broken download
        store.append(run, "b.json", List.of(event("malformed-xdm", "b.json", null, "m")));
        store.complete(run);

        assertThat(Files.readAllLines(root.resolve("errors/malformed-xdm/01B.jsonl")))
                .extracting(l -> l.replaceAll(".*\"file\":\"([^\"]+)\".*", "$1"))
                .containsExactly("a.json", "a.json", "b.json", "c.json");
        assertThat(run.fileErrors().keySet()).containsExactly("a.json", "b.json", "c.json");
        assertThat(names()).containsExactly("errors/malformed-xdm/01B.jsonl", "reports/01B.json");
    }

    @Test
    void aDeadLetterAbandonsTheRunsTemporaryFiles() throws Exception {
        BatchOutputStore store = store();
        BatchRun run = store.begin("01B");
        store.append(run, "part-0.json", List.of(event("unclassified")));
        store.deadLetter("01B", run, "retries exhausted", 503);

        assertThat(names()).containsExactly("dead-letter/01B.json");
    }

    @Test
    void onlyValidatedIdsAndCategoriesBecomePaths() {
        BatchOutputStore store = store();
        assertThatThrownBy(() -> store.begin("../../etc")).isInstanceOf(InvalidBatchIdException.class);
        BatchRun run = store.begin("01B");
        assertThatThrownBy(() -> store.append(run, "part-0.json", List.of(event("../x")))).hasMessageContaining("invalid category");
    }

    @Test
    void temporaryFilesLeftByACrashAreRecognisedAndRemovedAtTheNextStart() throws Exception {
        BatchOutputStore store = store();
        BatchRun crashed = store.begin("01B");
        store.append(crashed, "part-0.json", List.of(event("malformed-xdm"), event("unclassified")));
        BatchRun done = store.begin("01C");
        store.append(done, "part-0.json", List.of(event("malformed-xdm")));
        store.complete(done);

        assertThat(store.removeStaleTemporaryFiles(java.time.Duration.ZERO)).isEqualTo(2);
        assertThat(names()).containsExactly("errors/malformed-xdm/01C.jsonl", "reports/01C.json");
    }

    @Test
    void linksPlantedAtPredictableOrFinalNamesNeverLeadOutsideTheOutputFolder() throws Exception {
        Path victim = Files.writeString(Files.createTempDirectory("victim").resolve("victim.txt"), "precious");
        List<Path> links = new ArrayList<>();
        for (String dir : List.of("reports", "errors/malformed-xdm", "errors/unclassified", "dead-letter",
                "dead-letter/invalid-input", "dead-letter/sinks")) {
            Files.createDirectories(root.resolve(dir));
        }
        for (String name : List.of("reports/01B.json", "errors/malformed-xdm/01B.jsonl", "errors/unclassified/01B.jsonl",
                "dead-letter/01D.json", "dead-letter/invalid-input/ids.txt-line-3.json",
                "dead-letter/sinks/01B.malformed-xdm.jms.json")) {
            links.add(root.resolve(name));
            Path file = root.resolve(name);
            // the temporary names of earlier versions: .<name>.<thread id>.tmp
            for (long thread = 1; thread <= 64; thread++) {
                links.add(file.resolveSibling("." + file.getFileName() + "." + thread + ".tmp"));
            }
        }
        for (Path link : links) {
            Files.createSymbolicLink(link, victim);
        }

        BatchOutputStore store = new BatchOutputStore(root, CATEGORIES, Clock.systemUTC());
        BatchRun run = store.begin("01B");
        store.append(run, "part-0.json", List.of(event("malformed-xdm"), event("unclassified")));
        store.append(run, "part-1.json", List.of(event("malformed-xdm")));
        store.complete(run);
        store.deadLetter("01D", store.begin("01D"), "retries exhausted", 503);
        store.invalidInput("ids.txt", 3, "../x", "not a batch ID");
        store.sinkDeadLetter("01B", "malformed-xdm", "jms", "errors/malformed-xdm/01B.jsonl", 2, "broker down");

        assertThat(Files.readString(victim)).isEqualTo("precious");
        for (String name : List.of("reports/01B.json", "errors/malformed-xdm/01B.jsonl", "errors/unclassified/01B.jsonl",
                "dead-letter/01D.json", "dead-letter/invalid-input/ids.txt-line-3.json",
                "dead-letter/sinks/01B.malformed-xdm.jms.json")) {
            assertThat(Files.isRegularFile(root.resolve(name), LinkOption.NOFOLLOW_LINKS)).as(name).isTrue();
        }
    }

    @Test
    void everyKindOfOutputHasTheConfiguredMode() throws Exception {
        for (String mode : List.of("rw-r-----", "rw-------")) {
            Path dir = Files.createDirectories(root.resolve(mode));
            BatchOutputStore store = new BatchOutputStore(dir, CATEGORIES, Clock.systemUTC(),
                    new AtomicFiles(AtomicFiles.parseMode(mode)));
            BatchRun run = store.begin("01B");
            store.append(run, "part-0.json", List.of(event("malformed-xdm"), event("unclassified")));
            store.append(run, "part-1.json", List.of(event("malformed-xdm"))); // joined from two segments
            store.complete(run);
            store.deadLetter("01D", null, "retries exhausted", 503);
            store.deadLetter("../bad", null, "not a batch ID", null);
            store.invalidInput("ids.txt", 3, "../x", "not a batch ID");
            store.sinkDeadLetter("01B", "malformed-xdm", "jms", "errors/malformed-xdm/01B.jsonl", 2, "broker down");

            List<Path> outputs;
            try (Stream<Path> walk = Files.walk(dir)) {
                outputs = walk.filter(Files::isRegularFile).toList();
            }
            assertThat(outputs.stream().map(p -> dir.relativize(p).toString().replaceAll("batch-.*", "batch-*")))
                    .containsExactlyInAnyOrder("errors/malformed-xdm/01B.jsonl", "errors/unclassified/01B.jsonl",
                            "reports/01B.json", "dead-letter/01D.json", "dead-letter/invalid-input/batch-*",
                            "dead-letter/invalid-input/ids.txt-line-3.json", "dead-letter/sinks/01B.malformed-xdm.jms.json");
            for (Path output : outputs) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(output)))
                        .as(dir.relativize(output).toString()).isEqualTo(mode);
            }
        }
    }

    @Test
    void aReaderWatchingTheFinalNamesNeverSeesAPartialFile() throws Exception {
        BatchOutputStore store = new BatchOutputStore(root, CATEGORIES, Clock.systemUTC());
        Path report = root.resolve("reports/01B.json");
        Path errors = root.resolve("errors/malformed-xdm/01B.jsonl");
        List<String> files = IntStream.range(0, 20_000).mapToObj(i -> "part-" + i + ".json").toList();
        int eventsPerFile = 400;
        int filesWithEvents = 4;

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger complete = new AtomicInteger();
        ConcurrentLinkedQueue<String> partial = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> {
            while (writing.get()) {
                check(report, text -> JSON.readTree(text).path("files").size() == files.size(), complete, partial);
                check(errors, text -> text.endsWith("\n") && linesParse(text) == filesWithEvents * eventsPerFile,
                        complete, partial);
            }
        });
        try {
            for (int round = 0; round < 8; round++) {
                BatchRun run = store.begin("01B");
                run.registerFiles(files);
                for (int f = 0; f < filesWithEvents; f++) {
                    store.append(run, files.get(f), events("malformed-xdm", files.get(f), eventsPerFile));
                }
                store.complete(run);
            }
        } finally {
            writing.set(false);
        }
        watcher.get(30, TimeUnit.SECONDS);

        assertThat(partial).as("reads of a partial file at a final name").isEmpty();
        assertThat(complete.get()).as("complete files read while the batch was written again").isGreaterThan(0);
    }

    @Test
    void theReportAppearsOnlyOnceEveryErrorFileHasItsFinalContent() throws Exception {
        BatchOutputStore store = new BatchOutputStore(root, CATEGORIES, Clock.systemUTC());
        for (int round = 0; round < 5; round++) {
            String batchId = "01R" + round;
            Path report = root.resolve("reports").resolve(batchId + ".json");
            BatchRun run = store.begin(batchId);
            Map<String, Integer> expected = new LinkedHashMap<>();
            for (int f = 0; f < 4; f++) {
                for (String category : CATEGORIES) {
                    store.append(run, "part-" + f + ".json", events(category, "part-" + f + ".json", 3_000));
                    expected.merge(category, 3_000, Integer::sum);
                }
            }
            CompletableFuture<Map<String, Integer>> atReport = CompletableFuture.supplyAsync(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!Files.exists(report) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                Map<String, Integer> lines = new LinkedHashMap<>();
                for (String category : CATEGORIES) {
                    lines.put(category, lineCount(root.resolve("errors").resolve(category).resolve(batchId + ".jsonl")));
                }
                return lines;
            });
            store.complete(run);

            assertThat(atReport.get(30, TimeUnit.SECONDS)).as("error lines when %s's report appeared", batchId)
                    .isEqualTo(expected);
        }
    }

    private static List<ErrorEvent> events(String category, String file, int count) {
        List<ErrorEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(event(category, file, i + 1,
                    "The message cannot be validated because a required property is missing: #/a: required key [b]"));
        }
        return events;
    }

    private interface Complete {
        boolean test(String text) throws Exception;
    }

    /** Reads a final name once; a file that is there must be whole. */
    private static void check(Path file, Complete whole, AtomicInteger complete, ConcurrentLinkedQueue<String> partial) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return;
        } catch (Exception e) {
            partial.add(file.getFileName() + ": " + e);
            return;
        }
        try {
            if (whole.test(text)) {
                complete.incrementAndGet();
                return;
            }
        } catch (Exception e) {
            // not parseable: partial
        }
        partial.add(file.getFileName() + ": " + text.length() + " characters, not whole");
    }

    private static int linesParse(String text) throws Exception {
        int lines = 0;
        for (String line : text.split("\n")) {
            JsonNode event = JSON.readTree(line);
            if (event == null || !event.has("category")) {
                return -1;
            }
            lines++;
        }
        return lines;
    }

    private static int lineCount(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return (int) lines.count();
        } catch (Exception e) {
            return -1;
        }
    }
}
