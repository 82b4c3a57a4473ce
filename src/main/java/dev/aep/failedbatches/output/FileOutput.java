package dev.aep.failedbatches.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.aep.failedbatches.errors.ErrorEvent;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The output of one part file within a batch run: its counts and its temporary segment per category. */
public final class FileOutput {

    private final int index;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, Segment> segments = new LinkedHashMap<>();
    private long errors;
    private long records;

    FileOutput(int index) {
        this.index = index;
    }

    int index() {
        return index;
    }

    /** Counts one record of the file and its events. */
    synchronized void count(List<ErrorEvent> events) {
        records++;
        for (ErrorEvent event : events) {
            counts.merge(event.category(), 1L, Long::sum);
        }
        errors += events.size();
    }

    synchronized long errors() {
        return errors;
    }

    synchronized long records() {
        return records;
    }

    synchronized Map<String, Long> counts() {
        return new LinkedHashMap<>(counts);
    }

    synchronized JsonGenerator writer(String category, SegmentOpener opener) throws IOException {
        Segment segment = segments.get(category);
        if (segment == null) {
            segment = opener.open(category, index);
            segments.put(category, segment);
        }
        return segment.writer();
    }

    synchronized Map<String, SegmentStream> segments() {
        Map<String, SegmentStream> lines = new LinkedHashMap<>();
        segments.forEach((category, segment) -> lines.put(category, segment.lines()));
        return lines;
    }

    synchronized void close() throws IOException {
        for (Segment segment : segments.values()) {
            segment.writer().close();
        }
    }

    /** Forgets everything this file produced so far, so that it can be read again from the start. */
    public synchronized void reset() throws IOException {
        close();
        for (Segment segment : segments.values()) {
            segment.lines().discard();
        }
        segments.clear();
        counts.clear();
        errors = 0;
        records = 0;
    }

    /** The JSON lines of one category and the generator that writes them (closing it closes them). */
    record Segment(SegmentStream lines, JsonGenerator writer) {
    }

    interface SegmentOpener {
        Segment open(String category, int fileIndex) throws IOException;
    }
}
