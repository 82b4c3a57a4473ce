package dev.aep.failedbatches.errors;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the lines of UTF-8 input as bytes (no decoding), ending in LF, CRLF or CR, numbering them from 1. A line
 * longer than the limit in characters (UTF-16 units of its decoded text, malformed bytes replaced as an
 * {@link java.io.InputStreamReader} does) is skipped, never held whole, and returned with {@code bytes == null}.
 * A line's bytes are a view into the reader's buffer, valid until the next call.
 */
final class ByteLineReader {

    /** One line: {@code length} bytes of {@code bytes} from {@code offset}, terminator excluded. */
    record Line(int number, byte[] bytes, int offset, int length) {
        boolean tooLong() {
            return bytes == null;
        }

        /** A copy that survives the reader's next call. */
        Line detached() {
            return tooLong() ? this : new Line(number, Arrays.copyOfRange(bytes, offset, offset + length), 0, length);
        }
    }

    private static final int INITIAL_BUFFER = 16 * 1024;

    private final InputStream in;
    private final int maxLineChars;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private CharBuffer scratch;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int pos;
    private int end;
    private boolean eof;
    private boolean skipLineFeed;
    private int lineNumber;
    // a line longer in bytes than the limit: its characters counted so far, and up to which byte (from the line start)
    private long lineChars;
    private int countedBytes;

    ByteLineReader(InputStream in, int maxLineChars) {
        this.in = in;
        this.maxLineChars = maxLineChars;
    }

    /** Skips a UTF-8 byte order mark at the very start of the input. */
    void skipByteOrderMark() throws IOException {
        while (end - pos < 3 && fillMore()) {
            // a BOM is three bytes
        }
        if (end - pos >= 3 && buffer[pos] == (byte) 0xEF && buffer[pos + 1] == (byte) 0xBB && buffer[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
    }

    /** The next line, or null at the end of the input (a final line terminator does not start another line). */
    Line next() throws IOException {
        releaseLongLine();
        if (skipLineFeed) {
            if (pos >= end && !fillMore()) {
                return null;
            }
            skipLineFeed = false;
            if (buffer[pos] == '\n') {
                pos++;
            }
        }
        if (pos >= end && !fillMore()) {
            return null;
        }
        int start = pos;
        int scan = pos;
        lineChars = 0;
        countedBytes = 0;
        while (true) {
            byte[] b = buffer;
            int limit = end;
            while (scan < limit && b[scan] != '\n' && b[scan] != '\r') {
                scan++;
            }
            boolean terminated = scan < limit;
            if (scan - start > maxLineChars && exceedsLimit(start, scan, !terminated && eof)) {
                return skipRest(scan);
            }
            if (terminated) {
                pos = scan;
                consumeTerminator();
                return new Line(++lineNumber, buffer, start, scan - start);
            }
            if (eof) {
                pos = end;
                return new Line(++lineNumber, buffer, start, scan - start);
            }
            // the line goes on past the buffer: keep its start, read more
            int kept = scan - start;
            compactFrom(start);
            start = 0;
            scan = kept;
            if (!fillMore()) {
                eof = true;
            }
        }
    }

    /** What has not been read yet, for handing the input over to a streaming parser. */
    InputStream remainder() {
        if (skipLineFeed && pos < end && buffer[pos] == '\n') {
            pos++;
        }
        skipLineFeed = false;
        InputStream buffered = new ByteArrayInputStream(Arrays.copyOfRange(buffer, pos, end));
        pos = end;
        return new SequenceInputStream(buffered, in);
    }

    /** Whether the line's bytes {@code [start, upTo)} decode to more characters than the limit; counts incrementally. */
    private boolean exceedsLimit(int start, int upTo, boolean endOfInput) {
        if (scratch == null) {
            scratch = CharBuffer.allocate(8 * 1024);
        }
        if (countedBytes == 0) {
            decoder.reset();
        }
        ByteBuffer bytes = ByteBuffer.wrap(buffer, start + countedBytes, upTo - start - countedBytes);
        boolean complete = endOfInput || upTo < end; // a terminator follows: no sequence continues past it
        while (true) {
            scratch.clear();
            boolean overflow = decoder.decode(bytes, scratch, complete).isOverflow();
            lineChars += scratch.position();
            if (!overflow) {
                break;
            }
        }
        if (complete) {
            scratch.clear();
            decoder.flush(scratch);
            lineChars += scratch.position();
        }
        countedBytes = bytes.position() - start;
        return lineChars > maxLineChars;
    }

    /** Drops the too-long line whose bytes were seen up to {@code scan}, reading on to its terminator. */
    private Line skipRest(int scan) throws IOException {
        pos = scan;
        while (true) {
            while (pos < end && buffer[pos] != '\n' && buffer[pos] != '\r') {
                pos++;
            }
            if (pos < end) {
                consumeTerminator();
                break;
            }
            if (buffer.length > INITIAL_BUFFER) {
                buffer = new byte[INITIAL_BUFFER]; // the line is not held
            }
            pos = 0;
            end = 0;
            if (!fillMore()) {
                break;
            }
        }
        return new Line(++lineNumber, null, 0, 0);
    }

    /** A buffer grown for a long line is not kept once the reader is past it. */
    private void releaseLongLine() {
        if (buffer.length > INITIAL_BUFFER && end - pos <= INITIAL_BUFFER / 2) {
            byte[] small = new byte[INITIAL_BUFFER];
            System.arraycopy(buffer, pos, small, 0, end - pos);
            buffer = small;
            end -= pos;
            pos = 0;
        }
    }

    /** Moves the bytes from {@code start} to the front of the buffer, growing it when they fill it. */
    private void compactFrom(int start) {
        int kept = end - start;
        byte[] target = buffer;
        if (kept >= buffer.length / 2) {
            target = new byte[buffer.length * 2];
        }
        System.arraycopy(buffer, start, target, 0, kept);
        buffer = target;
        pos = 0;
        end = kept;
    }

    private void consumeTerminator() {
        if (buffer[pos++] == '\r') {
            skipLineFeed = true;
        }
    }

    /** Reads more bytes after {@code end}, compacting consumed bytes away first when the buffer is full. */
    private boolean fillMore() throws IOException {
        if (eof) {
            return false;
        }
        if (pos >= end) {
            pos = 0;
            end = 0;
        } else if (end == buffer.length) {
            compactFrom(pos);
        }
        int n;
        do {
            n = in.read(buffer, end, buffer.length - end);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }
}
