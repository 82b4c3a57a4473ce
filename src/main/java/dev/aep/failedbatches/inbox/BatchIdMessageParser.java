package dev.aep.failedbatches.inbox;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

/**
 * Bean {@code aepQueueInput}: reads a queue message as a batch ID. Only a text message is read; any other type is
 * rejected without its body being touched (an ObjectMessage's body would be deserialized: code of the sender's choice).
 */
public final class BatchIdMessageParser {

    public BatchIdMessage parse(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return BatchIdMessage.parse(text.getText());
        }
        return BatchIdMessage.rejected(typeOf(message)
                + " not accepted: the queue takes text messages only (a batch ID, or JSON as text)");
    }

    private static String typeOf(Message message) {
        if (message instanceof ObjectMessage) {
            return "ObjectMessage";
        } else if (message instanceof BytesMessage) {
            return "BytesMessage";
        } else if (message instanceof MapMessage) {
            return "MapMessage";
        } else if (message instanceof StreamMessage) {
            return "StreamMessage";
        }
        return "Message without a body";
    }
}
