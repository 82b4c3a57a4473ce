package dev.aep.failedbatches.sinks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A category file read as events: each JSON line a {@code Map} that Simple ({@code ${body[message]}}) and Jackson
 * understand. Iterable again and again, streamed each time, so a sink that is retried reads the file from the start
 * and nothing is held in memory.
 */
public final class EventsFile implements Iterable<Map<String, Object>> {

    private static final ObjectReader EVENTS = new ObjectMapper().readerFor(new TypeReference<Map<String, Object>>() { });

    private final Path file;

    public EventsFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    @Override
    public Iterator<Map<String, Object>> iterator() {
        try {
            // a Camel split closes the iterator (MappingIterator is Closeable) when it is done or fails
            MappingIterator<Map<String, Object>> events = EVENTS.readValues(file.toFile());
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The first {@code n} events, for digests (mail, webhook, chat). */
    public List<Map<String, Object>> first(int n) {
        List<Map<String, Object>> first = new ArrayList<>(Math.max(0, n));
        try (MappingIterator<Map<String, Object>> events = (MappingIterator<Map<String, Object>>) iterator()) {
            while (first.size() < n && events.hasNext()) {
                first.add(events.next());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return first;
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
