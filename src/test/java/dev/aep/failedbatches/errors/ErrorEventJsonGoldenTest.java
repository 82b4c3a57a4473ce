package dev.aep.failedbatches.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON lines of every fixture's events, byte for byte as the output store writes them; the golden file was
 * written by the former mutable ErrorEvent bean, so a change of field order, names or null handling shows here.
 */
class ErrorEventJsonGoldenTest {
    private static final List<String> FIXTURES = List.of("appendix-missing-source-name.json",
            "appendix-missing-xdm-entity.json", "bom.ndjson", "crlf.ndjson", "dcvs-streaming.ndjson",
            "deeply-nested.json", "empty.json", "invalid-utf8.ndjson", "malformed-line.ndjson",
            "problem-invalid-org.json", "problem-message-invalid.json", "problem-unknown-xdm-format.json",
            "row-errors-conversion.ndjson", "row-errors-parse.ndjson", "seed-sample-payload.json",
            "seed-validation-error.json", "string-encoded.ndjson", "top-level-array.json");

    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final ErrorEventFactory factory = new ErrorEventFactory(new ErrorExtractor(),
            new ErrorClassifier(ClassificationRules.defaults()));

    @Test
    void everyFixtureEventIsWrittenAsBefore() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (String fixture : FIXTURES) {
            for (FailedRecord record : Fixtures.records(fixture)) {
                for (ErrorEvent event : factory.toEvents(record, "01JP8GQ7G4F4HH99114EKQCNKH", fixture,
                        "2026-11-29T12:00:00Z")) {
                    lines.append(json.writeValueAsString(event)).append('\n');
                }
            }
        }
        String golden = new String(Fixtures.bytes("events.golden.jsonl"), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("writeGolden")) {
            Files.writeString(Path.of("src/test/resources/errors/events.golden.jsonl"), lines);
        }
        assertThat(lines.toString()).isEqualTo(golden);
    }
}
