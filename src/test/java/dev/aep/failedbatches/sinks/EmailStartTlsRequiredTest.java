package dev.aep.failedbatches.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import dev.aep.failedbatches.testsupport.RecordingRelay;
import dev.aep.failedbatches.testsupport.SinkRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Credentials set and aep.sinks.email.tls left at auto: STARTTLS is required, so a plain-only SMTP server (GreenMail
 * offers no STARTTLS) is refused before any AUTH. A relay in front of it records what the client sent.
 */
class EmailStartTlsRequiredTest extends PipelineTestSupport {

    private static final String PASSWORD = "mail-pw-never-in-clear";
    private static final int SMTP_PORT = freePort();
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("aep-mailer", PASSWORD));
    private static final RecordingRelay WIRE = relay();

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("camel.main.routes-include-pattern", SinkRoutes.withSinks(SinkRoutes.ALL_TO_EMAIL));
        p.put("aep.sinks.email.host", "127.0.0.1");
        p.put("aep.sinks.email.port", String.valueOf(WIRE.port()));
        p.put("aep.sinks.email.username", "aep-mailer");
        p.put("aep.sinks.email.password", PASSWORD);
        p.put("aep.sinks.email.to.default", "ops@example.org");
        p.put("aep.sinks.retry.max-redeliveries", "1");
        p.put("aep.sinks.retry.initial-delay-ms", "50");
        p.put("aep.sinks.retry.max-delay-ms", "200");
        return p;
    }

    @Test
    void aServerWithoutStartTlsIsRefusedAndNoCredentialCrossesTheWire() throws Exception {
        retrieve("01HZPROBLEMJSON0000000001");

        String wire = WIRE.clientBytes();
        assertThat(wire).contains("EHLO"); // the client did talk to the server
        String plainAuth = Base64.getEncoder().encodeToString(("\0aep-mailer\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String loginPassword = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
        assertThat(wire).doesNotContain("AUTH").doesNotContain(PASSWORD).doesNotContain(plainAuth)
                .doesNotContain(loginPassword);

        JsonNode dead = JSON.readTree(out.resolve(
                "dead-letter/sinks/01HZPROBLEMJSON0000000001.invalid-org-id.email.json").toFile());
        assertThat(dead.path("status").asText()).isEqualTo("undelivered");
        assertThat(dead.path("reason").asText()).containsIgnoringCase("STARTTLS");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @AfterAll
    static void closeRelay() throws IOException {
        WIRE.close();
    }

    private static RecordingRelay relay() {
        try {
            return new RecordingRelay(SMTP_PORT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
