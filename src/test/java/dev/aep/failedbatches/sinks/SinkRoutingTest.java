package dev.aep.failedbatches.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import dev.aep.failedbatches.testsupport.EmbeddedBroker;
import dev.aep.failedbatches.testsupport.SinkRoutes;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A custom sinks YAML, loaded by the production route loader from its own routes/ folder, sends each category only
 * where it says: a real Artemis broker and a real SMTP server (GreenMail) receive what they should and nothing else.
 */
class SinkRoutingTest extends PipelineTestSupport {

    private static final String CUSTOM_SINKS = """
            - route:
                id: aep-sinks-by-category
                from:
                  uri: direct
                  parameters:
                    name: aep-sinks-by-category
                  steps:
                    - choice:
                        when:
                          - expression:
                              simple:
                                expression: "${header.aepCategory} == 'malformed-xdm'"
                            steps:
                              - setHeader:
                                  name: aepSinks
                                  expression:
                                    constant:
                                      expression: jms
                          - expression:
                              simple:
                                expression: "${header.aepCategory} == 'invalid-org-id'"
                            steps:
                              - setHeader:
                                  name: aepSinks
                                  expression:
                                    constant:
                                      expression: "email,files"
                          - expression:
                              simple:
                                expression: "${header.aepCategory} == 'missing-schema'"
                            steps:
                              - setHeader:
                                  name: aepSinks
                                  expression:
                                    constant:
                                      expression: files
                        otherwise:
                          steps:
                            - setHeader:
                                name: aepSinks
                                expression:
                                  constant:
                                    expression: log
            - route:
                id: aep-sinks-for-reports
                from:
                  uri: direct
                  parameters:
                    name: aep-sinks-for-reports
                  steps:
                    - to:
                        uri: direct
                        parameters:
                          name: aep-sink-jms-report
            """;

