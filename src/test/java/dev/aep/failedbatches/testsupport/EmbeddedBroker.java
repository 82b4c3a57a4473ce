package dev.aep.failedbatches.testsupport;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A real ActiveMQ Artemis broker inside the test JVM, on a loopback TCP port; it can be stopped and started again.
 * As a static {@code @RegisterExtension} field it runs for the whole test class.
 */
public final class EmbeddedBroker implements AutoCloseable, org.junit.jupiter.api.extension.BeforeAllCallback,
        org.junit.jupiter.api.extension.AfterAllCallback {

    private final int port;
    private EmbeddedActiveMQ broker;

    public EmbeddedBroker() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port + "?callTimeout=3000&connectionTTL=3000&clientFailureCheckPeriod=1000";
    }

    public EmbeddedBroker start() throws Exception {
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJournalDirectory("target/artemis/journal")
                .setBindingsDirectory("target/artemis/bindings")
                .setLargeMessagesDirectory("target/artemis/large")
                .setPagingDirectory("target/artemis/paging")
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port));
        broker.start();
        return this;
    }

    public void stop() throws Exception {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    /** How many messages were ever put on {@code queue} (0 when it does not exist). */
    public long messagesAdded(String queue) {
        org.apache.activemq.artemis.core.server.Queue found = broker.getActiveMQServer()
                .locateQueue(org.apache.activemq.artemis.api.core.SimpleString.of(queue));
        return found == null ? 0 : found.getMessagesAdded();
    }

    /**
     * The address settings of every address, like a broker made by {@code artemis create}: after
     * {@code maxDeliveryAttempts} deliveries a message goes to the queue {@code deadLetterQueue} (Artemis' own DLQ).
     */
    public void deadLetterAfter(int maxDeliveryAttempts, String deadLetterQueue) {
        broker.getActiveMQServer().getAddressSettingsRepository().addMatch("#",
                new org.apache.activemq.artemis.core.settings.impl.AddressSettings()
                        .setMaxDeliveryAttempts(maxDeliveryAttempts)
                        .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of(deadLetterQueue))
                        .setAutoCreateDeadLetterResources(true));
    }

    /** How many messages {@code queue} holds now, delivered but not yet acknowledged included. */
    public long messageCount(String queue) {
        org.apache.activemq.artemis.core.server.Queue found = broker.getActiveMQServer()
                .locateQueue(org.apache.activemq.artemis.api.core.SimpleString.of(queue));
        return found == null ? 0 : found.getMessageCount();
    }

    /** Takes every message now on {@code queue}. */
    public List<Message> drain(String queue) throws JMSException {
        List<Message> messages = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
                Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            Message message;
            while ((message = consumer.receive(messages.isEmpty() ? 2000 : 300)) != null) {
                messages.add(message);
            }
        }
        return messages;
    }

    /** Makes one message of any JMS type on the sending session. */
    @FunctionalInterface
    public interface MessageMaker {
        Message make(Session session) throws JMSException;
    }

    /** Sends each message made by {@code makers} to {@code queue}, in order. */
    public void send(String queue, MessageMaker... makers) throws JMSException {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
                Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            jakarta.jms.MessageProducer producer = session.createProducer(session.createQueue(queue));
            for (MessageMaker maker : makers) {
                producer.send(maker.make(session));
            }
        }
    }

    /** Sends each text as one message to {@code queue}. */
    public void send(String queue, String... texts) throws JMSException {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
                Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            jakarta.jms.MessageProducer producer = session.createProducer(session.createQueue(queue));
            for (String text : texts) {
                producer.send(session.createTextMessage(text));
            }
        }
    }

    @Override
    public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
        stop();
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
