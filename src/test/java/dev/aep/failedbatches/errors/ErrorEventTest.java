package dev.aep.failedbatches.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ErrorEventTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private static ErrorEvent fullEvent() {
        ErrorEvent event = new ErrorEvent();
        event.setRetrievedAt("2026-11-29T12:00:00Z");
        event.setRecordId("r-1");
        event.setColumn("col1");
        event.setSchemaLocation("#/properties/x");
        event.setPointer("#/x");
        event.setKeyword("type");
        event.setCode("DCVS-1104-400");
        event.setLine(3);
        event.setFile("part-00000.json");
        event.setMessage("expected type: String, found: Long");
        event.setCategory("malformed-xdm");
        event.setBatchId("01JP8GQ7G4F4HH99114EKQCNKH");
        return event;
    }

    @Test
    void writesTheContractFieldsInOrder() throws Exception {
        assertThat(mapper.writeValueAsString(fullEvent())).isEqualTo("{\"batchId\":\"01JP8GQ7G4F4HH99114EKQCNKH\","
                + "\"category\":\"malformed-xdm\",\"message\":\"expected type: String, found: Long\","
                + "\"file\":\"part-00000.json\",\"line\":3,\"code\":\"DCVS-1104-400\",\"keyword\":\"type\","
                + "\"pointer\":\"#/x\",\"schemaLocation\":\"#/properties/x\",\"column\":\"col1\","
                + "\"recordId\":\"r-1\",\"retrievedAt\":\"2026-11-29T12:00:00Z\"}");
    }

    @Test
    void leavesOutUnknownFieldsAndWritesExtraFieldsLast() throws Exception {
        ErrorEvent event = new ErrorEvent();
        event.setExtra("team", "web");
        event.setBatchId("b1");
        event.setCategory("unclassified");
        event.setMessage("m");
        event.setExtra("severity", 2);

        assertThat(mapper.writeValueAsString(event))
                .isEqualTo("{\"batchId\":\"b1\",\"category\":\"unclassified\",\"message\":\"m\",\"team\":\"web\","
                        + "\"severity\":2}");
    }

    @Test
    void readsBackWithExtraFields() throws Exception {
        ErrorEvent event = fullEvent();
        event.setExtra("team", "web");

        ErrorEvent read = mapper.readValue(mapper.writeValueAsString(event), ErrorEvent.class);

        assertThat(read).isEqualTo(event);
        assertThat(read.getExtra()).containsEntry("team", "web");
    }

    @Test
    void extraFieldsCannotShadowContractFields() {
        ErrorEvent event = new ErrorEvent();

        assertThatThrownBy(() -> event.setExtra("category", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'category' is a contract field");
        event.setExtra("team", "web");
        event.setExtra("team", null);
        assertThat(event.getExtra()).isEmpty();
    }
}
