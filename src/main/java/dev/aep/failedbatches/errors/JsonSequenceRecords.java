package dev.aep.failedbatches.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;

/**
 * Root-level JSON values in sequence (pretty-printed documents), read with a streaming parser. The elements of a
 * root-level array are records of their own. After a parse error the position in the input is lost, so the error
 * is the last record.
 */
final class JsonSequenceRecords implements RecordSource {
    private final ObjectMapper mapper;
    private final SizeLimitedReader input;
    private final JsonParser parser;
    private final int maxRecordChars;
    private boolean insideRootArray;
    private boolean finished;

    JsonSequenceRecords(Reader input, ObjectMapper mapper, int maxRecordChars) throws IOException {
        this.mapper = mapper;
        this.maxRecordChars = maxRecordChars;
        this.input = new SizeLimitedReader(input, maxRecordChars);
        this.parser = mapper.createParser(this.input);
    }

    @Override
    public FailedRecord next() throws IOException {
        if (finished) {
            return null;
        }
        int startLine = 0;
        try {
            input.startRecord();
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    finished = true;
                    return null;
                }
                if (!insideRootArray && token == JsonToken.START_ARRAY) {
                    insideRootArray = true;
                } else if (insideRootArray && token == JsonToken.END_ARRAY) {
                    insideRootArray = false;
                } else {
                    startLine = parser.currentTokenLocation().getLineNr();
                    JsonNode node = mapper.readTree(parser);
                    return new FailedRecord(startLine, node, null);
                }
            }
        } catch (SizeLimitedReader.LimitExceededException e) {
            finished = true;
            int errorLine = parser.currentLocation().getLineNr();
            return RecordSource.tooLong(startLine > 0 ? startLine : errorLine, maxRecordChars);
        } catch (JsonProcessingException e) {
            finished = true;
            int errorLine = e.getLocation() != null && e.getLocation().getLineNr() > 0
                    ? e.getLocation().getLineNr() : parser.currentLocation().getLineNr();
            return RecordSource.invalid(startLine > 0 ? startLine : errorLine, errorLine, ParseErrors.reason(e));
        }
    }
}
