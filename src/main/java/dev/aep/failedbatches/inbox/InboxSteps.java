package dev.aep.failedbatches.inbox;

import dev.aep.failedbatches.model.BatchId;
import dev.aep.failedbatches.output.InvalidInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS");

    /* isBatchId, value and isInvalid are asked of this bean, not of the line in OGNL (${body.isBatchId()}): Camel
     * introspects the class of every new object an OGNL call is made on. */
    public boolean isBatchId(InboxLine line) {
        return line.isBatchId();
    }

    public String value(InboxLine line) {
        return line.value();
    }

    public boolean isInvalid(InboxLine line) {
        return line.isInvalid();
    }

    /** Asked of this bean, not as ${camelContext.isStopping()}: that OGNL call introspected the context every time. */
    public boolean stopping(Exchange exchange) {
        return exchange.getContext().isStopping();
    }

    /** The name the file is kept under in .done/ or .failed/: {@code <name>-<yyyyMMdd-HHmmssSSS>.<ext>}. */
    public String keptName(@Header(Exchange.FILE_NAME) String name) {
        int dot = name.indexOf('.', 1);
        String stamp = LocalDateTime.now(clock).format(STAMP);
        return dot < 0 ? name + "-" + stamp : name.substring(0, dot) + "-" + stamp + name.substring(dot);
    }

    /**
     * Moves the inbox file (a symbolic link itself, never its target) to .failed/ under its kept name. Done by the
     * route, not by the consumer's moveFailed: a file put back by an outage or a shutdown fails too, and must stay.
     */
    public void moveToFailed(@Header(Exchange.FILE_PATH) String path, @Header(Exchange.FILE_NAME) String name)
            throws IOException {
        Path file = Path.of(path);
        Path failed = Files.createDirectories(file.getParent().resolve(".failed"));
        Files.move(file, failed.resolve(keptName(Path.of(name).getFileName().toString())));
    }

    /**
     * The record of an inbox file that is not a list of batch IDs at all, or null for a text file: a symbolic link
     * (never read, nor its target named), UTF-16 without a byte order mark, or a binary file (NUL bytes in its first
     * 8 KB).
     */
    public InvalidInput rejectedFile(@Header(Exchange.FILE_PATH) String path, @Header(Exchange.FILE_NAME) String source)
            throws IOException {
        if (Files.isSymbolicLink(Path.of(path))) {
            return rejected(source, "is a symbolic link: never followed, its target is not read");
        }
        InboxFileHead head = InboxFileHead.of(Path.of(path));
        if (head.hasUtf16ByteOrderMark() || !head.hasNulBytes()) {
            return null;
        }
        if (head.looksLikeUtf16WithoutByteOrderMark()) {
            return rejected(source, "looks like UTF-16 text without a byte order mark:"
                    + " save it as UTF-8 (or as UTF-16 with a byte order mark)");
        }
        return rejected(source, "is binary (NUL bytes), not a list of batch IDs");
    }

    private InvalidInput rejected(String source, String reason) {
        return InvalidInput.of(source, 0, null, reason, clock.instant());
    }

    /** The charset the file is read in: UTF-16 when it starts with a UTF-16 byte order mark, UTF-8 otherwise. */
    public String charset(@Header(Exchange.FILE_PATH) String path) throws IOException {
        return InboxFileHead.of(Path.of(path)).hasUtf16ByteOrderMark() ? StandardCharsets.UTF_16.name()
                : StandardCharsets.UTF_8.name();
    }

    /** The record of an inbox line that is not a batch ID. */
    public InvalidInput invalid(InboxLine line, @Header(Exchange.FILE_NAME) String source) {
        return InvalidInput.of(source, line.number(), line.value(), BatchId.INVALID, clock.instant());
    }
}
