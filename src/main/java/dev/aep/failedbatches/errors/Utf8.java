package dev.aep.failedbatches.errors;

/**
 * Strict UTF-8 validation, as the JDK's decoder judges it: no overlong forms, no encoded surrogates, nothing above
 * U+10FFFF. Jackson's byte parser accepts some of those, so only bytes valid here are parsed as bytes; the rest are
 * decoded first (malformed bytes become U+FFFD, as always).
 */
final class Utf8 {

    private Utf8() {
    }

    static boolean isValid(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = asciiEnd(bytes, offset, end);
        while (i < end) {
            int b = bytes[i] & 0xFF;
            int need;
            int min = 0x80;
            int max = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                if (b == 0xE0) {
                    min = 0xA0;
                } else if (b == 0xED) {
                    max = 0x9F;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                if (b == 0xF0) {
                    min = 0x90;
                } else if (b == 0xF4) {
                    max = 0x8F;
                }
            } else {
                return false;
            }
            if (end - i <= need) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min || second > max) {
                return false;
            }
            for (int k = 2; k <= need; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return false;
                }
            }
            i = asciiEnd(bytes, i + need + 1, end);
        }
        return true;
    }

    /** The index of the first byte from {@code from} that is not ASCII, or {@code end}: a loop the JIT keeps tight. */
    private static int asciiEnd(byte[] bytes, int from, int end) {
        int i = from;
        while (i < end && bytes[i] >= 0) {
            i++;
        }
        return i;
    }
}
