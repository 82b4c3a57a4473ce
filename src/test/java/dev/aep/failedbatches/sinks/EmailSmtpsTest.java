package dev.aep.failedbatches.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import dev.aep.failedbatches.testsupport.SinkRoutes;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** aep.sinks.email.tls=smtps: the digests reach an SMTPS-only server (TLS from the first byte), authenticated. */
class EmailSmtpsTest extends PipelineTestSupport {

    private static final int SMTPS_PORT = freePort();
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(SMTPS_PORT, "127.0.0.1", "smtps"))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("aep-mailer", "mail-pw-1"));

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("camel.main.routes-include-pattern", SinkRoutes.withSinks(SinkRoutes.ALL_TO_EMAIL));
        p.put("aep.sinks.email.host", "127.0.0.1");
        p.put("aep.sinks.email.port", String.valueOf(SMTPS_PORT));
        p.put("aep.sinks.email.username", "aep-mailer");
        p.put("aep.sinks.email.password", "mail-pw-1");
        p.put("aep.sinks.email.tls", "smtps");
        p.put("aep.sinks.email.ssl-trust", "127.0.0.1"); // GreenMail's self-signed test certificate
        p.put("aep.sinks.email.to.default", "ops@example.org");
        p.put("aep.sinks.retry.initial-delay-ms", "50");
        p.put("aep.sinks.retry.max-delay-ms", "200");
        return p;
    }

    @Test
    void aDigestIsDeliveredOverSmtps() throws Exception {
        retrieve("01HZPROBLEMJSON0000000001"); // malformed-xdm, invalid-org-id, missing-schema: three digests

        assertThat(MAIL.waitForIncomingEmail(10_000, 3)).isTrue();
        MimeMessage[] mails = MAIL.getReceivedMessages();
        assertThat(mails).extracting(MimeMessage::getSubject).allMatch(s -> s.contains("01HZPROBLEMJSON0000000001"));
        assertThat(out.resolve("dead-letter")).doesNotExist();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
