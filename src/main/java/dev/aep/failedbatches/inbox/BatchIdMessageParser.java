package dev.aep.failedbatches.inbox;

/** Bean {@code aepQueueInput}: reads a queue message body as a batch ID. */
public final class BatchIdMessageParser {

    public BatchIdMessage parse(String body) {
        return BatchIdMessage.parse(body);
    }
}
