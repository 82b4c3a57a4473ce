package dev.aep.failedbatches.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming pass gives exactly the tree reader's entries, or leaves the record to it. */
class StreamingErrorEntriesTest {

    private final ObjectMapper mapper = SafeJson.newMapper();
    private final StreamingErrorEntries streaming = new StreamingErrorEntries(mapper.getFactory());
    private final ErrorExtractor tree = new ErrorExtractor();

    static List<String> lines() {
        List<String> lines = new ArrayList<>(List.of(
                // the common DCVS shape, fields in any order, extra fields, a duplicate field (the last wins)
                "{\"body\":{\"xdmEntity\":{\"_id\":\"r1\",\"x\":[1,{\"a\":2}]}},\"_errors\":{\"_streamingValidation\":"
                        + "[{\"code\":\"DCVS-1106-400\",\"message\":\"m1\",\"keyword\":\"format\",\"pointerToViolation\":\"#/a\","
                        + "\"schemaLocation\":\"#/s\",\"extra\":{\"k\":[1]}},{\"message\":\"m2\",\"message\":\"m3\"}]}}",
                "{\"_errors\":{\"_validationErrors\":[{\"description\":\"d\",\"pointer\":\"#/p\"}],"
                        + "\"_streamingValidation\":[{\"detail\":\"t\",\"code\":null}]}}",
                "{\"_validationErrors\":[{\"message\":\"v\",\"column\":\"c\"}],\"_errors\":{\"_streamingValidation\":[{\"message\":\"s\"}]}}",
                "{\"_errors\":{\"_streamingValidation\":[{\"message\":\"" + "x".repeat(ErrorExtractor.MAX_TEXT_CHARS + 5)
                        + "\"}]},\"body\":{\"xdmEntity\":{\"_id\":null}}}",
                "{\"_errors\":{\"_streamingValidation\":[{\"message\":\"\"}]},\"body\":{\"other\":1}}",
                // left to the tree reader (or the same answer)
                "{\"_errors\":{\"_streamingValidation\":[{\"code\":\"no message\"}]}}",
                "{\"_errors\":{\"_streamingValidation\":[{\"message\":\"m\",\"causingExceptions\":[{\"message\":\"c\"}]}]}}",
                "{\"_errors\":{\"_streamingValidation\":[\"{\\\"message\\\":\\\"escaped\\\"}\"]}}",
                "{\"_errors\":\"{\\\"_streamingValidation\\\":[{\\\"message\\\":\\\"escaped\\\"}]}\"}",
                "{\"_errors\":[{\"message\":\"row\",\"column\":\"c\"}],\"c\":\"v\"}",
                "{\"_corrupt_record\":\"x\",\"_errors\":[{\"message\":\"m\"}]}",
                "{\"report\":{\"message\":\"Message is invalid\"}}",
                "{\"title\":\"t\",\"status\":400,\"detail\":\"d\"}",
                "{\"_errors\":{\"_streamingValidation\":[{\"message\":\"m\",\"code\":1106}]}}",
                "{\"_errors\":{\"_streamingValidation\":[]}}",
                "{\"_errors\":{\"_streamingValidation\":[{\"message\":\"m\"}]},\"body\":\"{\\\"xdmEntity\\\":{\\\"_id\\\":\\\"e\\\"}}\"}",
                "{\"_errors\":{\"_streamingValidation\":[{\"message\":\"m\"}]},\"body\":{\"xdmEntity\":{\"_id\":7}}}",
                "{\"_errors\":{\"_streamingValidation\":[{\"message\":\"a\"}]},\"_errors\":{\"_streamingValidation\":[{\"message\":\"b\"}]}}",
                "{\"_errors\":{\"_streamingValidation\":[{\"message\":\"m\"}]}} {\"trailing\":1}",
                "[{\"_errors\":{\"_streamingValidation\":[{\"message\":\"m\"}]}}]",
                "{\"x\":1}"));
        for (String fixture : List.of("dcvs-streaming.ndjson", "row-errors-conversion.ndjson", "row-errors-parse.ndjson",
                "string-encoded.ndjson", "crlf.ndjson", "malformed-line.ndjson")) {
            new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank())
                    .forEach(lines::add);
        }
        return lines;
    }

    @ParameterizedTest
    @MethodSource("lines")
    void givesTheTreeReadersEntriesOrLeavesTheRecordToIt(String line) throws Exception {
        List<ErrorEntry> streamed = streaming.extract(line);
        if (streamed != null) {
            assertThat(streamed).isEqualTo(tree.extract(new FailedRecord(1, mapper.readTree(line), null)));
        }
    }

    /** NDJSON lines are parsed from their bytes: the same entries as from their text. */
    @ParameterizedTest
    @MethodSource("lines")
    void readsTheSameEntriesFromBytesAsFromText(String line) {
        byte[] utf8 = ("  " + line + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(streaming.extract(utf8, 2, utf8.length - 3)).isEqualTo(streaming.extract(line));
    }

    /**
     * Bytes the JDK's decoder rejects (an encoded surrogate, an overlong '/', a code point above U+10FFFF) are not
     * parsed raw, where Jackson would read a lone surrogate or a '/': the message carries U+FFFD, as the tree reader's.
     */
    @ParameterizedTest
    @MethodSource("malformed")
    void malformedBytesGiveTheTreeReadersText(String hex) throws Exception {
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        line.writeBytes("{\"_errors\":{\"_streamingValidation\":[{\"message\":\"bad [".getBytes(StandardCharsets.UTF_8));
        line.writeBytes(bad);
        line.writeBytes("]\"}]}}\n".getBytes(StandardCharsets.UTF_8));

        List<FailedRecord> streamed = Fixtures.readAll(new FailedFileReader().withStreamingEntries(),
                new java.io.ByteArrayInputStream(line.toByteArray()));
        List<FailedRecord> trees = Fixtures.readAll(new FailedFileReader(), new java.io.ByteArrayInputStream(line.toByteArray()));

        assertThat(streamed.get(0).entries()).isNotNull();
        assertThat(streamed.get(0).entries().get(0).message()).contains("\uFFFD").doesNotContain("/")
                .isEqualTo(tree.extract(trees.get(0)).get(0).message());
    }

    /**
     * Jackson guesses the encoding of bytes from their first four: a byte order mark starting a line, or NULs that look
     * like UTF-16 or UTF-32, would make it read another text than the decoded line. Those lines are decoded first: the
     * streaming reader gives the tree reader's events.
     */
    @Test
    void linesWhoseFirstBytesLookLikeAnotherEncodingAreDecodedFirst() {
        String common = "{\"_errors\":{\"_streamingValidation\":[{\"message\":\"m\"}]}}";
        String content = common + "\n\uFEFF" + common + "\n{\u0000\"_errors\":1}\n{\"\u0000\":1}\n " + common + "\n";
        ErrorEventFactory factory = new ErrorEventFactory(new ErrorExtractor(),
                new ErrorClassifier(ClassificationRules.defaults()));
        List<ErrorEvent> streamed = new ArrayList<>();
        List<ErrorEvent> trees = new ArrayList<>();
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Fixtures.readAll(new FailedFileReader().withStreamingEntries(), new java.io.ByteArrayInputStream(bytes))
                .forEach(r -> streamed.addAll(factory.toEvents(r, "b", "f", "t")));
        Fixtures.readAll(new FailedFileReader(), new java.io.ByteArrayInputStream(bytes))
                .forEach(r -> trees.addAll(factory.toEvents(r, "b", "f", "t")));

        assertThat(trees).hasSize(5);
        assertThat(trees.get(1).message()).contains("not valid JSON");
        assertThat(streamed).isEqualTo(trees);
    }

    static List<String> malformed() {
        return List.of("eda080", "c0af", "f4908080", "e080af", "80", "f0808080");
    }

    /** What the pipeline writes: the same events from the streaming reader as from the tree reader, every fixture. */
    @ParameterizedTest
    @MethodSource("fixtures")
    void theStreamingReaderGivesTheTreeReadersEvents(String fixture) {
        ErrorEventFactory factory = new ErrorEventFactory(new ErrorExtractor(),
                new ErrorClassifier(ClassificationRules.defaults()));
        List<ErrorEvent> streamed = new ArrayList<>();
        List<ErrorEvent> trees = new ArrayList<>();
        Fixtures.readAll(new FailedFileReader().withStreamingEntries(), Fixtures.open(fixture))
                .forEach(r -> streamed.addAll(factory.toEvents(r, "b", "f", "t")));
        Fixtures.readAll(new FailedFileReader(), Fixtures.open(fixture))
                .forEach(r -> trees.addAll(factory.toEvents(r, "b", "f", "t")));
        assertThat(streamed).isEqualTo(trees);
    }

    static List<String> fixtures() {
        return List.of("appendix-missing-source-name.json", "appendix-missing-xdm-entity.json", "bom.ndjson",
                "crlf.ndjson", "dcvs-streaming.ndjson", "deeply-nested.json", "empty.json", "invalid-utf8.ndjson",
                "malformed-line.ndjson", "problem-invalid-org.json", "problem-message-invalid.json",
                "problem-unknown-xdm-format.json", "row-errors-conversion.ndjson", "row-errors-parse.ndjson",
                "seed-sample-payload.json", "seed-validation-error.json", "string-encoded.ndjson", "top-level-array.json");
    }

    @Test
    void readsTheCommonShapesWithoutATree() {
        assertThat(lines().subList(0, 5)).allSatisfy(line -> assertThat(streaming.extract(line)).isNotNull());
        String dcvs = new String(Fixtures.bytes("dcvs-streaming.ndjson"), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank()).findFirst().orElseThrow();
        assertThat(streaming.extract(dcvs)).isNotNull();
    }
}
