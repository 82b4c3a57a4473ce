package dev.aep.failedbatches.inbox;

import dev.aep.failedbatches.model.BatchId;
import dev.aep.failedbatches.output.InvalidInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * Inbox steps called from {@code routes/inbox.camel.yaml} as bean {@code aepInbox}. The records of invalid input they
 * return are written by the route ({@code dead-letter/invalid-input/}).
 */
public final class InboxSteps {

    private final Clock clock;

    public InboxSteps(Clock clock) {
        this.clock = clock;
    }

    /** Parses the current split line; the line number is 1-based. */
    public InboxLine line(String raw, Exchange exchange) {
        Integer index = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class);
        return InboxLine.of(raw, index == null ? 1 : index + 1);
    }

    /**
     * The record of a binary inbox file (NUL bytes in its first 8 KB: not a list of batch IDs), or null for a text
     * file.
     */
    public InvalidInput binaryFile(@Header(Exchange.FILE_PATH) String path, @Header(Exchange.FILE_NAME) String source)
            throws IOException {
        byte[] head = new byte[8192];
        int read;
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            read = in.readNBytes(head, 0, head.length);
        }
        for (int i = 0; i < read; i++) {
            if (head[i] == 0) {
                return InvalidInput.of(source, 0, null,
                        "binary file (NUL bytes): not a list of batch IDs; moved to .failed", clock.instant());
            }
        }
        return null;
    }

    /** The record of an inbox line that is not a batch ID. */
    public InvalidInput invalid(InboxLine line, @Header(Exchange.FILE_NAME) String source) {
        return InvalidInput.of(source, line.number(), line.value(), BatchId.INVALID, clock.instant());
    }
}
