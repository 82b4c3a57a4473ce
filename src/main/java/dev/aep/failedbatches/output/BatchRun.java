package dev.aep.failedbatches.output;

import dev.aep.failedbatches.errors.ErrorEvent;
import dev.aep.failedbatches.model.BatchId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One retrieval of one batch: its part files, in listing order, each with its own counts and temporary segment files,
 * so files can be processed in parallel, a file can be redone from scratch, and the outputs still come out ordered by
 * file then line. Thread-safe.
 */
public final class BatchRun {

    private final String batchId;
    private final Path root;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final Instant startedAt;
    private final List<String> categories;
    private final Map<String, FileOutput> files = new LinkedHashMap<>();
    /** Bytes of event lines this run may still hold in memory before its segments go to temporary files. */
    private final AtomicLong memoryBudget;
    private int filesDone;
    private int filesAtLastProgress;
    private Instant lastProgressAt;

    /**
     * @param batchId a batch ID, validated here: it becomes a path segment
     * @param root the output root of this run's category files
     * @param categories every category of the rules, in rule order (the report counts them all)
     */
    public BatchRun(String batchId, Path root, Instant startedAt, List<String> categories) {
        this(batchId, root, startedAt, categories, CategoryFiles.MEMORY_PER_RUN);
    }

    /** @param memoryBudget bytes of event lines held in memory before the segments become temporary files */
    BatchRun(String batchId, Path root, Instant startedAt, List<String> categories, long memoryBudget) {
        this.memoryBudget = new AtomicLong(memoryBudget);
        this.batchId = BatchId.require(batchId);
        this.root = root;
        this.startedAt = startedAt;
        this.lastProgressAt = startedAt;
        this.categories = List.copyOf(categories);
    }

    /** The output root of this run (exchange property {@code aepOutputDir}, else {@code aep.output.dir}). */
    public Path root() {
        return root;
    }

    public String batchId() {
        return batchId;
    }

    public String runId() {
        return runId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The part files of the batch in listing order: the report and the outputs follow this order. */
    public synchronized void registerFiles(List<String> names) {
        for (String name : names) {
            files.computeIfAbsent(name, n -> new FileOutput(files.size()));
        }
    }

    public synchronized FileOutput file(String name) {
        return files.computeIfAbsent(name, n -> new FileOutput(files.size()));
    }

    /**
     * Counts a finished part file and says whether a progress line is due: {@code every.files()} files or
     * {@code every.time()} since the last one (or the start), whichever comes first.
     */
    public synchronized Optional<Progress> fileFinished(ProgressEvery every, Instant now) {
        filesDone++;
        if (filesDone - filesAtLastProgress < every.files()
                && Duration.between(lastProgressAt, now).compareTo(every.time()) < 0) {
            return Optional.empty();
        }
        filesAtLastProgress = filesDone;
        lastProgressAt = now;
        return Optional.of(new Progress(filesDone, files.size(), total(), Duration.between(startedAt, now)));
    }

    /** How often a batch's progress is logged (aep.progress.every-files, aep.progress.every-seconds). */
    public record ProgressEvery(int files, Duration time) {
    }

    /** Where a batch stands: files done of its total, errors so far, and since when it runs. */
    public record Progress(int filesDone, int fileCount, long errors, Duration elapsed) {

        /** Part files finished per second since the batch started. */
        public double filesPerSecond() {
            long millis = Math.max(1, elapsed.toMillis());
            return filesDone * 1000.0 / millis;
        }
    }

    public synchronized int fileCount() {
        return files.size();
    }

    /** Counts the events of one record of {@code file}. */
    public void count(String file, List<ErrorEvent> events) {
        file(file).count(events);
    }

    public synchronized long total() {
        return files.values().stream().mapToLong(FileOutput::errors).sum();
    }

    /** The records read from the failed files (a record has one or more error events). */
    public synchronized long records() {
        return files.values().stream().mapToLong(FileOutput::records).sum();
    }

    public synchronized Map<String, Long> fileErrors() {
        Map<String, Long> errors = new LinkedHashMap<>();
        files.forEach((name, output) -> errors.put(name, output.errors()));
        return errors;
    }

    /** Every category of the rules, in rule order, with its count (zero included). */
    public synchronized Map<String, Long> categoryCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        categories.forEach(c -> counts.put(c, 0L));
        for (FileOutput output : files.values()) {
            output.counts().forEach((category, n) -> counts.merge(category, n, Long::sum));
        }
        return counts;
    }

    /** Non-zero counts as "category=n, ..." for log lines. */
    public String countsSummary() {
        StringBuilder sb = new StringBuilder();
        categoryCounts().forEach((category, n) -> {
            if (n > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(category).append('=').append(n);
            }
        });
        return sb.length() == 0 ? "none" : sb.toString();
    }

    AtomicLong memoryBudget() {
        return memoryBudget;
    }

    /** All files' outputs in listing order (for CategoryFiles to close, join or remove). */
    synchronized List<FileOutput> outputs() {
        return new ArrayList<>(files.values());
    }

    /** Closes every open segment; the first failure is rethrown after all were tried. */
    void closeAll() throws IOException {
        IOException first = null;
        for (FileOutput output : outputs()) {
            try {
                output.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
