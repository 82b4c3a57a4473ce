package dev.aep.failedbatches.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.failedbatches.pipeline.LoggedPipelineTestSupport;
import dev.aep.failedbatches.testsupport.HttpReceiver;
import dev.aep.failedbatches.testsupport.SinkRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * README "Write your own sink": the example sink, a YAML file and nothing else, dropped into a routes/ folder next to
 * the production routes and named in the mapping with two built-in sinks. It gets every event of each category as one
 * HTTP request; when its endpoint fails it is retried and dead-lettered like a built-in sink, and the other sinks and
 * the category files do not notice.
 */
public class OwnSinkTest extends LoggedPipelineTestSupport {

    /** The README's example, verbatim: keep the two in step (RoutesYamlValidationTest checks it is canonical). */
    public static final String AUDIT_SINK = """
            - route:
                id: aep-sink-audit
                routeConfigurationId: aep-sink
                from:
                  uri: direct:aep-sink-audit
                  steps:
                    - removeHeaders: { pattern: "aep*" }
                    - split:
                        expression: { simple: { expression: "${body}" } }
                        streaming: "true"
                        stopOnException: "true"
                        steps:
                          - marshal: { json: {} }
                          - to: { uri: "{{audit.url}}" }
            """;

    private static final int MAX_REDELIVERIES = 2;
    // static: the properties are read in the constructor of the test support, before instance fields are set
    private static final HttpReceiver audit = newReceiver();


    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("camel.main.routes-include-pattern",
                SinkRoutes.withSinks(SinkRoutes.allTo("log,audit,files"), Map.of("sink-audit.camel.yaml", AUDIT_SINK)));
        p.put("audit.url", audit.url("/audit"));
        p.put("aep.sinks.retry.max-redeliveries", String.valueOf(MAX_REDELIVERIES));
        p.put("aep.sinks.retry.initial-delay-ms", "10");
        p.put("aep.sinks.retry.max-delay-ms", "50");
        return p;
    }

    @BeforeEach
    void resetReceiver() {
        audit.answer(200).clear();
    }

    @AfterAll
    static void stopReceiver() {
        audit.close();
    }

    @Test
    void theOwnSinkGetsEveryEventOfEachCategoryAsOneRequest() throws Exception {
        String batch = "01HZPROBLEMJSON0000000001"; // malformed-xdm 3, invalid-org-id 1, missing-schema 1
        retrieve(batch);

        List<JsonNode> expected = new ArrayList<>();
        for (String category : List.of("malformed-xdm", "invalid-org-id", "missing-schema")) {
            expected.addAll(events(category, batch));
        }
        assertThat(expected).hasSize(5);
        List<JsonNode> received = new ArrayList<>();
        for (HttpReceiver.Request request : audit.requests()) {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.headers().keySet()).noneMatch(name -> name.startsWith("aep"));
            received.add(JSON.readTree(request.body()));
        }
        assertThat(received).as("one request per event, the event as JSON").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(received).allSatisfy(event -> assertThat(event.path("message").asText()).isNotBlank());
        assertThat(out.resolve("export/malformed-xdm/" + batch + ".jsonl"))
                .hasSameTextualContentAs(out.resolve("errors/malformed-xdm/" + batch + ".jsonl"));
        assertThat(out.resolve("dead-letter")).doesNotExist();
    }

    @Test
    void whenItsEndpointIsDownTheOwnSinkIsRetriedAndDeadLetteredAndTheOthersCarryOn() throws Exception {
        String batch = "01HZDCVS0STREAMING00000001"; // 7 malformed-xdm
        Path categoryFile = out.resolve("errors/malformed-xdm/" + batch + ".jsonl");
        audit.answer(500);

        retrieve(batch);

        assertThat(audit.requests()).as("the first event: 1 try + aep.sinks.retry.max-redeliveries, then it stops")
                .hasSize(1 + MAX_REDELIVERIES);
        JsonNode dead = JSON.readTree(out.resolve("dead-letter/sinks/" + batch + ".malformed-xdm.audit.json").toFile());
        assertThat(dead.path("batchId").asText()).isEqualTo(batch);
        assertThat(dead.path("category").asText()).isEqualTo("malformed-xdm");
        assertThat(dead.path("sink").asText()).isEqualTo("audit");
        assertThat(dead.path("status").asText()).isEqualTo("undelivered");
        assertThat(dead.path("eventsFile").asText()).isEqualTo("errors/malformed-xdm/" + batch + ".jsonl");
        assertThat(dead.path("events").asLong()).isEqualTo(7);
        assertThat(filesUnder(out.resolve("dead-letter"))).as("only the own sink is dead-lettered").hasSize(1);

        assertThat(report(batch).path("status").asText()).isEqualTo("completed");
        assertThat(Files.readAllLines(categoryFile)).hasSize(7);
        assertThat(out.resolve("export/malformed-xdm/" + batch + ".jsonl")).hasSameTextualContentAs(categoryFile);
        assertThat(logs.text()).contains("Batch " + batch + ": 7 malformed-xdm error(s)");
    }

    private static HttpReceiver newReceiver() {
        try {
            return new HttpReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
