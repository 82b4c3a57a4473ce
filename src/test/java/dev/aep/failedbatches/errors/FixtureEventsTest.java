package dev.aep.failedbatches.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every fixture shape, read, extracted and classified with the default rules. */
class FixtureEventsTest {
    private static final String BATCH = "01JP8GQ7G4F4HH99114EKQCNKH";
    private static final String AT = "2026-11-29T12:00:00Z";

    private final ErrorEventFactory factory = new ErrorEventFactory(new ErrorExtractor(),
            new ErrorClassifier(ClassificationRules.defaults()));

    private List<ErrorEvent> events(String fixture) {
        List<ErrorEvent> events = new ArrayList<>();
        for (FailedRecord record : Fixtures.records(fixture)) {
            events.addAll(factory.toEvents(record, BATCH, fixture, AT));
        }
        assertThat(events).allSatisfy(event -> {
            assertThat(event.batchId()).isEqualTo(BATCH);
            assertThat(event.file()).isEqualTo(fixture);
            assertThat(event.retrievedAt()).isEqualTo(AT);
            assertThat(event.message()).isNotBlank();
        });
        return events;
    }

    @Test
    void seedValidationErrorIsMalformedXdm() {
        assertThat(events("seed-validation-error.json"))
                .extracting(ErrorEvent::category, ErrorEvent::line, ErrorEvent::keyword,
                        ErrorEvent::pointer, ErrorEvent::schemaLocation, ErrorEvent::code)
                .containsExactly(tuple("malformed-xdm", 1, "format", "#/timestamp", "#/properties/timestamp", null));
        assertThat(events("seed-validation-error.json").get(0).message())
                .startsWith("[2018-00-23T22:07:01Z] is not a valid date-time. Expected [yyyy-MM-dd'T'HH:mm:ssZ,")
                .endsWith("[+-]HH:mm]");
    }

    @Test
    void seedSamplePayloadWithoutErrorsIsOneUnclassifiedEvent() {
        assertThat(events("seed-sample-payload.json")).extracting(ErrorEvent::category, ErrorEvent::line,
                        ErrorEvent::message)
                .containsExactly(tuple("unclassified", 1, "record has no recognisable error entries (fields: [body])"));
    }

    @Test
    void dcvsRecordsAreMalformedXdmOneEventPerStreamingValidationEntry() {
        List<ErrorEvent> events = events("dcvs-streaming.ndjson");

        assertThat(events).extracting(ErrorEvent::category, ErrorEvent::line, ErrorEvent::code,
                        ErrorEvent::recordId)
                .containsExactly(
                        tuple("malformed-xdm", 1, "DCVS-1106-400", "rec-1106"),
                        tuple("malformed-xdm", 2, "DCVS-1104-400", "rec-1104"),
                        tuple("malformed-xdm", 3, "DCVS-1103-400", "rec-1103"),
                        tuple("malformed-xdm", 4, "DCVS-1101-400", "rec-1101"),
                        tuple("malformed-xdm", 5, "DCVS-1106-400", "rec-three"),
                        tuple("malformed-xdm", 5, "DCVS-1104-400", "rec-three"),
                        tuple("malformed-xdm", 5, "DCVS-1103-400", "rec-three"));
        assertThat(events.get(2)).extracting(ErrorEvent::keyword, ErrorEvent::pointer,
                        ErrorEvent::schemaLocation)
                .containsExactly("pattern", "#/commerce/order/currencyCode",
                        "#/properties/commerce/properties/order/properties/currencyCode");
        assertThat(events.get(2).message()).contains("string [원] does not match pattern ^[A-Z]{3}$.");
        assertThat(events.get(6).message()).contains("string [元] does not match pattern");
        assertThat(events.get(0).message()).isEqualTo("The message cannot be validated because a required "
                + "property is missing: #/_experience/analytics/customDimensions/eVars: required key [eVar14] "
                + "not found.");
    }

    @Test
    void stringEncodedHeaderBodyAndErrorsAreDecoded() {
        assertThat(events("string-encoded.ndjson"))
                .extracting(ErrorEvent::category, ErrorEvent::line, ErrorEvent::code, ErrorEvent::keyword,
                        ErrorEvent::pointer, ErrorEvent::schemaLocation, ErrorEvent::recordId)
                .containsExactly(
                        tuple("malformed-xdm", 1, "DCVS-1104-400", null, null, null, "enc-1"),
                        tuple("malformed-xdm", 2, "DCVS-1106-400", "required", "#/identityMap",
                                "#/properties/identityMap", "12345"));
    }

