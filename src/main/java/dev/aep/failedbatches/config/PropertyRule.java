package dev.aep.failedbatches.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/** What one {@code aep.*} property must look like; {@link #problem} names what is wrong with a value, if anything. */
public record PropertyRule(String name, Kind kind, double min, double max, Pattern pattern, String expected) {

    public enum Kind { WHOLE_NUMBER, NUMBER, BOOLEAN, HTTP_URL, PATTERN }

    public static PropertyRule wholeNumber(String name, long min, long max) {
        return new PropertyRule(name, Kind.WHOLE_NUMBER, min, max, null,
                max == Integer.MAX_VALUE ? "a whole number >= " + min : "a whole number from " + min + " to " + max);
    }

    public static PropertyRule wholeNumber(String name, long min) {
        return wholeNumber(name, min, Integer.MAX_VALUE);
    }

    public static PropertyRule number(String name, double min, double max) {
        return new PropertyRule(name, Kind.NUMBER, min, max, null, "a number from " + fmt(min) + " to " + fmt(max));
    }

    public static PropertyRule bool(String name) {
        return new PropertyRule(name, Kind.BOOLEAN, 0, 0, null, "true or false");
    }

    public static PropertyRule httpUrl(String name) {
        return new PropertyRule(name, Kind.HTTP_URL, 0, 0, null, "an http:// or https:// URL with a host");
    }

    public static PropertyRule matching(String name, String regex, String expected) {
        return new PropertyRule(name, Kind.PATTERN, 0, 0, Pattern.compile(regex), expected);
    }

    /** Empty when the value is fine; else what it must be. */
    public Optional<String> problem(String value) {
        boolean ok = switch (kind) {
            case WHOLE_NUMBER -> inRange(parseLong(value));
            case NUMBER -> inRange(parseDouble(value));
            case BOOLEAN -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
            case HTTP_URL -> isHttpUrl(value);
            case PATTERN -> pattern.matcher(value).matches();
        };
        return ok ? Optional.empty() : Optional.of("must be " + expected);
    }

    private boolean inRange(Double number) {
        return number != null && number >= min && number <= max;
    }

    private static Double parseLong(String value) {
        try {
            return (double) Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseDouble(String value) {
        try {
            double number = Double.parseDouble(value);
            return Double.isFinite(number) ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String fmt(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
