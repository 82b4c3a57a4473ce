package dev.aep.failedbatches.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailDigestTest {

    @TempDir
    Path dir;

    private EmailDigest digest(Map<String, String> props, int max) {
        return new EmailDigest(key -> Optional.ofNullable(props.get(key)), "aep@example.org", max);
    }

    private Exchange exchangeFor(String... lines) throws Exception {
        Path file = Files.writeString(dir.resolve("b.jsonl"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeader(SinkDispatch.BATCH_ID, "01B");
        exchange.getIn().setHeader(SinkDispatch.CATEGORY, "malformed-xdm");
        exchange.getIn().setHeader(SinkDispatch.COUNT, (long) lines.length);
        exchange.getIn().setHeader(SinkDispatch.EVENTS_FILE, file.toString());
        exchange.getIn().setHeader(SinkDispatch.FIRST_EVENTS, new EventsFile(file).first(20));
        exchange.getIn().setHeader("Bcc", "leak@example.org");
        return exchange;
    }

    @Test
    void aDigestShowsTheFirstErrorsEscapedAndNothingReachesTheHeaders() throws Exception {
        Exchange exchange = exchangeFor(
                "{\"message\":\"evil\\r\\nBcc: attacker@example.org <script>x</script>\",\"file\":\"a.json\",\"line\":1}",
                "{\"message\":\"second\",\"line\":2}",
                "{\"message\":\"third\",\"line\":3}");
        digest(Map.of("aep.sinks.email.to.default", "team@example.org"), 2).prepare(exchange);

        Map<String, Object> headers = exchange.getIn().getHeaders();
        assertThat(headers).containsOnlyKeys("Subject", "From", "To", "Content-Type", EmailDigest.ALTERNATIVE_BODY);
        assertThat(headers.get("Subject")).isEqualTo("[AEP] batch 01B: 3 malformed-xdm errors");
        assertThat(headers.get("To")).isEqualTo("team@example.org");
        headers.forEach((name, v) -> {
            if (!EmailDigest.ALTERNATIVE_BODY.equals(name)) { // a body part, not a mail header
                assertThat(v.toString()).doesNotContain("\r").doesNotContain("\n").doesNotContain("attacker");
            }
        });
        assertThat(headers.get(EmailDigest.ALTERNATIVE_BODY).toString()).as("text/plain alternative")
                .contains("1. a.json line 1\n   evil Bcc: attacker@example.org <script>x</script>\n")
                .contains("Showing 2 of 3").doesNotContain("third");
        String body = exchange.getIn().getBody(String.class);
        assertThat(body).contains("&lt;script&gt;").doesNotContain("<script>").contains("second")
                .doesNotContain("third").contains("Showing 2 of 3");
    }

    @Test
    void recipientsPerCategoryWinOverTheDefaultAndBadAddressesAreRefused() {
        EmailDigest digest = digest(Map.of("aep.sinks.email.to.default", "all@example.org",
                "aep.sinks.email.to.invalid-org-id", "admins@example.org, ops@example.org",
                "aep.sinks.email.to.conversion", "x@example.org\r\nBcc: evil@example.org"), 5);
        assertThat(digest.recipients("invalid-org-id")).isEqualTo("admins@example.org, ops@example.org");
        assertThat(digest.recipients("missing-schema")).isEqualTo("all@example.org");
        assertThatThrownBy(() -> digest.recipients("conversion")).hasMessageContaining("not a valid e-mail address");
        assertThatThrownBy(() -> digest(Map.of(), 5).recipients("corrupt-record"))
                .hasMessageContaining("aep.sinks.email.to.corrupt-record");
    }
}
