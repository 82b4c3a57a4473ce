package dev.aep.failedbatches.auth;

import java.util.regex.Pattern;

/** Masks credentials in any text that may reach a log line, an exception message or an output file. */
public final class Secrets {

    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)(bearer\\s+|access_token\"?\\s*[=:]\\s*\"?|client_secret\"?\\s*[=:]\\s*\"?|authorization\"?\\s*[=:]\\s*\"?(?:bearer\\s+)?)"
                    + "(?!\\*\\*\\*\\*)[^\\s\"'&,}]+");

    private Secrets() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        return CREDENTIAL.matcher(text).replaceAll("$1****");
    }
}
