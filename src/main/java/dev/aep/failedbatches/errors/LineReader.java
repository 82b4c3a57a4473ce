package dev.aep.failedbatches.errors;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ending in LF, CRLF or CR, numbering them from 1. A line longer than the limit is skipped (not held
 * in memory) and returned with {@code text == null}.
 */
final class LineReader {

    record Line(int number, String text) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int maxLineChars;
    private final char[] buffer = new char[16 * 1024];
    private int pos;
    private int end;
    private boolean skipLineFeed;
    private int lineNumber;

    LineReader(Reader in, int maxLineChars) {
        this.in = in;
        this.maxLineChars = maxLineChars;
    }

    /** The next line, or null at the end of the input (a final line terminator does not start another line). */
    Line next() throws IOException {
        StringBuilder longText = null;
        boolean tooLong = false;
        boolean started = false;
        while (true) {
            if (pos >= end && !fill()) {
                if (!started) {
                    return null;
                }
                break;
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            started = true;
            int start = pos;
            while (pos < end && buffer[pos] != '\n' && buffer[pos] != '\r') {
                pos++;
            }
            boolean terminated = pos < end;
            if (!tooLong) {
                int length = pos - start;
                int soFar = longText == null ? 0 : longText.length();
                if (soFar + length > maxLineChars) {
                    tooLong = true;
                    longText = null;
                } else if (terminated && longText == null) {
                    lineNumber++;
                    String text = new String(buffer, start, length);
                    consumeTerminator();
                    return new Line(lineNumber, text);
                } else {
                    if (longText == null) {
                        longText = new StringBuilder(Math.max(64, length * 2));
                    }
                    longText.append(buffer, start, length);
                }
            }
            if (terminated) {
                consumeTerminator();
                break;
            }
        }
        lineNumber++;
        return new Line(lineNumber, tooLong ? null : (longText == null ? "" : longText.toString()));
    }

    /** What has not been read yet, for handing the input over to a streaming parser. */
    Reader remainder() {
        if (skipLineFeed && pos < end && buffer[pos] == '\n') {
            pos++;
        }
        skipLineFeed = false;
        Reader buffered = new CharArrayReader(buffer, pos, end - pos);
        pos = end;
        return new ConcatenatedReader(buffered, in);
    }

    private void consumeTerminator() {
        if (buffer[pos++] == '\r') {
            skipLineFeed = true;
        }
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        pos = 0;
        end = Math.max(n, 0);
        return n > 0;
    }
}
