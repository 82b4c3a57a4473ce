package dev.aep.failedbatches.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aep.failedbatches.auth.Secrets;
import dev.aep.failedbatches.errors.ErrorEvent;
import dev.aep.failedbatches.model.BatchId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The contract's output layout under {@code aep.output.dir}: {@code errors/<category>/<batchId>.jsonl},
 * {@code reports/<batchId>.json}, {@code dead-letter/<batchId>.json}. Every file is written under a temporary name and
 * renamed into place ({@link AtomicFiles}: random names, created exclusively with the output mode, links never
 * followed), so a crash never leaves a half-written file that looks complete; a batch's report comes after its error
 * files. Only validated batch IDs and category names become path segments.
 */
public final class BatchOutputStore {

    private static final Pattern CATEGORY = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    private static final Pattern UNSAFE_NAME_CHARS = Pattern.compile("[^A-Za-z0-9._-]");

    private final Path root;
    private final List<String> categories;
    private final Clock clock;
    private final AtomicFiles files;
    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public BatchOutputStore(Path root, List<String> categories, Clock clock) {
        this(root, categories, clock, new AtomicFiles(AtomicFiles.parseMode(AtomicFiles.DEFAULT_MODE)));
    }

    public BatchOutputStore(Path root, List<String> categories, Clock clock, AtomicFiles files) {
        this.root = root.toAbsolutePath().normalize();
        this.categories = List.copyOf(categories);
        this.clock = clock;
        this.files = files;
    }

    public Path root() {
        return root;
    }

