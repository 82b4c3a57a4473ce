package dev.aep.failedbatches.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The first bytes of an inbox file: enough to tell its encoding, or that it is no text at all. */
record InboxFileHead(byte[] bytes, int length) {

    private static final int SIZE = 8192;

    /** Reads the head without following a symbolic link (a link is refused before, this guards the race). */
    static InboxFileHead of(Path file) throws IOException {
        byte[] head = new byte[SIZE];
        int read;
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            read = in.readNBytes(head, 0, head.length);
        }
        return new InboxFileHead(head, read);
    }

    /** A UTF-16 byte order mark (FE FF or FF FE): Java's "UTF-16" decoder reads it and the byte order it gives. */
    boolean hasUtf16ByteOrderMark() {
        return length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
    }

    boolean hasNulBytes() {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** UTF-16 text without a byte order mark: ASCII characters with a NUL byte beside each, at one parity only. */
    boolean looksLikeUtf16WithoutByteOrderMark() {
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    evenNuls++;
                } else {
                    oddNuls++;
                }
            }
        }
        int pairs = length / 2;
        return pairs > 0 && (evenNuls == 0 || oddNuls == 0) && Math.max(evenNuls, oddNuls) * 10 >= pairs * 9;
    }
}
