package dev.aep.failedbatches.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorEventTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private static ErrorEvent fullEvent() {
        return new ErrorEvent("01JP8GQ7G4F4HH99114EKQCNKH", "malformed-xdm", "expected type: String, found: Long",
                "part-00000.json", 3, "DCVS-1104-400", "type", "#/x", "#/properties/x", "col1", "r-1",
                "2026-11-29T12:00:00Z");
    }

    private static ErrorEvent minimal() {
        return new ErrorEvent("b1", "unclassified", "m", null, null, null, null, null, null, null, null, null);
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
        ErrorEvent event = minimal().withExtra("team", "web").withExtra("severity", 2);

        assertThat(mapper.writeValueAsString(event))
                .isEqualTo("{\"batchId\":\"b1\",\"category\":\"unclassified\",\"message\":\"m\",\"team\":\"web\","
                        + "\"severity\":2}");
    }

    @Test
    void readsBackWithExtraFields() throws Exception {
        ErrorEvent event = fullEvent().withExtra("team", "web");

        ErrorEvent read = mapper.readValue(mapper.writeValueAsString(event), ErrorEvent.class);

        assertThat(read).isEqualTo(event);
        assertThat(read.extra()).containsExactly(Map.entry("team", "web"));
        assertThat(mapper.readValue(mapper.writeValueAsString(fullEvent()), ErrorEvent.class)).isEqualTo(fullEvent());
    }

    @Test
    void extraFieldsCannotShadowContractFields() {
        assertThatThrownBy(() -> minimal().withExtra("category", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'category' is a contract field");
        assertThat(minimal().withExtra("team", "web").withExtra("team", null).extra()).isEmpty();
        assertThat(minimal().withExtra("team", "web").withExtra("x", 1).withExtra("team", "app").extra())
                .containsExactly(Map.entry("team", "app"), Map.entry("x", 1));
    }
}
