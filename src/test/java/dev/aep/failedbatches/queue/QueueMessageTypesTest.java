package dev.aep.failedbatches.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import dev.aep.failedbatches.testsupport.EmbeddedBroker;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The input queue reads text only: any other message type goes to the DLQ, and nothing is ever deserialized. */
class QueueMessageTypesTest extends PipelineTestSupport {

    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    private static final String ID = "01HZSEED0MONTH00TIMESTAMP0";

    /** A payload that records every attempt to deserialize it (what a gadget chain would run instead). */
    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger READS = new AtomicInteger();

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            READS.incrementAndGet();
            in.defaultReadObject();
        }
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("aep.queue.enabled", "true", "aep.sinks.jms.broker-url", broker.url());
    }

    @BeforeEach
    void resetTripwire() {
        Tripwire.READS.set(0);
    }

    @Test
    void anObjectOrBytesMessageGoesToTheDlqAsItCameWithoutBeingDeserializedOrRead() throws Exception {
        broker.send("aep.batches",
                session -> session.createObjectMessage(new Tripwire()),
                session -> {
                    BytesMessage bytes = session.createBytesMessage();
                    bytes.writeBytes(ID.getBytes(StandardCharsets.UTF_8));
                    bytes.setStringProperty("producer", "bytes-sender");
                    return bytes;
                });

        List<Message> dlq = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Tripwire.READS).as("readObject calls").hasValue(0);
            dlq.addAll(broker.drain("aep.batches.DLQ"));
            assertThat(dlq).hasSize(2);
        });

        Message object = dlq.stream().filter(ObjectMessage.class::isInstance).findFirst().orElseThrow();
        assertThat(object.getStringProperty("aepReason")).contains("ObjectMessage");
        BytesMessage bytes = (BytesMessage) dlq.stream().filter(BytesMessage.class::isInstance).findFirst().orElseThrow();
        assertThat(bytes.getStringProperty("aepReason")).contains("BytesMessage");
        assertThat(bytes.getStringProperty("producer")).isEqualTo("bytes-sender");
        byte[] content = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(content);
        assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo(ID);
        assertThat(Files.exists(out.resolve("reports/" + ID + ".json"))).as("bytes read as a batch ID").isFalse();
        assertThat(broker.drain("aep.batches")).isEmpty();
        assertThat(Tripwire.READS).hasValue(0);
    }

    @Test
    void theBundlesConnectionFactoryRefusesToDeserializeAnything() throws Exception {
        broker.send("aep.scratch", session -> session.createObjectMessage(new Tripwire()));
        ActiveMQConnectionFactory factory = context.getRegistry()
                .lookupByNameAndType("aepJmsConnectionFactory", ActiveMQConnectionFactory.class);
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            ObjectMessage message = (ObjectMessage) session.createConsumer(session.createQueue("aep.scratch")).receive(5000);

            assertThatThrownBy(message::getObject).isInstanceOf(JMSException.class);
        }
        assertThat(Tripwire.READS).hasValue(0);
    }
}
