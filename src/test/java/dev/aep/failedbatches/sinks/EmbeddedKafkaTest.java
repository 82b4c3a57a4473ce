package dev.aep.failedbatches.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.failedbatches.testsupport.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test infrastructure for the Kafka sink: camel-kafka's producer writes to the in-process KRaft broker and
 * {@link EmbeddedKafka#records} reads back exactly what arrived (keys, values, headers).
 */
class EmbeddedKafkaTest {

    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() throws Exception {
        camel.close();
    }

    @Test
    void keyedMessagesArriveOnAnAutoCreatedTopic() {
        for (int i = 1; i <= 3; i++) {
            send("aep-errors-auto", "batch-" + i, "{\"error\":" + i + "}");
        }

        List<ConsumerRecord<String, String>> records = awaitRecords("aep-errors-auto", 3);

        assertThat(records).extracting(ConsumerRecord::key).containsExactly("batch-1", "batch-2", "batch-3");
        assertThat(records).extracting(ConsumerRecord::value)
                .containsExactly("{\"error\":1}", "{\"error\":2}", "{\"error\":3}");
        assertThat(records).allSatisfy(record -> assertThat(header(record, "aepCategory")).isEqualTo("malformed-xdm"));
    }

    @Test
    void everyPartitionOfAnExplicitlyCreatedTopicIsRead() throws Exception {
        KAFKA.createTopic("aep-errors-partitioned", 3);
        for (String key : List.of("a", "b", "c", "d", "e", "f")) {
            send("aep-errors-partitioned", key, "value-" + key);
        }

        List<ConsumerRecord<String, String>> records = awaitRecords("aep-errors-partitioned", 6);

        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f");
        assertThat(records.stream().map(ConsumerRecord::partition).distinct()).as("partitions read").hasSizeGreaterThan(1);
    }

    @Test
    void aTopicNobodyWroteToReadsAsEmpty() {
        assertThat(KAFKA.records("aep-errors-never-written")).isEmpty();
    }

    private void send(String topic, String key, String value) {
        producer.sendBodyAndHeaders("kafka:" + topic + "?brokers=" + KAFKA.bootstrapServers(), value,
                Map.of(KafkaConstants.KEY, key, "aepCategory", "malformed-xdm"));
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(String topic, int count) {
        return await().atMost(Duration.ofSeconds(15))
                .until(() -> KAFKA.records(topic), records -> records.size() >= count);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