    @Test
    void problemReportsAreClassifiedByTheirMessageOrCauses() {
        assertThat(events("problem-invalid-org.json")).extracting(ErrorEvent::category, ErrorEvent::line)
                .containsExactly(tuple("invalid-org-id", 1));
        assertThat(events("problem-invalid-org.json").get(0).message())
                .endsWith("Message has an absent or wrong ims org in the header");
        assertThat(events("problem-unknown-xdm-format.json")).extracting(ErrorEvent::category,
                ErrorEvent::message).containsExactly(tuple("missing-schema", "inletId: [9b0cb233972f3b0092992284c7"
                + "353f5eead496218e8441a79b25e9421ea127f5] imsOrgId: [ABC123@AdobeOrg] Message has unknown xdm format"));
        assertThat(events("problem-message-invalid.json"))
                .extracting(ErrorEvent::category, ErrorEvent::line, ErrorEvent::keyword,
                        ErrorEvent::pointer, ErrorEvent::schemaLocation, ErrorEvent::message)
                .containsExactly(
                        tuple("malformed-xdm", 1, "type", "#/_id", "#/properties/_id",
                                "expected type: String, found: Long"),
                        tuple("malformed-xdm", 1, "format", "#/timestamp", "#/properties/timestamp",
                                "[2018-00-10T22:07:56Z] is not a valid date-time"),
                        tuple("malformed-xdm", 1, "required", "#", "#", "required key [eventType] not found"));
    }

    @Test
    void rowErrorsAreCorruptRecordsOrConversions() {
        assertThat(events("row-errors-parse.ndjson"))
                .extracting(ErrorEvent::category, ErrorEvent::line, ErrorEvent::code, ErrorEvent::column,
                        ErrorEvent::message)
                .containsExactly(tuple("corrupt-record", 1, "1401", null,
                        "Row is corrupted and cannot be read, please fix and resend."));
        assertThat(events("row-errors-conversion.ndjson"))
                .extracting(ErrorEvent::category, ErrorEvent::line, ErrorEvent::code, ErrorEvent::column,
                        ErrorEvent::message)
                .containsExactly(
                        tuple("conversion", 1, "123", "col3", "Cannot convert array element from Object to String"),
                        tuple("conversion", 2, "100", "col1", "Cannot convert string to float"));
    }

    @Test
    void appendixShapesHaveTheirOwnCategories() {
        assertThat(events("appendix-missing-source-name.json"))
                .extracting(ErrorEvent::category, ErrorEvent::line, ErrorEvent::message)
                .containsExactly(tuple("missing-source-name", 1, "Payload header is missing Source Name"));
        assertThat(events("appendix-missing-xdm-entity.json"))
                .extracting(ErrorEvent::category, ErrorEvent::line, ErrorEvent::message)
                .containsExactly(tuple("missing-xdm-entity", 1, "Payload body is missing xdmEntity"));
    }

    @Test
    void aMalformedLineIsOneUnclassifiedEventAndTheOthersAreFine() {
        List<ErrorEvent> events = events("malformed-line.ndjson");

        assertThat(events).extracting(ErrorEvent::category, ErrorEvent::line, ErrorEvent::code)
                .containsExactly(tuple("malformed-xdm", 1, "DCVS-1106-400"), tuple("unclassified", 2, null),
                        tuple("malformed-xdm", 3, "DCVS-1103-400"));
        assertThat(events.get(1).message()).startsWith("line 2 is not valid JSON: Unexpected end-of-input");
    }

    @Test
    void anEmptyFileHasNoEvents() {
        assertThat(events("empty.json")).isEmpty();
    }

    @Test
    void encodingAndLineEndingVariantsClassifyNormally() {
        assertThat(events("crlf.ndjson")).extracting(ErrorEvent::category, ErrorEvent::line)
                .containsExactly(tuple("malformed-xdm", 1), tuple("malformed-xdm", 3));
        assertThat(events("bom.ndjson")).extracting(ErrorEvent::category, ErrorEvent::line)
                .containsExactly(tuple("malformed-xdm", 1));
        assertThat(events("invalid-utf8.ndjson")).extracting(ErrorEvent::category, ErrorEvent::line)
                .containsExactly(tuple("malformed-xdm", 1), tuple("malformed-xdm", 2));
    }

    @Test
    void deeplyNestedJsonIsOneUnclassifiedEvent() {
        assertThat(events("deeply-nested.json")).singleElement().satisfies(event -> {
            assertThat(event.category()).isEqualTo("unclassified");
            assertThat(event.line()).isEqualTo(1);
            assertThat(event.message()).startsWith("line 1 is not valid JSON: Document nesting depth (201) "
                    + "exceeds the maximum allowed (200");
        });
    }

    @Test
    void topLevelArrayElementsAreRecords() {
        assertThat(events("top-level-array.json"))
                .extracting(ErrorEvent::category, ErrorEvent::line, ErrorEvent::keyword)
                .containsExactly(tuple("malformed-xdm", 2, "enum"), tuple("missing-source-name", 7, null));
    }
}
