package dev.aep.failedbatches.errors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Jackson set up for untrusted input: failed files come from outside and may be hostile or broken. */
final class SafeJson {
    static final int MAX_NESTING_DEPTH = 200;
    static final int MAX_STRING_CHARS = 50_000_000;

    private SafeJson() {
    }

    static ObjectMapper newMapper() {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_CHARS)
                .build();
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
        return JsonMapper.builder(factory).build();
    }
}
