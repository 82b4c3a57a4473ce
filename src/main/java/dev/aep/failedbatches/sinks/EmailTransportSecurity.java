package dev.aep.failedbatches.sinks;

import java.util.Locale;
import java.util.Properties;

/**
 * {@code aep.sinks.email.tls}: how the e-mail sink protects the SMTP connection, as JavaMail properties for the
 * smtp endpoint ({@code additionalJavaMailProperties}). {@code auto} is {@code starttls} when a username is set
 * and {@code none} otherwise, so credentials never travel in clear. STARTTLS is required, never opportunistic: a
 * server that does not offer it is refused before any AUTH. The server's certificate and host name are checked
 * against the JVM trust store unless {@code aep.sinks.email.ssl-trust} names the host (self-signed test servers).
 */
public final class EmailTransportSecurity {

    public enum Mode { NONE, STARTTLS, SMTPS }

    private EmailTransportSecurity() {
    }

    public static Mode mode(String tls, boolean hasCredentials) {
        String value = tls == null || tls.isBlank() ? "auto" : tls.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto" -> hasCredentials ? Mode.STARTTLS : Mode.NONE;
            case "none" -> Mode.NONE;
            case "starttls" -> Mode.STARTTLS;
            case "smtps" -> Mode.SMTPS;
            default -> throw new IllegalArgumentException(
                    "aep.sinks.email.tls must be auto, none, starttls or smtps, not: " + tls);
        };
    }

    /** @param sslTrust hosts (space-separated, or *) whose certificate is accepted unchecked; blank for none */
    public static Properties javaMailProperties(Mode mode, String sslTrust) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.starttls.enable", String.valueOf(mode == Mode.STARTTLS));
        p.setProperty("mail.smtp.starttls.required", String.valueOf(mode == Mode.STARTTLS));
        p.setProperty("mail.smtp.ssl.enable", String.valueOf(mode == Mode.SMTPS));
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        if (sslTrust != null && !sslTrust.isBlank()) {
            p.setProperty("mail.smtp.ssl.trust", sslTrust.strip());
            // a trusted self-signed test certificate names no host
            p.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        }
        return p;
    }
}
