package dev.aep.failedbatches.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aep.failedbatches.errors.ErrorEvent;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The category files {@code errors/<category>/<batchId>.jsonl}, the one output no Camel component can write: the events
 * of each part file go to that file's own segments as they are read (part files run in parallel), kept in memory while
 * the run's budget lasts ({@link #MEMORY_PER_RUN}) and in hidden temporary files past it, and {@link #commit} joins
 * them in listing order into one temporary file per category and renames it into place. A run that fails is
 * {@link #abandon abandoned}: its segments are dropped and no category file changes.
 */
public final class CategoryFiles {

    /**
     * Bytes of event lines a run holds in memory before its segments become temporary files: the events of a few
     * thousand records, so that a small batch writes one file per category; a large one spills past it.
     */
    static final long MEMORY_PER_RUN = 1024 * 1024;

    private final AtomicFiles files;
    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    /* one generator per segment, reused for all its events (no String per event, no flush per event) */
    private final ObjectWriter eventWriter = json.writerFor(ErrorEvent.class)
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    public CategoryFiles(AtomicFiles files) {
        this.files = files;
    }

    /** Appends the events of one record of {@code file} to that file's temporary segments (kept open). */
    public void append(BatchRun run, String file, List<ErrorEvent> events) throws IOException {
        FileOutput output = run.file(file);
        OutputLayout layout = new OutputLayout(run.root());
        for (ErrorEvent event : events) {
            JsonGenerator writer = output.writer(event.category(), (category, index) -> openSegment(layout, run, category));
            synchronized (writer) {
                eventWriter.writeValue(writer, event);
                writer.writeRaw('\n');
            }
        }
    }

    /**
     * Makes the run's category files final: per category, the files' segments are joined in listing order into one
     * temporary file that replaces the batch's previous one; category files of categories that no longer occur are
     * removed. When this returns, every category file has its final content: the report may follow.
     */
    public void commit(BatchRun run) throws IOException {
        run.closeAll();
        OutputLayout layout = new OutputLayout(run.root());
        Map<String, List<SegmentStream>> byCategory = new LinkedHashMap<>();
        for (FileOutput output : run.outputs()) {
            output.segments().forEach((category, segment) ->
                    byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(segment));
        }
        for (Map.Entry<String, List<SegmentStream>> category : byCategory.entrySet()) {
            Path target = layout.categoryFile(category.getKey(), run.batchId());
            files.moveIntoPlace(join(category.getValue(), target), target);
        }
        removeStaleCategoryFiles(layout, run.batchId(), byCategory.keySet());
    }

    /** Forgets a run that will not complete: its temporary segments are removed, the category files stay as they were. */
    public void abandon(BatchRun run) {
        for (FileOutput output : run.outputs()) {
            try {
                output.reset();
            } catch (IOException ignored) {
                // the segments are hidden temporary files; the next start removes what is left (OutputRoots)
            }
        }
    }

    private Path join(List<SegmentStream> segments, Path target) throws IOException {
        if (segments.size() == 1 && segments.get(0).file() != null) {
            return segments.get(0).file();
        }
        Path joined = files.createTemporary(target.getParent(), target.getFileName().toString());
        try (FileChannel out = FileChannel.open(joined, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            for (SegmentStream segment : segments) {
                segment.copyTo(out);
            }
        }
        return joined;
    }

    private FileOutput.Segment openSegment(OutputLayout layout, BatchRun run, String category) throws IOException {
        Path target = layout.categoryFile(category, run.batchId());
        SegmentStream segment = new SegmentStream(run.memoryBudget(),
                () -> files.createTemporary(target.getParent(), target.getFileName().toString()));
        JsonGenerator writer = json.getFactory().createGenerator(segment, JsonEncoding.UTF8);
        // one JSON value per line: no separator between root values but the line break written after each
        writer.setRootValueSeparator(null);
        return new FileOutput.Segment(segment, writer);
    }

    private static void removeStaleCategoryFiles(OutputLayout layout, String batchId, Set<String> keep) throws IOException {
        Path errors = layout.errorsDir();
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
}
