package dev.aep.failedbatches.errors;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the lines of UTF-8 input ending in LF, CRLF or CR, numbering them from 1, as bytes: a line is decoded only
 * when asked for its text, so that a valid UTF-8 line can be parsed straight from its bytes. A byte order mark at the
 * start is skipped. A line of more than {@code maxLineChars} characters is skipped (never held whole) and returned as
 * {@link Line#tooLong()}.
 */
final class LineReader {

    /** A UTF-8 character takes at most 3 bytes per Java char (4 bytes are 2 chars): a longer line is too long. */
    private static final int BYTES_PER_CHAR = 3;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    /**
     * One line, without its terminator: {@code length} bytes of {@code buffer} from {@code offset}, valid until the
     * next call of {@link LineReader#next()} (the reader reuses its buffer).
     */
    record Line(int number, byte[] buffer, int offset, int length, boolean tooLong) {

        static Line skipped(int number) {
            return new Line(number, null, 0, 0, true);
        }

        /** The line decoded; malformed bytes become U+FFFD. */
        String text() {
            return new String(buffer, offset, length, StandardCharsets.UTF_8);
        }

        boolean isBlank() {
            boolean ascii = true;
            for (int i = offset; i < offset + length; i++) {
                byte b = buffer[i];
                if (b < 0) {
                    ascii = false;
                } else if (!Character.isWhitespace(b)) {
                    return false;
                }
            }
            return ascii || text().isBlank();
        }

        /**
         * True when parsing the bytes reads the same text as {@link #text()}: valid UTF-8 that starts as a JSON object
         * does. Jackson guesses the encoding of bytes from the first four (a byte order mark, the NULs of UTF-16 or
         * UTF-32), so a line that starts otherwise is decoded first.
         */
        boolean parsesAsUtf8() {
            if (length == 0 || buffer[offset] != '{') {
                return false;
            }
            for (int i = offset + 1; i < offset + Math.min(4, length); i++) {
                if (buffer[i] == 0) {
                    return false;
                }
            }
            return Utf8.isValid(buffer, offset, length);
        }
    }

    private final InputStream in;
    private final int maxLineChars;
    private final long maxLineBytes;
    private byte[] buffer = new byte[16 * 1024];
    private int pos;
    private int end;
    private boolean started;
    private boolean endOfInput;
    private boolean skipLineFeed;
    private int lineNumber;

    LineReader(InputStream in, int maxLineChars) {
        this.in = in;
        this.maxLineChars = maxLineChars;
        this.maxLineBytes = Math.min((long) BYTES_PER_CHAR * maxLineChars, MAX_ARRAY - 1);
    }

    /** The next line, or null at the end of the input (a final line terminator does not start another line). */
    Line next() throws IOException {
        start();
        if (skipLineFeed) {
            if (pos >= end && !refill()) {
                return null;
            }
            skipLineFeed = false;
            if (buffer[pos] == '\n') {
                pos++;
            }
        }
        if (pos >= end && !refill()) {
            return null;
        }
        int scanned = 0;
        boolean tooLong = false;
        while (true) {
            int i = pos + scanned;
            while (i < end && buffer[i] != '\n' && buffer[i] != '\r') {
                i++;
            }
            scanned = i - pos;
            tooLong |= scanned > maxLineBytes;
            if (i < end) {
                break;
            }
            if (tooLong) {
                // what was scanned of a too-long line is dropped, not kept
                pos = end;
                scanned = 0;
            }
            if (!refill()) {
                break;
            }
        }
        lineNumber++;
        int offset = pos;
        pos += scanned;
        if (pos < end && buffer[pos++] == '\r') {
            skipLineFeed = true;
        }
        if (tooLong) {
            return Line.skipped(lineNumber);
        }
        Line line = new Line(lineNumber, buffer, offset, scanned, false);
        // more bytes than allowed characters: count the characters
        return scanned > maxLineChars && chars(line) > maxLineChars ? Line.skipped(lineNumber) : line;
    }

    /** The characters of a line: counted on its bytes when they are valid UTF-8, else decoded (bad bytes, rare). */
    private static long chars(Line line) {
        if (!Utf8.isValid(line.buffer(), line.offset(), line.length())) {
            return line.text().length();
        }
        long chars = 0;
        for (int i = line.offset(); i < line.offset() + line.length(); i++) {
            int b = line.buffer()[i] & 0xFF;
            // a lead byte starts one character, or two (a surrogate pair) from 4-byte sequences; continuations none
            chars += (b & 0xC0) == 0x80 ? 0 : b >= 0xF0 ? 2 : 1;
        }
        return chars;
    }

    /** What has not been read yet, for handing the input over to a streaming parser. */
    InputStream remainder() throws IOException {
        start();
        if (skipLineFeed && (pos < end || refill()) && buffer[pos] == '\n') {
            pos++;
        }
        skipLineFeed = false;
        InputStream buffered = new ByteArrayInputStream(Arrays.copyOfRange(buffer, pos, end));
        pos = end;
        return new SequenceInputStream(buffered, in);
    }

    private void start() throws IOException {
        if (started) {
            return;
        }
        started = true;
        while (end - pos < 3 && refill()) {
            // a byte order mark may arrive in pieces
        }
        if (end - pos >= 3 && buffer[pos] == (byte) 0xEF && buffer[pos + 1] == (byte) 0xBB
                && buffer[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
    }

    /**
     * Keeps the unread bytes (moved to the front; the buffer grows while one line fills it) and reads more after
     * them. False at the end of the input.
     */
    private boolean refill() throws IOException {
        if (endOfInput) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, end - pos);
            end -= pos;
            pos = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.max(buffer.length, Math.min(2L * buffer.length, maxLineBytes + 1)));
        }
        int n;
        do {
            n = in.read(buffer, end, buffer.length - end);
        } while (n == 0);
        if (n < 0) {
            endOfInput = true;
            return false;
        }
        end += n;
        return true;
    }
}
