package dev.aep.failedbatches.errors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Jackson set up for untrusted input: failed files come from outside and may be hostile or broken. */
final class SafeJson {
    static final int MAX_NESTING_DEPTH = 200;
    static final int MAX_STRING_CHARS = FailedFileReader.DEFAULT_MAX_RECORD_CHARS;

    private SafeJson() {
    }

    static ObjectMapper newMapper() {
        return newMapper(MAX_STRING_CHARS);
    }

    /** A string value can be no longer than the record that holds it. */
    static ObjectMapper newMapper(int maxStringChars) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(maxStringChars)
                .build();
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
        return JsonMapper.builder(factory).build();
    }
}
