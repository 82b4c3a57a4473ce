package dev.aep.failedbatches.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, Optional<String>> properties;
    private final String from;
    private final int maxErrors;

    /** @param properties looks up {@code aep.sinks.email.to.<category>} and {@code aep.sinks.email.to.default} */
    public EmailDigest(Function<String, Optional<String>> properties, String from, int maxErrors) {
        this.properties = properties;
        this.from = address(from, "aep.sinks.email.from");
        this.maxErrors = Math.max(1, maxErrors);
    }

    /** Turns the exchange into the digest mail for the current category: body, Subject, From, To, Content-Type. */
    public void prepare(Exchange exchange) throws IOException {
        CategoryDelivery d = exchange.getProperty(SinkDelivery.DELIVERY, CategoryDelivery.class);
        List<JsonNode> first = firstEvents(d);
        Message message = exchange.getIn();
        message.removeHeaders("*");
        message.setHeader("Subject", headerText("[AEP] batch " + d.batchId() + ": " + d.count() + " " + d.category()
                + (d.count() == 1 ? " error" : " errors")));
        message.setHeader("From", from);
        message.setHeader("To", recipients(d.category()));
        message.setHeader("Content-Type", "text/html; charset=UTF-8");
        message.setBody(body(d, first));
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

    private List<JsonNode> firstEvents(CategoryDelivery d) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(d.file(), StandardCharsets.UTF_8)) {
            String line;
            while (events.size() < maxErrors && (line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    events.add(JSON.readTree(line));
                }
            }
        }
        return events;
    }

    private String body(CategoryDelivery d, List<JsonNode> events) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<html><body style=\"font-family:sans-serif\">")
                .append("<h2>").append(d.count()).append(' ').append(escape(d.category()))
                .append(d.count() == 1 ? " error" : " errors").append(" in batch ").append(escape(d.batchId())).append("</h2>")
                .append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse:collapse\">")
                .append("<tr><th>#</th><th>file</th><th>line</th><th>code</th><th>pointer</th><th>message</th></tr>");
        int n = 0;
        for (JsonNode e : events) {
            html.append("<tr><td>").append(++n).append("</td><td>").append(cell(e, "file"))
                    .append("</td><td>").append(cell(e, "line")).append("</td><td>").append(cell(e, "code"))
                    .append("</td><td>").append(cell(e, "pointer")).append("</td><td>").append(cell(e, "message"))
                    .append("</td></tr>");
        }
        html.append("</table><p>Showing ").append(events.size()).append(" of ").append(d.count())
                .append(". Full list (one JSON object per line): <code>").append(escape(d.file().toString()))
                .append("</code></p></body></html>");
        return html.toString();
    }

    private static String cell(JsonNode event, String field) {
        JsonNode value = event.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        String text = value.asText();
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
