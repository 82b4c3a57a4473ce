package dev.aep.failedbatches.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A single {@code Range: bytes=first-last} request, resolved against a body length (RFC 9110 §14). */
record ByteRange(long first, long last) {

    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /**
     * @return {@code null} when the whole body should be sent (no header, a syntax the simulator ignores, or
     *     several ranges), {@link #UNSATISFIABLE} for a 416, otherwise the inclusive range clamped to the body
     */
    static ByteRange parse(String header, long length) {
        if (header == null) {
            return null;
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || length == 0) {
                    return UNSATISFIABLE;
                }
                return new ByteRange(Math.max(0, length - suffix), length - 1);
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
            if (last < first) {
                return null;
            }
            if (first >= length) {
                return UNSATISFIABLE;
            }
            return new ByteRange(first, Math.min(last, length - 1));
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    int size() {
        return (int) (last - first + 1);
    }
}