    /**
     * Removes temporary files older than {@code maxAge}: what a crashed run left behind. Younger ones may belong to
     * another instance sharing this store and are left alone.
     */
    public int removeStaleTemporaryFiles(java.time.Duration maxAge) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        java.time.Instant cutoff = clock.instant().minus(maxAge);
        int removed = 0;
        try (java.util.stream.Stream<Path> files = Files.walk(root, 3)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (AtomicFiles.isTemporaryName(name)
                        && !Files.getLastModifiedTime(file).toInstant().isAfter(cutoff)) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        }
        return removed;
    }

    public BatchRun begin(String batchId) {
        return new BatchRun(this, BatchId.require(batchId), clock.instant(), categories);
    }

    /** Appends the events of one record of {@code file} to that file's temporary segments (kept open). */
    public void append(BatchRun run, String file, List<ErrorEvent> events) throws IOException {
        FileOutput output = run.file(file);
        for (ErrorEvent event : events) {
            String line = json.writeValueAsString(event);
            Writer writer = output.writer(event.category(), (category, index) -> openSegment(run, category, index));
            synchronized (writer) {
                writer.write(line);
                writer.write('\n');
            }
        }
    }

    /**
     * Ends a run: per category, the files' segments are joined in listing order into one temporary file that replaces
     * the batch's previous one; error files of categories that no longer occur are removed; the report comes last.
     */
    public synchronized Map<String, Object> complete(BatchRun run) throws IOException {
        run.closeAll();
        Map<String, List<Path>> byCategory = new LinkedHashMap<>();
        for (FileOutput output : run.outputs()) {
            output.segmentFiles().forEach((category, segment) ->
                    byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(segment));
        }
        for (Map.Entry<String, List<Path>> category : byCategory.entrySet()) {
            Path dir = root.resolve("errors").resolve(category.getKey());
            Path joined = join(category.getValue(), dir, run.batchId() + ".jsonl");
            files.moveIntoPlace(joined, dir.resolve(run.batchId() + ".jsonl"));
        }
        deleteStaleErrorFiles(run.batchId(), byCategory.keySet());
        Map<String, Object> report = report(run);
        writeJson(root.resolve("reports").resolve(run.batchId() + ".json"), report);
        Files.deleteIfExists(root.resolve("dead-letter").resolve(run.batchId() + ".json"));
        return report;
    }

    private Path join(List<Path> segments, Path dir, String name) throws IOException {
        if (segments.size() == 1) {
            return segments.get(0);
        }
        Path target = files.createTemporary(dir, name);
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            for (Path segment : segments) {
                try (FileChannel in = FileChannel.open(segment, StandardOpenOption.READ)) {
                    long position = 0;
                    long size = in.size();
                    while (position < size) {
                        position += in.transferTo(position, size - position, out);
                    }
                }
                Files.delete(segment);
            }
        }
        return target;
    }

    /** Records a batch that could not be retrieved; a run in progress is abandoned and its temporary files removed. */
    public synchronized Map<String, Object> deadLetter(String batchId, BatchRun run, String reason, Integer httpStatus)
            throws IOException {
        if (run != null) {
            abandon(run);
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("batchId", batchId);
        record.put("status", "failed");
        record.put("reason", Secrets.mask(reason));
        if (httpStatus != null && httpStatus > 0) {
            record.put("httpStatus", httpStatus);
        }
        record.put("at", clock.instant().toString());
        Path target = BatchId.isValid(batchId)
                ? root.resolve("dead-letter").resolve(batchId + ".json")
                : root.resolve("dead-letter").resolve("invalid-input").resolve("batch-" + clock.millis() + "-" + Math.abs((long) String.valueOf(batchId).hashCode()) + ".json");
        writeJson(target, record);
        return record;
    }

    /** Records events that a sink could not deliver: they stay in {@code eventsFile}, which is kept. */
    public synchronized Path sinkDeadLetter(String batchId, String category, String sink, String eventsFile,
            long events, String reason) throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("batchId", batchId);
        record.put("category", category);
        record.put("sink", sink);
        record.put("status", "undelivered");
        record.put("reason", Secrets.mask(reason));
        record.put("eventsFile", eventsFile);
        // a sink may have sent part of the events before it failed; a re-drive sends them all (at least once)
        record.put("events", events);
        record.put("at", clock.instant().toString());
        Path target = sinkDeadLetterPath(batchId, category, sink);
        writeJson(target, record);
        return target;
    }

    public void clearSinkDeadLetter(String batchId, String category, String sink) throws IOException {
        Files.deleteIfExists(sinkDeadLetterPath(batchId, category, sink));
    }

    private Path sinkDeadLetterPath(String batchId, String category, String sink) {
        if (!BatchId.isValid(batchId) || !CATEGORY.matcher(category).matches() || !CATEGORY.matcher(String.valueOf(sink)).matches()) {
            throw new IllegalArgumentException("invalid sink dead-letter name: " + batchId + "/" + category + "/" + sink);
        }
        return root.resolve("dead-letter").resolve("sinks").resolve(batchId + "." + category + "." + sink + ".json");
    }

    /** Records an input line that is not a batch ID, under {@code dead-letter/invalid-input/}. */
    public Path invalidInput(String source, int line, String value, String reason) throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("status", "invalid-input");
        record.put("source", source);
        record.put("line", line);
        record.put("value", value == null ? null : value.length() > 200 ? value.substring(0, 200) + "..." : value);
        record.put("reason", reason);
        record.put("at", clock.instant().toString());
        String name = UNSAFE_NAME_CHARS.matcher(String.valueOf(source)).replaceAll("_") + "-line-" + line + ".json";
        Path target = root.resolve("dead-letter").resolve("invalid-input").resolve(name);
        writeJson(target, record);
        return target;
    }

    private Map<String, Object> report(BatchRun run) {
        List<Map<String, Object>> files = new ArrayList<>();
        run.fileErrors().forEach((name, errors) -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", name);
            file.put("errors", errors);
            files.add(file);
        });
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("batchId", run.batchId());
        report.put("status", "completed");
        report.put("files", files);
        report.put("counts", run.categoryCounts());
        report.put("errors", run.total());
        report.put("startedAt", run.startedAt().toString());
        report.put("finishedAt", clock.instant().toString());
        return report;
    }

    private FileOutput.Segment openSegment(BatchRun run, String category, int fileIndex) throws IOException {
        if (category == null || !CATEGORY.matcher(category).matches()) {
            throw new IllegalArgumentException("invalid category name: " + category);
        }
        Path segment = files.createTemporary(root.resolve("errors").resolve(category), run.batchId() + ".jsonl");
        Writer writer = new BufferedWriter(new OutputStreamWriter(
                Files.newOutputStream(segment, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), StandardCharsets.UTF_8),
                64 * 1024);
        return new FileOutput.Segment(segment, writer);
    }

    private void abandon(BatchRun run) {
        for (FileOutput output : run.outputs()) {
            try {
                output.reset();
            } catch (IOException ignored) {
                // the temporary files are hidden and carry the run id; a restart removes what is left
            }
        }
    }

    private void deleteStaleErrorFiles(String batchId, java.util.Set<String> keep) throws IOException {
        Path errors = root.resolve("errors");
        if (!Files.isDirectory(errors)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(errors, Files::isDirectory)) {
            for (Path dir : dirs) {
                if (!keep.contains(dir.getFileName().toString())) {
                    Files.deleteIfExists(dir.resolve(batchId + ".jsonl"));
                }
            }
        }
    }

    private void writeJson(Path target, Object value) throws IOException {
        files.write(target, out -> pretty.writeValue(out, value));
    }
}
