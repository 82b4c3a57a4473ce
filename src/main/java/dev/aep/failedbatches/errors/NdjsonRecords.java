package dev.aep.failedbatches.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Iterator;

/** One JSON value per line. A bad line becomes a parse-error record and reading goes on. */
final class NdjsonRecords implements RecordSource {
    private final LineReader lines;
    private final ObjectReader lineParser;
    private final int maxLineChars;
    private LineReader.Line firstLine;
    private Iterator<JsonNode> arrayElements;
    private int arrayLine;

    NdjsonRecords(LineReader lines, LineReader.Line firstLine, ObjectMapper mapper, int maxLineChars) {
        this.lines = lines;
        this.firstLine = firstLine;
        this.lineParser = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
            if (line.text().isBlank()) {
                continue;
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

    private LineReader.Line nextLine() throws IOException {
        if (firstLine != null) {
            LineReader.Line line = firstLine;
            firstLine = null;
            return line;
        }
        return lines.next();
    }
}
