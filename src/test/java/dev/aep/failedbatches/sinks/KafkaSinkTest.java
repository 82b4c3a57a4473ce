package dev.aep.failedbatches.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import dev.aep.failedbatches.testsupport.EmbeddedKafka;
import dev.aep.failedbatches.testsupport.SinkRoutes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production kafka sink against a real KRaft broker in the test JVM: every event of the category it is mapped to
 * arrives as one JSON record, keyed by batch ID, on {@code aep.failed.<category>}, and no other category is published.
 */
class KafkaSinkTest extends PipelineTestSupport {

    private static final String BATCH = "01HZPROBLEMJSON0000000001"; // malformed-xdm 3, invalid-org-id 1, missing-schema 1
    private static final String TOPIC = "aep.failed.malformed-xdm";

    private static final String MALFORMED_TO_KAFKA = """
            - route:
                id: aep-sinks-by-category
                from:
                  uri: direct
                  parameters:
                    name: aep-sinks-by-category
                  steps:
                    - choice:
                        when:
                          - expression:
                              simple:
                                expression: "${header.aepCategory} == 'malformed-xdm'"
                            steps:
                              - setHeader:
                                  name: aepSinks
                                  expression:
                                    constant:
                                      expression: kafka
                        otherwise:
                          steps:
                            - setHeader:
                                name: aepSinks
                                expression:
                                  constant:
                                    expression: log
            - route:
                id: aep-sinks-for-reports
                from:
                  uri: direct
                  parameters:
                    name: aep-sinks-for-reports
                  steps:
                    - log:
                        loggingLevel: DEBUG
                        message: "report ready"
            """;

    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "camel.main.routes-include-pattern", SinkRoutes.withSinks(MALFORMED_TO_KAFKA),
                "aep.sinks.kafka.brokers", KAFKA.bootstrapServers());
    }

    @Test
    void everyEventOfTheMappedCategoryIsOneRecordKeyedByBatchId() throws Exception {
        retrieve(BATCH);

        List<JsonNode> expected = events("malformed-xdm", BATCH);
        assertThat(expected).hasSize(3);
        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
                .until(() -> KAFKA.records(TOPIC), r -> r.size() >= expected.size());
        assertThat(records).hasSize(expected.size());
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(BATCH);
        List<JsonNode> published = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            published.add(JSON.readTree(record.value()));
        }
        assertThat(published).as("each record is the category file's JSON event").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(published).allSatisfy(event -> {
            assertThat(event.path("message").asText()).isNotBlank();
            assertThat(event.path("category").asText()).isEqualTo("malformed-xdm");
        });

        assertThat(KAFKA.records("aep.failed.invalid-org-id")).isEmpty();
        assertThat(KAFKA.records("aep.failed.missing-schema")).isEmpty();
        assertThat(topicsWithPrefix("aep.failed.")).as("topics the sink wrote to").containsExactly(TOPIC);
        assertThat(out.resolve("dead-letter")).doesNotExist();
    }

    private static Set<String> topicsWithPrefix(String prefix) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            return Set.copyOf(admin.listTopics().names().get().stream().filter(t -> t.startsWith(prefix)).toList());
        }
    }
}
