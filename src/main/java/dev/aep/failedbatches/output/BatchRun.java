package dev.aep.failedbatches.output;

import dev.aep.failedbatches.errors.ErrorEvent;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One retrieval of one batch: its counts and the temporary error files it is writing. Thread-safe. */
public final class BatchRun {

    private final BatchOutputStore store;
    private final String batchId;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final Instant startedAt;
    private final Map<String, Long> fileErrors = new LinkedHashMap<>();
    private final Map<String, Long> categoryCounts = new LinkedHashMap<>();
    private final Map<String, OpenFile> openFiles = new LinkedHashMap<>();
    private long total;
    private int filesDone;

    BatchRun(BatchOutputStore store, String batchId, Instant startedAt, List<String> categories) {
        this.store = store;
        this.batchId = batchId;
        this.startedAt = startedAt;
        categories.forEach(c -> categoryCounts.put(c, 0L));
    }

    /** Where this run's outputs go. */
    public BatchOutputStore store() {
        return store;
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

    /** Registers a part file, so it appears in the report even when it yields no error. */
    public synchronized void fileStarted(String file) {
        fileErrors.putIfAbsent(file, 0L);
    }

    public synchronized int fileFinished() {
        return ++filesDone;
    }

    public synchronized void count(String file, List<ErrorEvent> events) {
        fileErrors.merge(file, (long) events.size(), Long::sum);
        for (ErrorEvent event : events) {
            categoryCounts.merge(event.getCategory(), 1L, Long::sum);
        }
        total += events.size();
    }

    public synchronized long total() {
        return total;
    }

    public synchronized int fileCount() {
        return fileErrors.size();
    }

    public synchronized Map<String, Long> fileErrors() {
        return new LinkedHashMap<>(fileErrors);
    }

    public synchronized Map<String, Long> categoryCounts() {
        return new LinkedHashMap<>(categoryCounts);
    }

    /** Non-zero counts as "category=n, ..." for log lines. */
    public synchronized String countsSummary() {
        StringBuilder sb = new StringBuilder();
        categoryCounts.forEach((category, n) -> {
            if (n > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(category).append('=').append(n);
            }
        });
        return sb.length() == 0 ? "none" : sb.toString();
    }

    synchronized Writer writer(String category, WriterOpener opener) throws IOException {
        OpenFile open = openFiles.get(category);
        if (open == null) {
            open = opener.open(category);
            openFiles.put(category, open);
        }
        return open.writer();
    }

    synchronized Map<String, OpenFile> closeAll() throws IOException {
        IOException first = null;
        for (OpenFile open : openFiles.values()) {
            try {
                open.writer().close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        return new LinkedHashMap<>(openFiles);
    }

    record OpenFile(Path temp, Path target, Writer writer) {
    }

    interface WriterOpener {
        OpenFile open(String category) throws IOException;
    }
}
