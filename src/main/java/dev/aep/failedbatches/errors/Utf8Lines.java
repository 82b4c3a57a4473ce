package dev.aep.failedbatches.errors;

import java.nio.charset.StandardCharsets;

/** What the readers need to know about a line of UTF-8 bytes without decoding it. */
final class Utf8Lines {
    private Utf8Lines() {
    }

    /** The line's text, malformed bytes replaced (as the readers always did). */
    static String text(ByteLineReader.Line line) {
        return new String(line.bytes(), line.offset(), line.length(), StandardCharsets.UTF_8);
    }

    /** {@link String#isBlank()} of its text. */
    static boolean isBlank(ByteLineReader.Line line) {
        byte[] b = line.bytes();
        for (int i = line.offset(), end = i + line.length(); i < end; i++) {
            if (b[i] < 0) {
                return text(line).isBlank();
            }
            if (!Character.isWhitespace(b[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether Jackson's byte parser reads this line exactly as its decoded text: well-formed UTF-8 (Jackson does not
     * replace malformed bytes), no byte order mark and no NUL among the first bytes (Jackson would take those as
     * another encoding).
     */
    static boolean byteParserReadsAsText(ByteLineReader.Line line) {
        byte[] b = line.bytes();
        int off = line.offset();
        int len = line.length();
        for (int i = off, head = off + Math.min(4, len); i < head; i++) {
            if (b[i] == 0) {
                return false;
            }
        }
        if (len >= 3 && b[off] == (byte) 0xEF && b[off + 1] == (byte) 0xBB && b[off + 2] == (byte) 0xBF) {
            return false;
        }
        return isWellFormed(b, off, off + len);
    }

    /** Well-formed UTF-8 as the JDK decoder sees it: no overlong form, no surrogate, nothing above U+10FFFF. */
    static boolean isWellFormed(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xFF;
            if (c >= 0xC2 && c <= 0xDF) {
                if (i + 1 >= to || !continuation(b[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                if (i + 2 >= to || !continuation(b[i + 1]) || !continuation(b[i + 2])) {
                    return false;
                }
                int second = b[i + 1] & 0xFF;
                if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F)) {
                    return false; // overlong, or a surrogate
                }
                i += 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                if (i + 3 >= to || !continuation(b[i + 1]) || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
                    return false;
                }
                int second = b[i + 1] & 0xFF;
                if ((c == 0xF0 && second < 0x90) || (c == 0xF4 && second > 0x8F)) {
                    return false; // overlong, or above U+10FFFF
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
