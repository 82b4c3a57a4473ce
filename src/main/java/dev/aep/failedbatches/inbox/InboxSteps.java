package dev.aep.failedbatches.inbox;

import dev.aep.failedbatches.model.BatchId;
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

    /** A file with NUL bytes in its first 8 KB is binary: record it and fail, so the consumer moves it to .failed. */
    public void rejectBinary(Exchange exchange) throws IOException {
        String path = exchange.getIn().getHeader(Exchange.FILE_PATH, String.class);
        byte[] head = new byte[8192];
        int read;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(path))) {
            read = in.readNBytes(head, 0, head.length);
        }
        for (int i = 0; i < read; i++) {
            if (head[i] == 0) {
                String source = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
                stores.forDir(exchange.getProperty("aepOutputDir", String.class))
                        .invalidInput(source, 0, null, "binary file (NUL bytes): not a list of batch IDs; moved to .failed");
                throw new InvalidInboxFileException("inbox file " + source + " is binary (NUL bytes), not a list of batch IDs");
            }
        }
    }

    public void invalid(InboxLine line, Exchange exchange) throws IOException {
        String source = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        stores.forDir(exchange.getProperty("aepOutputDir", String.class)).invalidInput(source, line.number(), line.value(),
                BatchId.INVALID);
    }
}
