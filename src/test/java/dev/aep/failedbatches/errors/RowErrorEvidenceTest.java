package dev.aep.failedbatches.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Row-error events carry their evidence, capped: a hostile record never makes a huge event. */
class RowErrorEvidenceTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ErrorEventFactory factory = new ErrorEventFactory(new ErrorExtractor(),
            new ErrorClassifier(ClassificationRules.defaults()));

    @Test
    void aHugeCorruptRecordIsCutAtFourKilobytesAndSaysSo() {
        ObjectNode record = json.createObjectNode();
        record.put("_corrupt_record", "x".repeat(2_000_000));
        record.putArray("_errors").addObject().put("code", "1401").put("message", "Row is corrupted");
        record.put("_filename", "big.json");

        List<ErrorEvent> events = factory.toEvents(new FailedRecord(1, record, null), "01B", "f.json", "now");

        assertThat(events).hasSize(1);
        assertThat(events.get(0).category()).isEqualTo("corrupt-record");
        assertThat((String) events.get(0).extra().get("rawRecord")).hasSize(RowErrorEvidence.MAX_RAW_RECORD_CHARS);
        assertThat(events.get(0).extra()).containsEntry("rawRecordTruncated", true).containsEntry("sourceFile", "big.json");
    }

    @Test
    void aConversionErrorCarriesTheOffendingValueCapped() {
        ObjectNode record = json.createObjectNode();
        record.put("price", "y".repeat(5000));
        record.putArray("_errors").addObject().put("column", "price").put("code", "100")
                .put("message", "Cannot convert string to float");

        ErrorEvent event = factory.toEvents(new FailedRecord(1, record, null), "01B", "f.json", "now").get(0);

        assertThat((String) event.extra().get("value")).hasSize(RowErrorEvidence.MAX_VALUE_CHARS);
        assertThat(event.extra()).doesNotContainKey("sourceFile");
    }
}
