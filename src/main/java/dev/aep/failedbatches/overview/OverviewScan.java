package dev.aep.failedbatches.overview;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aep.failedbatches.model.BatchId;
import dev.aep.failedbatches.output.AtomicFiles;
import dev.aep.failedbatches.output.OutputLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an output root for the overview page with bounded work, whatever the number of batches on disk: the entries
 * of reports/ and dead-letter/ are listed (names and times only), only the newest {@code maxRows} are parsed, and the
 * messages are counted in the category files of the newest {@code messageBatches} batches only, at most
 * {@code maxLinesPerFile} lines each. Incremental: what was read from a file (a report's row, a category file's message
 * counts) is kept while the file keeps its size and modification time, so a refresh reads only the batches that
 * ended since the previous page (a category file is written once, when its batch completes); what no longer shows
 * is forgotten.
 */
public final class OverviewScan {

    /** Messages are grouped by their first characters: a long message is shown and counted by its beginning. */
    static final int MESSAGE_CHARS = 300;
    static final int TOP = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxRows;
    private final int messageBatches;
    private final int maxLinesPerFile;
    private Map<Path, Read<OverviewData.Row>> rowsRead = new HashMap<>();
    private Map<Path, Read<Map<String, Long>>> messagesRead = new HashMap<>();

    public OverviewScan(int maxRows, int messageBatches, int maxLinesPerFile) {
        this.maxRows = Math.max(1, maxRows);
        this.messageBatches = Math.max(0, messageBatches);
        this.maxLinesPerFile = Math.max(1, maxLinesPerFile);
    }

    /** What one file gave, with the size and modification time it had then. */
    private record Read<T>(long size, long modified, T value) {
    }

    public synchronized OverviewData scan(Path root) throws IOException {
        OutputLayout layout = new OutputLayout(root);
        List<Entry> reports = entries(layout.root().resolve("reports"), true);
        List<Entry> deadLetters = entries(layout.root().resolve("dead-letter"), false);
        List<Entry> all = new ArrayList<>(reports);
        all.addAll(deadLetters);
        all.sort(Comparator.comparingLong(Entry::modified).reversed());
        List<OverviewData.Row> rows = new ArrayList<>();
        Map<Path, Read<OverviewData.Row>> rowsKept = new HashMap<>();
        for (Entry entry : all.subList(0, Math.min(maxRows, all.size()))) {
            Read<OverviewData.Row> known = rowsRead.get(entry.file());
            if (known == null || known.size() != entry.size() || known.modified() != entry.modified()) {
                known = new Read<>(entry.size(), entry.modified(), read(entry));
            }
            if (known.value() != null) {
                rows.add(known.value());
                rowsKept.put(entry.file(), known);
            }
        }
        rowsRead = rowsKept;
        rows.sort(Comparator.comparing(OverviewData.Row::endedAt).reversed());
        Set<String> categories = new LinkedHashSet<>();
        rows.forEach(row -> categories.addAll(row.counts().keySet()));
        return new OverviewData(rows, reports.size(), deadLetters.size(), maxRows, messageBatches,
                List.copyOf(categories), topMessages(layout, rows));
    }

    private record Entry(Path file, long size, long modified, boolean report) {
    }

    private static List<Entry> entries(Path dir, boolean report) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (AtomicFiles.isTemporaryName(name) || !BatchId.isValid(name.substring(0, name.length() - 5))) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (attributes.isRegularFile()) {
                        entries.add(new Entry(file, attributes.size(), attributes.lastModifiedTime().toMillis(), report));
                    }
                } catch (NoSuchFileException gone) {
                    // removed since it was listed (a report voids its dead letter)
                }
            }
        } catch (NoSuchFileException noFolder) {
            return entries;
        }
        return entries;
    }

    private static OverviewData.Row read(Entry entry) {
        JsonNode json;
        try {
            json = JSON.readTree(entry.file().toFile());
        } catch (IOException gone) {
            return null;
        }
        String name = entry.file().getFileName().toString();
        String batchId = name.substring(0, name.length() - 5);
        if (!entry.report()) {
            return new OverviewData.Row(batchId, "failed", 0, 0, Map.of(), null, json.path("at").asText(null),
                    json.path("reason").asText(""), false, true);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        json.path("counts").fields().forEachRemaining(count -> counts.put(count.getKey(), count.getValue().asLong()));
        return new OverviewData.Row(batchId, json.path("status").asText("completed"), json.path("files").size(),
                json.path("errors").asLong(), counts, json.path("startedAt").asText(null),
                json.path("finishedAt").asText(null), null, true, false);
    }

    private Map<String, List<OverviewData.MessageCount>> topMessages(OutputLayout layout, List<OverviewData.Row> rows) {
        Map<String, Map<String, Long>> counted = new LinkedHashMap<>();
        Map<Path, Read<Map<String, Long>>> kept = new HashMap<>();
        rows.stream().filter(OverviewData.Row::report).limit(messageBatches).forEach(row -> row.counts().forEach(
                (category, count) -> {
                    if (count > 0 && isCategory(category)) {
                        Path file = layout.categoryFile(category, row.batchId());
                        Read<Map<String, Long>> known = messagesOf(file);
                        kept.put(file, known);
                        Map<String, Long> into = counted.computeIfAbsent(category, c -> new HashMap<>());
                        known.value().forEach((message, n) -> into.merge(message, n, Long::sum));
                    }
                }));
        messagesRead = kept;
        Map<String, List<OverviewData.MessageCount>> top = new LinkedHashMap<>();
        counted.forEach((category, messages) -> top.put(category, messages.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(e -> new OverviewData.MessageCount(e.getKey(), e.getValue())).toList()));
        return top;
    }

    /** The message counts of one category file: as read before while it is unchanged, else read now. */
    private Read<Map<String, Long>> messagesOf(Path file) {
        long size = -1;
        long modified = -1;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            size = attributes.size();
            modified = attributes.lastModifiedTime().toMillis();
        } catch (IOException gone) {
            // counted as empty below, and read again next time
        }
        Read<Map<String, Long>> known = messagesRead.get(file);
        if (known != null && size >= 0 && known.size() == size && known.modified() == modified) {
            return known;
        }
        Map<String, Long> messages = new HashMap<>();
        count(file, messages);
        return new Read<>(size, modified, messages);
    }

    private void count(Path file, Map<String, Long> messages) {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int n = 0; n < maxLinesPerFile && (line = lines.readLine()) != null; n++) {
                String message = messageOf(line);
                if (message.length() > MESSAGE_CHARS) {
                    message = message.substring(0, MESSAGE_CHARS) + "…";
                }
                messages.merge(message, 1L, Long::sum);
            }
        } catch (IOException | RuntimeException unreadable) {
            // a file being replaced or a line that is no JSON: the page counts what it could read
        }
    }

    /**
     * The top-level {@code message} of one event line, read up to that field only (the page reads back what the
     * bundle wrote, so a tree per line would double the cost of every event); "" when there is none.
     */
    static String messageOf(String line) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("message".equals(field)) {
                    return value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getValueAsString("") : "";
                }
                parser.skipChildren();
            }
            return "";
        }
    }

    static boolean isCategory(String category) {
        try {
            OutputLayout.requireCategory(category);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
