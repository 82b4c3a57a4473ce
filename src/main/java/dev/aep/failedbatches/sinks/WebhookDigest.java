package dev.aep.failedbatches.sinks;

import java.util.List;
import java.util.Map;
import org.apache.camel.Header;

/**
 * Bean {@code aepWebhookDigest}: the JSON body the webhook sink posts, one per batch and category. {@code text} is
 * what Slack and Teams incoming webhooks show; the other fields are for a receiver that reads them.
 */
public final class WebhookDigest {

    private final int maxErrors;

    public WebhookDigest(int maxErrors) {
        this.maxErrors = Math.max(1, maxErrors);
    }

    public Digest of(@Header(SinkDispatch.BATCH_ID) String batchId, @Header(SinkDispatch.CATEGORY) String category,
            @Header(SinkDispatch.COUNT) long count, @Header(SinkDispatch.EVENTS_FILE) String file,
            @Header(SinkDispatch.FIRST_EVENTS) List<Map<String, Object>> first) {
        List<String> messages = (first == null ? List.<Map<String, Object>>of() : first).stream()
                .limit(maxErrors)
                .map(event -> String.valueOf(event.get("message")))
                .map(m -> m.length() > 300 ? m.substring(0, 300) + "..." : m)
                .toList();
        StringBuilder text = new StringBuilder()
                .append("AEP batch ").append(batchId).append(": ").append(count).append(' ').append(category)
                .append(count == 1 ? " error" : " errors");
        messages.forEach(m -> text.append("\n• ").append(m));
        if (count > messages.size()) {
            text.append("\n(").append(count - messages.size()).append(" more in ").append(file).append(')');
        }
        return new Digest(text.toString(), batchId, category, count, messages, file);
    }

    /** The posted JSON: Slack/Teams read {@code text}; the rest names the batch, the category and the full file. */
    public record Digest(String text, String batchId, String category, long count, List<String> errors, String file) {
    }
}
