package dev.aep.failedbatches.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aep.failedbatches.errors.ErrorEvent;
import java.io.BufferedOutputStream;
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
 * of each part file go to that file's own hidden temporary segments as they are read (part files run in parallel),
 * and {@link #commit} joins them in listing order and renames them into place. A run that fails is
 * {@link #abandon abandoned}: its segments are removed and no category file changes.
 */
public final class CategoryFiles {

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
        Map<String, List<Path>> byCategory = new LinkedHashMap<>();
        for (FileOutput output : run.outputs()) {
            output.segmentFiles().forEach((category, segment) ->
                    byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(segment));
        }
        for (Map.Entry<String, List<Path>> category : byCategory.entrySet()) {
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

    private Path join(List<Path> segments, Path target) throws IOException {
        if (segments.size() == 1) {
            return segments.get(0);
        }
        Path joined = files.createTemporary(target.getParent(), target.getFileName().toString());
        try (FileChannel out = FileChannel.open(joined, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            for (Path segment : segments) {
                try (FileChannel in = FileChannel.open(segment, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                    long position = 0;
                    long size = in.size();
                    while (position < size) {
                        position += in.transferTo(position, size - position, out);
                    }
                }
                Files.delete(segment);
            }
        }
        return joined;
    }

    private FileOutput.Segment openSegment(OutputLayout layout, BatchRun run, String category) throws IOException {
        Path target = layout.categoryFile(category, run.batchId());
        Path segment = files.createTemporary(target.getParent(), target.getFileName().toString());
        JsonGenerator writer = json.getFactory().createGenerator(new BufferedOutputStream(
                Files.newOutputStream(segment, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), 64 * 1024),
                JsonEncoding.UTF8);
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
