package dev.aep.failedbatches.queue;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.MessageCreatedStrategy;

/**
 * Bean {@code aepRejectedMessageReason}, on the DLQ endpoint: a rejected queue message is forwarded as it came
 * ({@code forceSendOriginalMessage}, its body never read), with the header {@code aepReason} added as a property.
 */
public final class RejectedMessageReason implements MessageCreatedStrategy {

    public static final String REASON = "aepReason";

    @Override
    public void onMessageCreated(Message message, Session session, Exchange exchange, Throwable cause) {
        String reason = exchange.getMessage().getHeader(REASON, String.class);
        if (reason == null) {
            return;
        }
        try {
            Map<String, Object> kept = new LinkedHashMap<>();
            for (Object name : Collections.list(message.getPropertyNames())) {
                // JMSX* are set by the provider on delivery, not by the sender
                if (!((String) name).startsWith("JMSX")) {
                    kept.put((String) name, message.getObjectProperty((String) name));
                }
            }
            // a received message's properties are read-only until cleared (JMS Message#clearProperties)
            message.clearProperties();
            for (Map.Entry<String, Object> property : kept.entrySet()) {
                message.setObjectProperty(property.getKey(), property.getValue());
            }
            message.setStringProperty(REASON, reason);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot add " + REASON + " to the rejected message", e);
        }
    }
}
