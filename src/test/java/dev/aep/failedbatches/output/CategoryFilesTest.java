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
import java.time.Duration;
import java.time.Instant;
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

/** The category files: segments per part file, joined in listing order at the commit, links never followed. */
class CategoryFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CATEGORIES = List.of("malformed-xdm", "conversion", "unclassified");

    @TempDir
    Path root;

    private CategoryFiles store() {
        return new CategoryFiles(new AtomicFiles(AtomicFiles.parseMode(AtomicFiles.DEFAULT_MODE)));
    }

    private BatchRun begin(String batchId) {
        return begin(batchId, root);
    }

    private static BatchRun begin(String batchId, Path root) {
        return new BatchRun(batchId, root, Instant.now(), CATEGORIES);
    }

    /** A run whose segments go to temporary files at once (no memory budget): what a large batch does. */
    private BatchRun beginSpilling(String batchId) {
        return new BatchRun(batchId, root, Instant.now(), CATEGORIES, 0);
    }

    /** What the route does once the commit returns: the report, written last. */
    private static void writeReport(Path root, BatchRun run) throws Exception {
        new AtomicFiles(AtomicFiles.parseMode(AtomicFiles.DEFAULT_MODE)).write(
                root.resolve("reports").resolve(run.batchId() + ".json"),
                out -> JSON.writeValue(out, BatchReport.of(run, Instant.now())));
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
    void aSmallBatchKeepsItsSegmentsInMemoryAndWritesOneFilePerCategory() throws Exception {
        CategoryFiles store = store();
        BatchRun run = begin("01B");
        run.registerFiles(List.of("part-0.json", "part-1.json"));
        store.append(run, "part-1.json", List.of(event("malformed-xdm", "part-1.json", 1, "m"), event("unclassified")));
        store.append(run, "part-0.json", List.of(event("malformed-xdm", "part-0.json", 1, "m")));

        assertThat(names()).isEmpty();
        store.commit(run);
        assertThat(names()).containsExactly("errors/malformed-xdm/01B.jsonl", "errors/unclassified/01B.jsonl");
        assertThat(Files.readAllLines(root.resolve("errors/malformed-xdm/01B.jsonl")))
                .extracting(l -> JSON.readTree(l).path("file").asText()).containsExactly("part-0.json", "part-1.json");
    }

    @Test
    void segmentsPastTheMemoryBudgetGoToTemporaryFilesAndComeOutInOrder() throws Exception {
        CategoryFiles store = store();
        int line = JSON.writeValueAsBytes(event("malformed-xdm", "a.json", 1, "m")).length + 1;
        BatchRun run = new BatchRun("01B", root, Instant.now(), CATEGORIES, 2L * line);
        run.registerFiles(List.of("a.json", "b.json", "c.json"));
        // the generator hands its lines over when closed or when its buffer fills: a's two lines fit, b's do not
        for (String file : List.of("a.json", "b.json")) {
            store.append(run, file, List.of(event("malformed-xdm", file, 1, "m"), event("malformed-xdm", file, 2, "m")));
            run.file(file).close();
        }
        store.append(run, "c.json", List.of(event("malformed-xdm", "c.json", 1, "m")));
        assertThat(names()).hasSize(1).allMatch(n -> n.contains("/.01B.jsonl.") && n.endsWith(".tmp"));

        run.file("a.json").reset(); // a is read again: its memory goes back to the budget
        store.append(run, "a.json", List.of(event("malformed-xdm", "a.json", 1, "m")));
        store.commit(run);

        assertThat(names()).containsExactly("errors/malformed-xdm/01B.jsonl");
        assertThat(Files.readAllLines(root.resolve("errors/malformed-xdm/01B.jsonl")))
                .extracting(l -> JSON.readTree(l).path("file").asText() + ":" + JSON.readTree(l).path("line").asInt())
                .containsExactly("a.json:1", "b.json:1", "b.json:2", "c.json:1");
    }

    @Test
    void nothingVisibleUntilTheRunCompletes() throws Exception {
        CategoryFiles store = store();
        BatchRun run = beginSpilling("01B");
        store.append(run, "part-0.json", many("malformed-xdm", 20)); // past the generator's buffer: on disk

        assertThat(names()).isNotEmpty().allMatch(n -> n.contains("/.01B.jsonl.") && n.endsWith(".tmp"));
        store.append(run, "part-1.json", List.of(event("malformed-xdm")));
        store.append(run, "part-0.json", List.of(event("malformed-xdm")));

        store.commit(run);
        assertThat(names()).containsExactly("errors/malformed-xdm/01B.jsonl");
        assertThat(Files.readAllLines(root.resolve("errors/malformed-xdm/01B.jsonl"))).hasSize(many("m", 20).size() + 2);
    }

    /** Events of {@code kilobytes} of JSON lines or more: more than the generator buffers before it writes. */
    private static List<ErrorEvent> many(String category, int kilobytes) {
        return IntStream.range(0, kilobytes * 1024 / 40).mapToObj(i -> event(category)).toList();
    }

    @Test
    void eventsComeOutOrderedByFileInListingOrderWhateverOrderTheFilesWereWrittenIn() throws Exception {
        CategoryFiles store = store();
        BatchRun run = begin("01B");
        run.registerFiles(List.of("a.json", "b.json", "c.json"));
        for (String file : List.of("c.json", "a.json", "b.json", "a.json")) {
            store.append(run, file, List.of(event("malformed-xdm", file, null, "m")));
        }
        run.file("b.json").reset(); // b is read again from scratch after a broken download
        store.append(run, "b.json", List.of(event("malformed-xdm", "b.json", null, "m")));
        store.commit(run);

        assertThat(Files.readAllLines(root.resolve("errors/malformed-xdm/01B.jsonl")))
                .extracting(l -> l.replaceAll(".*\"file\":\"([^\"]+)\".*", "$1"))
                .containsExactly("a.json", "a.json", "b.json", "c.json");
        assertThat(run.fileErrors().keySet()).containsExactly("a.json", "b.json", "c.json");
        assertThat(names()).containsExactly("errors/malformed-xdm/01B.jsonl");
    }

    @Test
    void anAbandonedRunLeavesNoTemporaryFileAndTheCommittedFilesAsTheyWere() throws Exception {
        CategoryFiles store = store();
        BatchRun done = begin("01B");
        store.append(done, "part-0.json", List.of(event("malformed-xdm")));
        store.commit(done);
        BatchRun run = begin("01B");
        store.append(run, "part-0.json", List.of(event("unclassified"), event("malformed-xdm"), event("malformed-xdm")));
        store.abandon(run);

        assertThat(names()).containsExactly("errors/malformed-xdm/01B.jsonl");
        assertThat(Files.readAllLines(root.resolve("errors/malformed-xdm/01B.jsonl"))).hasSize(1);
    }

    @Test
    void categoriesThatNoLongerOccurLoseTheirFileAtTheCommit() throws Exception {
        CategoryFiles store = store();
        BatchRun first = begin("01B");
        store.append(first, "part-0.json", List.of(event("malformed-xdm"), event("unclassified")));
        store.commit(first);
        BatchRun again = begin("01B");
        store.append(again, "part-0.json", List.of(event("unclassified")));
        store.commit(again);

        assertThat(names()).containsExactly("errors/unclassified/01B.jsonl");
    }

    @Test
    void onlyValidatedIdsAndCategoriesBecomePaths() {
        CategoryFiles store = store();
        assertThatThrownBy(() -> begin("../../etc")).isInstanceOf(InvalidBatchIdException.class);
        BatchRun run = begin("01B");
        assertThatThrownBy(() -> store.append(run, "part-0.json", List.of(event("../x")))).hasMessageContaining("invalid category");
    }

    @Test
    void temporaryFilesLeftByACrashAreRecognisedAndRemovedAtTheNextStart() throws Exception {
        CategoryFiles store = store();
        BatchRun crashed = beginSpilling("01B");
        store.append(crashed, "part-0.json", many("malformed-xdm", 10));
        store.append(crashed, "part-0.json", many("unclassified", 10));
        BatchRun done = begin("01C");
        store.append(done, "part-0.json", List.of(event("malformed-xdm")));
        store.commit(done);
        Files.createDirectories(root.resolve("reports"));
        Files.writeString(root.resolve("reports/.01B.json.123.tmp"), "{\"batchId\"");

        // the next start: the first use of the root removes them
        assertThat(new OutputRoots(root, Clock.systemUTC(), Duration.ofMinutes(60)).resolve(null)).isEqualTo(root);
        assertThat(names()).hasSize(4);
        new OutputRoots(root, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(61)), Duration.ofMinutes(60));
        assertThat(names()).containsExactly("errors/malformed-xdm/01C.jsonl");
    }

    @Test
    void linksPlantedAtPredictableOrFinalNamesNeverLeadOutsideTheOutputFolder() throws Exception {
        Path victim = Files.writeString(Files.createTempDirectory("victim").resolve("victim.txt"), "precious");
        List<String> finals = List.of("errors/malformed-xdm/01B.jsonl", "errors/unclassified/01B.jsonl",
                "errors/conversion/01B.jsonl");
        List<Path> links = new ArrayList<>();
        for (String name : finals) {
            Path file = root.resolve(name);
            Files.createDirectories(file.getParent());
            links.add(file);
            // the temporary names of earlier versions: .<name>.<thread id>.tmp
            for (long thread = 1; thread <= 64; thread++) {
                links.add(file.resolveSibling("." + file.getFileName() + "." + thread + ".tmp"));
            }
        }
        for (Path link : links) {
            Files.createSymbolicLink(link, victim);
        }

        CategoryFiles store = store();
        BatchRun run = begin("01B");
        store.append(run, "part-0.json", List.of(event("malformed-xdm"), event("unclassified")));
        store.append(run, "part-1.json", List.of(event("malformed-xdm")));
        store.commit(run);
        BatchRun abandoned = begin("01B");
        store.append(abandoned, "part-0.json", List.of(event("conversion")));
        store.abandon(abandoned);

        assertThat(Files.readString(victim)).isEqualTo("precious");
        for (String name : finals.subList(0, 2)) {
            assertThat(Files.isRegularFile(root.resolve(name), LinkOption.NOFOLLOW_LINKS)).as(name).isTrue();
        }
        // a category that no longer occurs: its planted link is removed, not followed
        assertThat(root.resolve("errors/conversion/01B.jsonl")).doesNotExist();
    }

    @Test
    void categoryFilesHaveTheConfiguredMode() throws Exception {
        for (String mode : List.of("rw-r-----", "rw-------")) {
            Path dir = Files.createDirectories(root.resolve(mode));
            CategoryFiles store = new CategoryFiles(new AtomicFiles(AtomicFiles.parseMode(mode)));
            BatchRun run = begin("01B", dir);
            store.append(run, "part-0.json", List.of(event("malformed-xdm"), event("unclassified")));
            store.append(run, "part-1.json", List.of(event("malformed-xdm"))); // joined from two segments
            store.commit(run);

            List<Path> outputs;
            try (Stream<Path> walk = Files.walk(dir)) {
                outputs = walk.filter(Files::isRegularFile).toList();
            }
            assertThat(outputs.stream().map(p -> dir.relativize(p).toString()))
                    .containsExactlyInAnyOrder("errors/malformed-xdm/01B.jsonl", "errors/unclassified/01B.jsonl");
            for (Path output : outputs) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(output)))
                        .as(dir.relativize(output).toString()).isEqualTo(mode);
            }
        }
    }

    @Test
    void aReaderWatchingTheFinalNamesNeverSeesAPartialFile() throws Exception {
        CategoryFiles store = store();
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
                BatchRun run = begin("01B");
                run.registerFiles(files);
                for (int f = 0; f < filesWithEvents; f++) {
                    store.append(run, files.get(f), events("malformed-xdm", files.get(f), eventsPerFile));
                }
                store.commit(run);
                writeReport(root, run);
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
        CategoryFiles store = store();
        for (int round = 0; round < 5; round++) {
            String batchId = "01R" + round;
            Path report = root.resolve("reports").resolve(batchId + ".json");
            BatchRun run = begin(batchId);
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
            store.commit(run);
            writeReport(root, run);

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
