package dev.aep.failedbatches.errors;

import static dev.aep.failedbatches.errors.Fixtures.records;
import static dev.aep.failedbatches.errors.Fixtures.recordsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FailedFileReaderTest {

    @Test
    void readsThePrettyPrintedSeedDocumentAsOneRecord() {
        List<FailedRecord> records = records("seed-validation-error.json");

        assertThat(records).hasSize(1);
        assertThat(records.get(0).line()).isEqualTo(1);
        assertThat(records.get(0).parseError()).isNull();
        assertThat(records.get(0).json().at("/_validationErrors/0/keyword").asText()).isEqualTo("format");
    }

    @Test
    void readsSeveralPrettyPrintedDocumentsWithTheLineEachStartsOn() {
        List<FailedRecord> records = recordsOf("\n\n{\n  \"a\": 1\n}\n{\n  \"b\": 2\n}\n\n[\n  {\"c\": 3}\n]");

        assertThat(records).extracting(FailedRecord::line, r -> r.json().fieldNames().next())
                .containsExactly(tuple(3, "a"), tuple(6, "b"), tuple(11, "c"));
    }

    @Test
    void readsNdjsonOneRecordPerLine() {
        List<FailedRecord> records = records("dcvs-streaming.ndjson");

        assertThat(records).extracting(FailedRecord::line).containsExactly(1, 2, 3, 4, 5);
        assertThat(records).allSatisfy(record -> assertThat(record.json()).isNotNull());
    }

    @Test
    void skipsBlankLinesButKeepsLineNumbers() {
        List<FailedRecord> records = recordsOf("\n{\"a\":1}\n\n   \t\n{\"b\":2}\n\n");

        assertThat(records).extracting(FailedRecord::line).containsExactly(2, 5);
    }

    @Test
    void aMalformedLineBecomesAParseErrorAndReadingGoesOn() {
        List<FailedRecord> records = records("malformed-line.ndjson");

        assertThat(records).extracting(FailedRecord::line).containsExactly(1, 2, 3);
        assertThat(records.get(0).json()).isNotNull();
        assertThat(records.get(1).json()).isNull();
        assertThat(records.get(1).parseError()).startsWith("line 2 is not valid JSON: ");
        assertThat(records.get(2).json().at("/_errors/_streamingValidation/0/code").asText())
                .isEqualTo("DCVS-1103-400");
    }

    @Test
    void aGarbageFirstLineIsABadNdjsonLineNotAPrettyDocument() {
        List<FailedRecord> records = recordsOf("this is not json\n{\"a\":1}\n");

        assertThat(records).extracting(FailedRecord::line).containsExactly(1, 2);
        assertThat(records.get(0).parseError()).startsWith("line 1 is not valid JSON: Unrecognized token 'this'");
        assertThat(records.get(1).json().get("a").asInt()).isEqualTo(1);
    }

    @Test
    void aLineWithTwoValuesIsNotValidNdjson() {
        List<FailedRecord> records = recordsOf("{\"a\":1} {\"b\":2}\n{\"c\":3}");

        assertThat(records).extracting(FailedRecord::line).containsExactly(1, 2);
        assertThat(records.get(0).parseError()).startsWith("line 1 is not valid JSON: ").contains("Trailing token");
    }

    @Test
    void anEmptyOrBlankFileHasNoRecords() {
        assertThat(records("empty.json")).isEmpty();
        assertThat(recordsOf("\n  \r\n\t\n")).isEmpty();
    }

    @Test
    void acceptsCrLfLineEndings() {
        assertThat(new String(Fixtures.bytes("crlf.ndjson"), StandardCharsets.UTF_8)).contains("}\r\n\r\n{");

        List<FailedRecord> records = records("crlf.ndjson");

        assertThat(records).extracting(FailedRecord::line, FailedRecord::parseError)
                .containsExactly(tuple(1, null), tuple(3, null));
    }

    @Test
    void acceptsCrLineEndingsAndCrLfInPrettyDocuments() {
        assertThat(recordsOf("{\"a\":1}\r{\"b\":2}\r")).extracting(FailedRecord::line).containsExactly(1, 2);
        assertThat(recordsOf("\r\n{\r\n\"a\": 1\r\n}\r\n{\r\n\"b\": 2\r\n}\r\n"))
                .extracting(FailedRecord::line).containsExactly(2, 5);
    }

    @Test
    void skipsAByteOrderMark() {
        assertThat(Fixtures.bytes("bom.ndjson")).startsWith(0xEF, 0xBB, 0xBF);

        List<FailedRecord> records = records("bom.ndjson");

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.parseError()).isNull();
            assertThat(record.json().has("_errors")).isTrue();
        });
        assertThat(recordsOf("\uFEFF{\n\"a\": 1\n}")).extracting(FailedRecord::line, FailedRecord::parseError)
                .containsExactly(tuple(1, null));
    }

    @Test
    void skipsAByteOrderMarkThatArrivesByteByByte() {
        byte[] content = ("\uFEFF{\"a\":1}\n\u2003\u00A0\n{\"b\":2}").getBytes(StandardCharsets.UTF_8);

        List<FailedRecord> records = Fixtures.readAll(new FailedFileReader(), trickling(content, 1));

        // U+2003 alone is a blank line (skipped); with U+00A0, which is not whitespace, it is a bad line
        assertThat(records).extracting(FailedRecord::line).containsExactly(1, 2, 3);
        assertThat(records.get(0).json().get("a").asInt()).isEqualTo(1);
        assertThat(records.get(1).parseError()).startsWith("line 2 is not valid JSON");
        assertThat(Fixtures.readAll(new FailedFileReader(), trickling("\u2003\n{\"b\":2}".getBytes(StandardCharsets.UTF_8), 1)))
                .extracting(FailedRecord::line).containsExactly(2);
    }

    @Test
    void keepsNonAsciiText() {
        List<FailedRecord> records = records("dcvs-streaming.ndjson");

        assertThat(records.get(2).json().at("/_errors/_streamingValidation/0/message").asText()).contains("[원]");
        assertThat(records.get(4).json().at("/_errors/_streamingValidation/2/message").asText()).contains("[元]");
    }

    @Test
    void replacesInvalidUtf8Bytes() {
        List<FailedRecord> records = records("invalid-utf8.ndjson");

        assertThat(records).extracting(FailedRecord::line, FailedRecord::parseError)
                .containsExactly(tuple(1, null), tuple(2, null));
        assertThat(records.get(0).json().at("/_errors/_streamingValidation/0/message").asText())
                .contains("\uFFFD").startsWith("string [");
    }

    @Test
    void deeplyNestedJsonOnOneLineIsAParseErrorNotAStackOverflow() {
        List<FailedRecord> records = records("deeply-nested.json");

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.line()).isEqualTo(1);
            assertThat(record.json()).isNull();
            assertThat(record.parseError()).startsWith("line 1 is not valid JSON: ").contains("nesting depth");
        });
    }

    @Test
    void deeplyNestedPrettyJsonIsAParseErrorThatEndsTheFile() {
        String deep = "{\n\"a\": 1\n}\n" + "[\n".repeat(10_000) + "]\n".repeat(10_000) + "{\"b\": 2}\n";

        List<FailedRecord> records = recordsOf(deep);

        assertThat(records).hasSize(2);
        assertThat(records.get(0).json().get("a").asInt()).isEqualTo(1);
        assertThat(records.get(1).json()).isNull();
        assertThat(records.get(1).line()).isEqualTo(5);
        assertThat(records.get(1).parseError()).contains("nesting depth");
    }

    @Test
    void flattensATopLevelArray() {
        List<FailedRecord> pretty = records("top-level-array.json");
        List<FailedRecord> oneLine = recordsOf("[{\"a\":1},{\"b\":2}]\n[]\n{\"c\":3}\n[[1]]");

        assertThat(pretty).extracting(FailedRecord::line).containsExactly(2, 7);
        assertThat(pretty.get(1).json().has("_errors")).isTrue();
        assertThat(oneLine).extracting(FailedRecord::line).containsExactly(1, 1, 3, 4);
        assertThat(oneLine.get(3).json().isArray()).as("only the top level is flattened").isTrue();
    }

    @Test
    void aParseErrorInPrettyDocumentsIsTheLastRecord() {
        List<FailedRecord> records = recordsOf("{\n  \"a\": 1\n}\n{\n  \"b\": \n}\n{\"c\": 3}\n");

        assertThat(records).hasSize(2);
        assertThat(records.get(1).line()).isEqualTo(4);
        assertThat(records.get(1).json()).isNull();
        assertThat(records.get(1).parseError()).startsWith("line 6 is not valid JSON: Unexpected character");
    }

    @Test
    void aTooLongLineIsAParseErrorAndReadingGoesOn() {
        FailedFileReader reader = new FailedFileReader(100);
        String content = "{\"a\":1}\n{\"long\":\"" + "x".repeat(50_000) + "\"}\n{\"b\":2}\n";

        List<FailedRecord> records = Fixtures.readAll(reader, stream(content));

        assertThat(records).extracting(FailedRecord::line).containsExactly(1, 2, 3);
        assertThat(records.get(1).parseError())
                .isEqualTo("line 2: the record exceeded aep.records.max-chars (100 characters) and was skipped");
        assertThat(records.get(2).json().get("b").asInt()).isEqualTo(2);
    }

    @Test
    void theLineLimitCountsCharactersNotBytes() {
        // 3-byte characters: 99 characters are 297 bytes, within a 100-character limit; 101 characters are not
        FailedFileReader reader = new FailedFileReader(100);
        String fits = "{\"v\":\"" + "\u20AC".repeat(91) + "\"}"; // 99 characters
        String over = "{\"v\":\"" + "\u20AC".repeat(93) + "\"}"; // 101 characters
        String content = fits + "\r\n" + over + "\r" + fits + "\n";

        List<FailedRecord> records = Fixtures.readAll(reader, stream(content));

        assertThat(records).extracting(FailedRecord::line).containsExactly(1, 2, 3);
        assertThat(records.get(0).json().get("v").asText()).isEqualTo("\u20AC".repeat(91));
        assertThat(records.get(1).parseError())
                .isEqualTo("line 2: the record exceeded aep.records.max-chars (100 characters) and was skipped");
        assertThat(records.get(2).json().get("v").asText()).isEqualTo("\u20AC".repeat(91));
    }

    @Test
    void aLongMultiByteLineIsCountedAcrossReadsOfAnyLength() {
        // the line arrives in reads of 7 bytes, so its characters are split across reads
        FailedFileReader reader = new FailedFileReader(40_000);
        String fits = "{\"v\":\"" + "\u20AC".repeat(39_000) + "\"}";
        String over = "{\"v\":\"" + "\uD83D\uDE00".repeat(20_001) + "\"}"; // 40,010 characters, 80,010 bytes

        List<FailedRecord> records = Fixtures.readAll(reader,
                trickling((fits + "\n" + over + "\n{\"b\":2}").getBytes(StandardCharsets.UTF_8), 7));

        assertThat(records).extracting(FailedRecord::line).containsExactly(1, 2, 3);
        assertThat(records.get(0).json().get("v").asText()).hasSize(39_000);
        assertThat(records.get(1).parseError()).contains("exceeded aep.records.max-chars (40000 characters)");
        assertThat(records.get(2).json().get("b").asInt()).isEqualTo(2);
    }

    private static InputStream trickling(byte[] content, int readSize) {
        return new ByteArrayInputStream(content) {
            @Override
            public synchronized int read(byte[] target, int offset, int length) {
                return super.read(target, offset, Math.min(length, readSize));
            }
        };
    }

    @Test
    void aTooLongPrettyRecordIsAParseError() {
        // the limit is checked on what the parser reads, so it is exact only to within the parser's read-ahead
        FailedFileReader reader = new FailedFileReader(20_000);
        String content = "{\n\"a\": 1\n}\n{\n\"long\": \"" + "x".repeat(50_000) + "\"\n}\n";

        List<FailedRecord> records = Fixtures.readAll(reader, stream(content));

        assertThat(records).hasSize(2);
        assertThat(records.get(1).line()).isEqualTo(4);
        assertThat(records.get(1).parseError()).isEqualTo("line 4: the record exceeded aep.records.max-chars (20000 characters) and was skipped");
    }

    @Test
    void theIteratorClosesTheStreamWhenExhausted() {
        AtomicBoolean closed = new AtomicBoolean();
        Iterator<FailedRecord> records = new FailedFileReader().records(closeTracking("{\"a\":1}\n", closed));

        assertThat(records).isInstanceOf(Closeable.class);
        assertThat(closed).isFalse();
        records.next();
        assertThat(records.hasNext()).isFalse();
        assertThat(closed).isTrue();
        assertThatThrownBy(records::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void closingTheIteratorClosesTheStream() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        Iterator<FailedRecord> records = new FailedFileReader().records(closeTracking("{\"a\":1}\n{\"b\":2}", closed));

        records.next();
        ((Closeable) records).close();

        assertThat(closed).isTrue();
        assertThat(records.hasNext()).isFalse();
    }

    @Test
    void aFailingStreamIsAnUncheckedIoException() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        Iterator<FailedRecord> records = new FailedFileReader().records(failing);

        assertThatThrownBy(records::hasNext).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("connection reset");
    }

    @Test
    void streamsA200MegabyteFileWithoutBufferingIt() {
        byte[] line = ("{\"header\":{\"source\":{\"name\":\"web\"}},\"body\":{\"xdmEntity\":{\"_id\":\"abc\"}},"
                + "\"_errors\":{\"_streamingValidation\":[{\"code\":\"DCVS-1106-400\",\"message\":"
                + "\"required key [eVar14] not found.\"}]}}\n").getBytes(StandardCharsets.UTF_8);
        long lines = 200L * 1024 * 1024 / line.length + 1;
        GeneratedInput input = new GeneratedInput(line, lines);
        long maxReadAhead = 0;
        long count = 0;

        Iterator<FailedRecord> records = new FailedFileReader().records(input);
        while (records.hasNext()) {
            FailedRecord record = records.next();
            count++;
            maxReadAhead = Math.max(maxReadAhead, input.served - count * line.length);
            if (record.json() == null) {
                throw new AssertionError("unexpected parse error: " + record.parseError());
            }
        }

        assertThat(input.served).isGreaterThan(200L * 1024 * 1024);
        assertThat(count).isEqualTo(lines);
        assertThat(maxReadAhead).as("bytes read ahead of the records returned").isLessThan(256 * 1024);
    }

    /** Repeats one line, generated on demand, counting the bytes handed out. */
    private static final class GeneratedInput extends InputStream {
        private final byte[] line;
        private final long total;
        long served;

        GeneratedInput(byte[] line, long lines) {
            this.line = line;
            this.total = lines * line.length;
        }

        @Override
        public int read() {
            if (served >= total) {
                return -1;
            }
            return line[(int) (served++ % line.length)];
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (served >= total) {
                return -1;
            }
            int start = (int) (served % line.length);
            int n = (int) Math.min(Math.min(length, line.length - start), total - served);
            System.arraycopy(line, start, target, offset, n);
            served += n;
            return n;
        }
    }

    private static InputStream stream(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream closeTracking(String content, AtomicBoolean closed) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
    }
}
