package dev.aep.failedbatches.auth;

import java.util.regex.Pattern;

/**
 * The one masking rule set for credentials in any text that may reach a log line, an exception message or an
 * output file. The log layouts use it through {@link MaskConverter} ({@code %mask{...}} in log4j2.xml).
 *
 * <p>Masked: the value after a {@code Bearer} scheme, and the value of any key containing {@code token},
 * {@code secret}, {@code password}/{@code passwd} or {@code authorization} (so {@code access_token},
 * {@code accessToken}, {@code refresh-token}, {@code client_secret}, {@code clientSecret}, ...) in the forms
 * {@code k=v}, {@code k: v}, {@code "k":"v"}, {@code \"k\":\"v\"}, URL-encoded {@code k%3Dv} and Camel's
 * {@code k with value: v}. A scheme after the
 * key ({@code Authorization: Basic X}) is kept and X masked. A key must be followed by its separator, so words such
 * as {@code tokenUrl=https://...} or {@code token_type} stay readable.
 */
public final class Secrets {

    public static final String MASK = "****";

    private static final String QUOTE = "(?:\\\\?[\"']|%22)?";
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)"
            + "(bearer[ \\t]+"
            + "|(?:token|secret|passw(?:or)?d|authorization)" + QUOTE
            // Camel's property parser at DEBUG: "Found property: aep.auth.client-secret with value: X to be used."
            + "(?:[ \\t]*(?:[=:]|%3[ad])|[ \\t]+with value:)[ \\t]*" + QUOTE
            // atomic: a scheme once read is never taken for the value ("Bearer ****" stays as it is)
            + "(?>(?:(?:bearer|basic)[ \\t]+)?))"
            + "(?!\\*\\*\\*\\*)"
            // a quoted value runs to its closing quote (a password may hold spaces); a bare one to a delimiter
            + "(?:(?<=[\"'])[^\"'\\\\\\r\\n]+|[^\\s\"'&,;})\\]\\\\<>]+)");

    private Secrets() {
    }

    public static String mask(String text) {
        if (text == null || !mayHoldCredential(text, 0, text.length())) {
            return text;
        }
        return CREDENTIAL.matcher(text).replaceAll("$1" + MASK);
    }

    /**
     * Masks {@code text} from {@code start} on, in place. Most log lines hold none of the trigger words; they cost
     * one scan and no allocation.
     */
    public static void mask(StringBuilder text, int start) {
        if (!mayHoldCredential(text, start, text.length())) {
            return;
        }
        String masked = mask(text.substring(start));
        text.setLength(start);
        text.append(masked);
    }

    /**
     * A cheap pre-check that the pattern may match: does the text contain one of the words the pattern needs
     * (token, secret, passw, authorization, bearer), ignoring ASCII case as the pattern does?
     */
    static boolean mayHoldCredential(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            String word = switch (text.charAt(i) | 0x20) {
                case 't' -> "token";
                case 's' -> "secret";
                case 'p' -> "passw";
                case 'a' -> "authorization";
                case 'b' -> "bearer";
                default -> null;
            };
            if (word != null && startsWithIgnoringCase(text, i, to, word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithIgnoringCase(CharSequence text, int at, int to, String word) {
        if (to - at < word.length()) {
            return false;
        }
        for (int k = 1; k < word.length(); k++) {
            if ((text.charAt(at + k) | 0x20) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
