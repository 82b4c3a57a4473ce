package dev.aep.failedbatches.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;

/**
 * Reads a failed file lazily. The shape is decided on the first non-blank line: a complete JSON value means
 * NDJSON, anything cut short means pretty-printed documents. I/O failures of the stream surface as
 * {@link UncheckedIOException}; bad content never does.
 */
final class FailedRecordIterator implements FailedRecords {
    private final InputStream stream;
    private final ObjectMapper mapper;
    private final int maxRecordChars;
    private final boolean streamingEntries;
    private CountingInputStream counted;
    private RecordSource source;
    private FailedRecord next;
    private boolean closed;

    FailedRecordIterator(InputStream stream, ObjectMapper mapper, int maxRecordChars, boolean streamingEntries) {
        this.stream = stream;
        this.mapper = mapper;
        this.maxRecordChars = maxRecordChars;
        this.streamingEntries = streamingEntries;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (closed) {
            return false;
        }
        try {
            if (source == null) {
                source = openSource();
            }
            next = source.next();
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException(e);
        }
        if (next == null) {
            closeQuietly();
        }
        return next != null;
    }

    @Override
    public FailedRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        FailedRecord record = next;
        next = null;
        return record;
    }

    @Override
    public long bytesRead() {
        return counted == null ? 0 : counted.count();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            next = null;
            stream.close();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // nothing more will be read from it anyway
        }
    }

    private RecordSource openSource() throws IOException {
        counted = new CountingInputStream(stream);
        LineReader lines = new LineReader(counted, maxRecordChars);
        LineReader.Line first = lines.next();
        while (first != null && !first.tooLong() && first.isBlank()) {
            first = lines.next();
        }
        if (first == null) {
            return RecordSource.EMPTY;
        }
        if (!first.tooLong() && isCutShort(first)) {
            // Replay what was consumed, with the same number of line breaks so the parser's line numbers match.
            String consumed = "\n".repeat(first.number() - 1) + first.text() + "\n";
            // InputStreamReader with a Charset replaces malformed bytes with U+FFFD instead of failing.
            Reader whole = new ConcatenatedReader(new StringReader(consumed),
                    new InputStreamReader(lines.remainder(), StandardCharsets.UTF_8));
            return new JsonSequenceRecords(whole, mapper, maxRecordChars);
        }
        return new NdjsonRecords(lines, first, mapper, maxRecordChars,
                streamingEntries ? new StreamingErrorEntries(mapper.getFactory()) : null);
    }

    /* judged from the bytes when they read alike (Line.parsesAsUtf8), as NDJSON lines are parsed: one parser class */
    private boolean isCutShort(LineReader.Line line) throws IOException {
        try (JsonParser parser = line.parsesAsUtf8()
                ? mapper.createParser(line.buffer(), line.offset(), line.length())
                : mapper.createParser(line.text())) {
            parser.nextToken();
            parser.skipChildren();
            return false;
        } catch (JsonEOFException e) {
            return true;
        } catch (JsonProcessingException e) {
            return false; // invalid rather than incomplete: NDJSON reports it as a bad line
        }
    }
}
