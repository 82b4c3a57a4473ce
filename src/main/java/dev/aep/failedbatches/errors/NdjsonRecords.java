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
    private final ByteLineReader lines;
    private final ObjectReader lineParser;
    private final ObjectReader treeParser;
    private final StreamingErrorEntries streaming;
    private final int maxLineChars;
    private ByteLineReader.Line firstLine;
    private Iterator<JsonNode> arrayElements;
    private int arrayLine;

    /** {@code streaming}: reads the entries of common records without a tree; null = every record is a tree. */
    NdjsonRecords(ByteLineReader lines, ByteLineReader.Line firstLine, ObjectMapper mapper, int maxLineChars,
            StreamingErrorEntries streaming) {
        this.lines = lines;
        this.firstLine = firstLine;
        this.lineParser = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.treeParser = lineParser.forType(JsonNode.class);
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
            ByteLineReader.Line line = nextLine();
            if (line == null) {
                return null;
            }
            if (line.tooLong()) {
                return RecordSource.tooLong(line.number(), maxLineChars);
            }
            if (Utf8Lines.isBlank(line)) {
                continue;
            }
            // Jackson's byte parser on the line as read; decoded text only where the two could differ
            boolean asBytes = Utf8Lines.byteParserReadsAsText(line);
            String text = asBytes ? null : Utf8Lines.text(line);
            // the common shape in one streaming pass; any other shape (or bad JSON) is read as a tree below
            List<ErrorEntry> entries = streaming == null ? null
                    : asBytes ? streaming.extract(line.bytes(), line.offset(), line.length()) : streaming.extract(text);
            if (entries != null) {
                return FailedRecord.streamed(line.number(), entries);
            }
            JsonNode node;
            try {
                node = asBytes ? treeParser.readValue(line.bytes(), line.offset(), line.length())
                        : lineParser.readTree(text);
            } catch (JsonProcessingException e) {
                // the reason in the words (and columns, in characters) of the text parser
                String reason = ParseErrors.reason(asBytes ? textParseError(Utf8Lines.text(line), e) : e);
                return RecordSource.invalid(line.number(), line.number(), reason);
            }
            if (node.isArray()) {
                arrayElements = node.elements();
                arrayLine = line.number();
                continue;
            }
            return new FailedRecord(line.number(), node, null);
        }
    }

    private JsonProcessingException textParseError(String text, JsonProcessingException byteError) throws IOException {
        try {
            lineParser.readTree(text);
            return byteError;
        } catch (JsonProcessingException e) {
            return e;
        }
    }

    private ByteLineReader.Line nextLine() throws IOException {
        if (firstLine != null) {
            ByteLineReader.Line line = firstLine;
            firstLine = null;
            return line;
        }
        return lines.next();
    }
}
