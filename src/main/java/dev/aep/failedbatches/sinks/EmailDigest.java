package dev.aep.failedbatches.sinks;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * One mail per batch and category: the first N errors in a table, the total, and where the full file is. Every
 * header value is built from validated IDs and sanitised text, so nothing in an error can inject a header.
 * Used as bean {@code aepEmailDigest}.
 */
public final class EmailDigest {

    /** Camel mail's default {@code alternativeBodyHeader}. */
    static final String ALTERNATIVE_BODY = "CamelMailAlternativeBody";

    private final Function<String, Optional<String>> properties;
    private final String from;
    private final int maxErrors;

    /** @param properties looks up {@code aep.sinks.email.to.<category>} and {@code aep.sinks.email.to.default} */
    public EmailDigest(Function<String, Optional<String>> properties, String from, int maxErrors) {
        this.properties = properties;
        this.from = address(from, "aep.sinks.email.from");
        this.maxErrors = Math.max(1, maxErrors);
    }

    /**
     * Turns a sink message (README "Write your own sink") into the digest mail of its category: body, Subject, From,
     * To, Content-Type. The events come from header {@code aepFirstEvents}; the file stays where it is.
     */
    @SuppressWarnings("unchecked")
    public void prepare(Exchange exchange) {
        Message message = exchange.getIn();
        String batchId = message.getHeader(SinkDispatch.BATCH_ID, String.class);
        String category = message.getHeader(SinkDispatch.CATEGORY, String.class);
        long count = message.getHeader(SinkDispatch.COUNT, 0L, Long.class);
        String file = message.getHeader(SinkDispatch.EVENTS_FILE, String.class);
        List<Map<String, Object>> first = message.getHeader(SinkDispatch.FIRST_EVENTS, List.of(), List.class);
        List<Map<String, Object>> shown = first.subList(0, Math.min(maxErrors, first.size()));
        message.removeHeaders("*");
        message.setHeader("Subject", headerText("[AEP] batch " + batchId + ": " + count + " " + category
                + (count == 1 ? " error" : " errors")));
        message.setHeader("From", from);
        message.setHeader("To", recipients(category));
        message.setHeader("Content-Type", "text/html; charset=UTF-8");
        message.setBody(body(batchId, category, count, file, shown));
        // Camel mail sends multipart/alternative: this text/plain part, then the HTML (endpoint option alternativeBodyHeader)
        message.setHeader(ALTERNATIVE_BODY, plainText(batchId, category, count, file, shown));
    }

    String recipients(String category) {
        String list = properties.apply("aep.sinks.email.to." + category)
                .or(() -> properties.apply("aep.sinks.email.to.default"))
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("no e-mail recipients for category " + category
                        + ": set aep.sinks.email.to." + category + " or aep.sinks.email.to.default"));
        List<String> addresses = new ArrayList<>();
        for (String one : list.split(",")) {
            if (!one.isBlank()) {
                addresses.add(address(one, "aep.sinks.email.to." + category));
            }
        }
        return String.join(", ", addresses);
    }

    private String body(String batchId, String category, long count, String file, List<Map<String, Object>> events) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<html><body style=\"font-family:sans-serif\">")
                .append("<h2>").append(count).append(' ').append(escape(String.valueOf(category)))
                .append(count == 1 ? " error" : " errors").append(" in batch ").append(escape(String.valueOf(batchId))).append("</h2>")
                .append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse:collapse\">")
                .append("<tr><th>#</th><th>file</th><th>line</th><th>code</th><th>pointer</th><th>message</th></tr>");
        int n = 0;
        for (Map<String, Object> e : events) {
            html.append("<tr><td>").append(++n).append("</td><td>").append(cell(e, "file"))
                    .append("</td><td>").append(cell(e, "line")).append("</td><td>").append(cell(e, "code"))
                    .append("</td><td>").append(cell(e, "pointer")).append("</td><td>").append(cell(e, "message"))
                    .append("</td></tr>");
        }
        html.append("</table><p>Showing ").append(events.size()).append(" of ").append(count)
                .append(". Full list (one JSON object per line): <code>").append(escape(String.valueOf(file)))
                .append("</code></p></body></html>");
        return html.toString();
    }

    /** The same digest for mail readers that show no HTML: one numbered block per error. */
    private static String plainText(String batchId, String category, long count, String file,
            List<Map<String, Object>> events) {
        StringBuilder text = new StringBuilder(2048);
        text.append(count).append(' ').append(category).append(count == 1 ? " error" : " errors")
                .append(" in batch ").append(batchId).append("\n\n");
        int n = 0;
        for (Map<String, Object> e : events) {
            text.append(++n).append(". ").append(plain(e, "file")).append(" line ").append(plain(e, "line"));
            String code = plain(e, "code");
            String pointer = plain(e, "pointer");
            if (!code.isEmpty()) {
                text.append(" code ").append(code);
            }
            if (!pointer.isEmpty()) {
                text.append(" at ").append(pointer);
            }
            text.append("\n   ").append(plain(e, "message")).append('\n');
        }
        text.append("\nShowing ").append(events.size()).append(" of ").append(count)
                .append(". Full list (one JSON object per line): ").append(file).append('\n');
        return text.toString();
    }

    /** One line of text: an error's own line breaks would read like the next entry. */
    private static String plain(Map<String, Object> event, String field) {
        Object value = event.get(field);
        if (value == null) {
            return "";
        }
        String text = value.toString().replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static String cell(Map<String, Object> event, String field) {
        Object value = event.get(field);
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return escape(text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** No control characters (CR, LF, ...) and no line separators can reach a header. */
    static String headerText(String text) {
        String clean = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ").replaceAll("\\s+", " ").strip();
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }

    private static String address(String raw, String property) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty() || !value.equals(headerText(value))) {
            throw new IllegalArgumentException(property + " is not a valid e-mail address: " + headerText(value));
        }
        try {
            InternetAddress address = new InternetAddress(value, true);
            address.validate();
            return address.toString();
        } catch (AddressException e) {
            throw new IllegalArgumentException(property + " is not a valid e-mail address: " + value, e);
        }
    }
}
