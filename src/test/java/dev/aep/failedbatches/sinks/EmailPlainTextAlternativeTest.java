package dev.aep.failedbatches.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import dev.aep.failedbatches.testsupport.SinkRoutes;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A digest is multipart/alternative: a text/plain part for readers without HTML, then the HTML table. */
class EmailPlainTextAlternativeTest extends PipelineTestSupport {

    private static final int SMTP_PORT = freePort();
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("camel.main.routes-include-pattern", SinkRoutes.withSinks(SinkRoutes.ALL_TO_EMAIL));
        p.put("aep.sinks.email.host", "127.0.0.1");
        p.put("aep.sinks.email.port", String.valueOf(SMTP_PORT));
        p.put("aep.sinks.email.tls", "none");
        p.put("aep.sinks.email.to.default", "ops@example.org");
        return p;
    }

    @Test
    void theDigestCarriesAPlainTextAlternativeNextToItsHtml() throws Exception {
        retrieve("01HZSEED0MONTH00TIMESTAMP0"); // one malformed-xdm error: one digest

        assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart plain = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(plain.getContentType()).startsWith("text/plain");
        assertThat((String) plain.getContent())
                .contains("1 malformed-xdm error in batch 01HZSEED0MONTH00TIMESTAMP0")
                .contains("1. part-00000-44c7b669-5e38-43fb-b56c-a0686dabb982-c000.json line 1")
                .contains("[2018-00-23T22:07:01Z] is not a valid date-time")
                .contains("Showing 1 of 1")
                .doesNotContain("<");
        assertThat(html.getContentType()).startsWith("text/html");
        assertThat((String) html.getContent()).contains("<table").contains("01HZSEED0MONTH00TIMESTAMP0");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
