package dev.aep.failedbatches.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/** One JSON value per line. A bad line becomes a parse-error record and reading goes on. */
final class NdjsonRecords implements RecordSource {
    private final LineReader lines;
    private final ObjectReader lineParser;
    private final StreamingErrorEntries streaming;
    private final int maxLineChars;
    private LineReader.Line firstLine;
    private Iterator<JsonNode> arrayElements;
    private int arrayLine;

    /** {@code streaming}: reads the entries of common records without a tree; null = every record is a tree. */
    NdjsonRecords(LineReader lines, LineReader.Line firstLine, ObjectMapper mapper, int maxLineChars,
            StreamingErrorEntries streaming) {
        this.lines = lines;
        this.firstLine = firstLine;
        this.lineParser = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.streaming = streaming;
        this.maxLineChars = maxLineChars;
    }

    @Override
    public FailedRecord next() throws IOException {
        while (true) {
            if (arrayElements != null && arrayElements.hasNext()) {
                return new FailedRecord(arrayLine, arrayElements.next(), null);
            }
            arrayElements = null;
            LineReader.Line line = nextLine();
            if (line == null) {
                return null;
            }
            if (line.tooLong()) {
                return RecordSource.tooLong(line.number(), maxLineChars);
            }
            if (line.isBlank()) {
                continue;
            }
            // the common shape in one streaming pass; any other shape (or bad JSON) is read as a tree below
            List<ErrorEntry> entries = streaming == null ? null : streamed(line);
            if (entries != null) {
                return FailedRecord.streamed(line.number(), entries);
            }
            JsonNode node;
            try {
                node = lineParser.readTree(line.text());
            } catch (JsonProcessingException e) {
                return RecordSource.invalid(line.number(), line.number(), ParseErrors.reason(e));
            }
            if (node.isArray()) {
                arrayElements = node.elements();
                arrayLine = line.number();
                continue;
            }
            return new FailedRecord(line.number(), node, null);
        }
    }

    /**
     * A line that reads alike from its bytes (valid UTF-8 starting as an object) is parsed from them; any other is
     * decoded first, so that bad bytes become U+FFFD.
     */
    private List<ErrorEntry> streamed(LineReader.Line line) {
        return line.parsesAsUtf8()
                ? streaming.extract(line.buffer(), line.offset(), line.length())
                : streaming.extract(line.text());
    }

    private LineReader.Line nextLine() throws IOException {
        if (firstLine != null) {
            LineReader.Line line = firstLine;
            firstLine = null;
            return line;
        }
        return lines.next();
    }
}
