package dev.aep.failedbatches.inbox;

import dev.aep.failedbatches.output.OutputStores;
import java.io.IOException;
import org.apache.camel.Exchange;

/** Inbox steps called from {@code routes/inbox.camel.yaml} as bean {@code aepInbox}. */
public final class InboxSteps {

    private final OutputStores stores;

    public InboxSteps(OutputStores stores) {
        this.stores = stores;
    }

    /** Parses the current split line; the line number is 1-based. */
    public InboxLine line(String raw, Exchange exchange) {
        Integer index = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class);
        return InboxLine.of(raw, index == null ? 1 : index + 1);
    }

    public void invalid(InboxLine line, Exchange exchange) throws IOException {
        String source = exchange.getProperty("aepInboxFile", String.class);
        stores.forDir(exchange.getProperty("aepOutputDir", String.class)).invalidInput(source, line.number(), line.value(),
                "not a valid batch ID (expected ^[A-Za-z0-9-]{1,64}$)");
    }
}