    private static final int SMTP_PORT = freePort();
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("camel.main.routes-include-pattern", SinkRoutes.withSinks(CUSTOM_SINKS));
        p.put("aep.sinks.jms.broker-url", broker.url());
        p.put("aep.sinks.email.host", "127.0.0.1");
        p.put("aep.sinks.email.port", String.valueOf(SMTP_PORT));
        p.put("aep.sinks.email.to.invalid-org-id", "platform-admins@example.org, oncall@example.org");
        p.put("aep.sinks.retry.initial-delay-ms", "50");
        p.put("aep.sinks.retry.max-delay-ms", "200");
        return p;
    }

    @Test
    void eachCategoryGoesOnlyWhereTheCustomYamlSays() throws Exception {
        retrieve("01HZPROBLEMJSON0000000001");   // malformed-xdm 3, invalid-org-id 1, missing-schema 1
        retrieve("01HZAPPENDIX0000000000001");   // malformed-xdm 2, missing-source-name 1, missing-xdm-entity 1, unclassified 2

        List<Message> malformed = broker.drain("aep.failed.malformed-xdm");
        assertThat(malformed).hasSize(5);
        TextMessage first = (TextMessage) malformed.get(0);
        assertThat(first.getStringProperty("aepBatchId")).isEqualTo("01HZPROBLEMJSON0000000001");
        assertThat(first.getStringProperty("aepCategory")).isEqualTo("malformed-xdm");
        assertThat(first.getStringProperty("aepEventsFile")).as("no local path leaves with an event").isNull();
        JsonNode event = JSON.readTree(first.getText());
        assertThat(event.path("file").asText()).isEqualTo("part-00000-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d-c000.json");
        assertThat(event.path("category").asText()).isEqualTo("malformed-xdm");
        assertThat(event.path("message").asText()).isNotBlank();
        for (String other : List.of("invalid-org-id", "missing-schema", "missing-source-name", "missing-xdm-entity", "unclassified")) {
            assertThat(broker.drain("aep.failed." + other)).as(other).isEmpty();
        }
        List<Message> reports = broker.drain("aep.failed.reports");
        assertThat(reports).hasSize(2);
        assertThat(JSON.readTree(((TextMessage) reports.get(0)).getText()).path("status").asText()).isEqualTo("completed");

        MimeMessage[] mails = MAIL.getReceivedMessages();
        assertThat(mails).hasSize(2); // one digest, two recipients
        assertThat(mails[0].getSubject()).contains("01HZPROBLEMJSON0000000001").contains("invalid-org-id").contains("1 ");
        assertThat(mails[0].getAllRecipients()).extracting(Object::toString)
                .containsExactlyInAnyOrder("platform-admins@example.org", "oncall@example.org");
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(mails[0]);
        assertThat(body).contains("<table").contains("absent or wrong ims org").contains("Showing 1 of 1")
                .contains("errors/invalid-org-id/01HZPROBLEMJSON0000000001.jsonl");

        // the contract's category files are kept whatever the sinks; the files sink copies the routed ones
        assertThat(out.resolve("errors/malformed-xdm/01HZPROBLEMJSON0000000001.jsonl")).exists();
        assertThat(out.resolve("errors/unclassified/01HZAPPENDIX0000000000001.jsonl")).exists();
        assertThat(out.resolve("export/invalid-org-id/01HZPROBLEMJSON0000000001.jsonl"))
                .hasSameTextualContentAs(out.resolve("errors/invalid-org-id/01HZPROBLEMJSON0000000001.jsonl"));
        assertThat(out.resolve("export/missing-schema/01HZPROBLEMJSON0000000001.jsonl")).exists();
        assertThat(out.resolve("export/malformed-xdm")).doesNotExist();
        assertThat(out.resolve("export/unclassified")).doesNotExist();
        assertThat(report("01HZAPPENDIX0000000000001").path("counts").path("unclassified").asLong()).isEqualTo(2);
        assertThat(out.resolve("dead-letter")).doesNotExist();
    }

    @Test
    void aBrokerThatIsDownLosesNothingAndARedropDeliversOnceItIsBack() throws Exception {
        broker.stop();
        try {
            retrieve("01HZDCVS0STREAMING00000001"); // 7 malformed-xdm
        } finally {
            broker.start();
        }

        JsonNode report = report("01HZDCVS0STREAMING00000001");
        assertThat(report.path("errors").asLong()).isEqualTo(7);
        Path kept = out.resolve("errors/malformed-xdm/01HZDCVS0STREAMING00000001.jsonl");
        assertThat(Files.readAllLines(kept)).hasSize(7);
        JsonNode dead = JSON.readTree(out.resolve("dead-letter/sinks/01HZDCVS0STREAMING00000001.malformed-xdm.jms.json").toFile());
        assertThat(dead.path("status").asText()).isEqualTo("undelivered");
        assertThat(dead.path("eventsFile").asText()).isEqualTo("errors/malformed-xdm/01HZDCVS0STREAMING00000001.jsonl");
        assertThat(dead.path("batchId").asText()).isEqualTo("01HZDCVS0STREAMING00000001");
        assertThat(dead.path("category").asText()).isEqualTo("malformed-xdm");
        assertThat(dead.path("sink").asText()).isEqualTo("jms");
        assertThat(dead.path("events").asLong()).isEqualTo(7);
        assertThat(dead.path("reason").asText()).isNotBlank();

        dropInbox("redrop.txt", "01HZDCVS0STREAMING00000001\n");
        awaitInboxDone("redrop.txt");

        assertThat(broker.drain("aep.failed.malformed-xdm")).hasSize(7);
        assertThat(broker.drain("aep.failed.reports")).hasSize(1);
        assertThat(out.resolve("dead-letter/sinks/01HZDCVS0STREAMING00000001.malformed-xdm.jms.json")).doesNotExist();
        assertThat(kept).exists(); // the contract's output does not depend on the sinks
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
