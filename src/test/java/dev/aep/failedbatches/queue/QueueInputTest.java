package dev.aep.failedbatches.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import dev.aep.failedbatches.testsupport.EmbeddedBroker;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Batch IDs from a JMS queue on a real embedded Artemis broker. */
class QueueInputTest extends PipelineTestSupport {

    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("aep.queue.enabled", "true", "aep.sinks.jms.broker-url", broker.url());
    }

    @Test
    void idsSentToTheQueueAreRetrievedAndPoisonMessagesGoToTheDlqWithTheirReason() throws Exception {
        broker.send("aep.batches",
                "01HZSEED0MONTH00TIMESTAMP0",
                "../../etc",
                "{\"batchId\": \"01HZROWERRORS0000000000001\"}",
                "{\"id\": 42}",
                "  af838510-2233-11ea-acf0-f3edfcded2d2\n");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                Files.exists(out.resolve("reports/01HZSEED0MONTH00TIMESTAMP0.json"))
                        && Files.exists(out.resolve("reports/01HZROWERRORS0000000000001.json"))
                        && Files.exists(out.resolve("reports/af838510-2233-11ea-acf0-f3edfcded2d2.json")));
        assertThat(report("01HZROWERRORS0000000000001").path("errors").asLong()).isEqualTo(6);

        List<Message> dlq = broker.drain("aep.batches.DLQ");
        assertThat(dlq).hasSize(2);
        assertThat(((TextMessage) dlq.get(0)).getText()).isEqualTo("../../etc");
        assertThat(dlq.get(0).getStringProperty("aepReason")).contains("not a valid batch ID");
        assertThat(((TextMessage) dlq.get(1)).getText()).isEqualTo("{\"id\": 42}");
        assertThat(dlq.get(1).getStringProperty("aepReason")).contains("without a string batchId");
        assertThat(broker.drain("aep.batches")).isEmpty();
    }

    @Test
    void aDuplicateDeliveryReplacesTheOutputsInsteadOfDuplicatingThem() throws Exception {
        broker.send("aep.batches", "01HZDCVS0STREAMING00000001", "01HZDCVS0STREAMING00000001");

        await().atMost(Duration.ofSeconds(30)).until(() -> simulator().requests().stream()
                .filter(r -> r.path().endsWith("/01HZDCVS0STREAMING00000001/failed") && r.rawQuery() != null
                        && !r.rawQuery().contains("path=")).count() == 2
                && Files.exists(out.resolve("reports/01HZDCVS0STREAMING00000001.json")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(events("malformed-xdm", "01HZDCVS0STREAMING00000001")).hasSize(7));
    }
}
