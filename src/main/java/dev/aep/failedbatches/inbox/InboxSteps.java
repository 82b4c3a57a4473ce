package dev.aep.failedbatches.inbox;

import dev.aep.failedbatches.model.BatchId;
import dev.aep.failedbatches.output.OutputStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.camel.Exchange;

/** Inbox steps called from {@code routes/inbox.camel.yaml} as bean {@code aepInbox}. */
public final class InboxSteps {

    private final OutputStores stores;
    private final Clock clock;

    public InboxSteps(OutputStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /** Parses the current split line; the line number is 1-based. */
    public InboxLine line(String raw, Exchange exchange) {
        Integer index = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class);
        return InboxLine.of(raw, index == null ? 1 : index + 1);
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS");

    /** The name the file is kept under in .done/ or .failed/: {@code <name>-<yyyyMMdd-HHmmssSSS>.<ext>}. */
    public String keptName(Exchange exchange) {
        String name = fileName(exchange);
        int dot = name.indexOf('.', 1);
        String stamp = LocalDateTime.now(clock).format(STAMP);
        return dot < 0 ? name + "-" + stamp : name.substring(0, dot) + "-" + stamp + name.substring(dot);
    }

    /** A symbolic link is never read: record it without its target, and fail, so the link itself moves to .failed. */
    public void rejectLink(Exchange exchange) throws IOException {
        if (Files.isSymbolicLink(path(exchange))) {
            reject(exchange, "symbolic link: never followed, its target is not read", "inbox file "
                    + fileName(exchange) + " is a symbolic link, not read");
        }
    }

    /** The charset the file is read in: UTF-16 when it starts with a UTF-16 byte order mark, UTF-8 otherwise. */
    public String charset(Exchange exchange) throws IOException {
        return InboxFileHead.of(path(exchange)).hasUtf16ByteOrderMark() ? StandardCharsets.UTF_16.name()
                : StandardCharsets.UTF_8.name();
    }

    /** A file with NUL bytes in its first 8 KB (and no UTF-16 byte order mark) is binary: record it and fail. */
    public void rejectBinary(Exchange exchange) throws IOException {
        InboxFileHead head = InboxFileHead.of(path(exchange));
        if (head.hasUtf16ByteOrderMark() || !head.hasNulBytes()) {
            return;
        }
        if (head.looksLikeUtf16WithoutByteOrderMark()) {
            reject(exchange, "UTF-16 text without a byte order mark: save it as UTF-8 (or as UTF-16 with a byte order mark)",
                    "inbox file " + fileName(exchange) + " looks like UTF-16 without a byte order mark:"
                            + " save it as UTF-8 (or as UTF-16 with a byte order mark)");
        }
        reject(exchange, "binary file (NUL bytes): not a list of batch IDs; moved to .failed",
                "inbox file " + fileName(exchange) + " is binary (NUL bytes), not a list of batch IDs");
    }

    private void reject(Exchange exchange, String reason, String message) throws IOException {
        stores.forDir(exchange.getProperty("aepOutputDir", String.class)).invalidInput(fileName(exchange), 0, null, reason);
        throw new InvalidInboxFileException(message);
    }

    private static Path path(Exchange exchange) {
        return Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
    }

    private static String fileName(Exchange exchange) {
        return exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
    }

    public void invalid(InboxLine line, Exchange exchange) throws IOException {
        String source = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        stores.forDir(exchange.getProperty("aepOutputDir", String.class)).invalidInput(source, line.number(), line.value(),
                BatchId.INVALID);
    }
}
