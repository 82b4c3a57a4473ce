package dev.aep.failedbatches.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The production log4j2.xml, loaded from the file itself, in both formats (aep.log.format text and json): its layout
 * masks log lines and whole stack traces.
 */
class MaskedLogLayoutTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter written = new StringWriter();
    private LoggerContext logging;
    private Logger logger;

    private void start(String format) {
        String before = System.getProperty("aep.log.format");
        System.setProperty("aep.log.format", format);
        try {
            logging = new LoggerContext("masked-layout-test-" + format);
            ConfigurationSource source = ConfigurationSource.fromUri(Path.of("src/main/resources/log4j2.xml").toUri());
            logging.start(new XmlConfiguration(logging, source));
        } finally {
            if (before == null) {
                System.clearProperty("aep.log.format");
            } else {
                System.setProperty("aep.log.format", before);
            }
        }
        Layout<?> layout = logging.getConfiguration().getAppender("console").getLayout();
        WriterAppender appender = WriterAppender.newBuilder().setName("written").setTarget(written).setLayout(layout).build();
        appender.start();
        logging.getConfiguration().getRootLogger().removeAppender("console");
        logging.getConfiguration().getRootLogger().addAppender(appender, Level.DEBUG, null);
        logging.updateLoggers();
        logger = logging.getLogger("some.library");
    }

    @AfterEach
    void stop() {
        ThreadContext.clearMap();
        logging.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void aLogLineIsMasked(String format) {
        start(format);
        logger.info("calling with Authorization: Basic dXNlcjpsZWFrMQ== clientSecret=leak2 password=leak3 token=leak4"
                + " tokenUrl=https://ims.example/ims/token/v3");
        String text = "json".equals(format) ? field("message") : written.toString();
        assertThat(text).contains("Authorization: Basic ****").contains("clientSecret=****")
                .contains("tokenUrl=https://ims.example/ims/token/v3")
                .doesNotContain("dXNlcjpsZWFrMQ==").doesNotContain("leak2").doesNotContain("leak3").doesNotContain("leak4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void aStackTraceIsMaskedCausesIncluded(String format) {
        start(format);
        Exception cause = new IllegalStateException("IMS answered {\"access_token\":\"leak5\",\"expires_in\":1}");
        Exception failure = new RuntimeException("request failed: client-secret: leak6, access-token: leak7", cause);
        logger.error("token refresh failed", failure);

        String text = "json".equals(format) ? field("error") : written.toString();
        assertThat(text).contains("java.lang.RuntimeException: request failed: client-secret: ****")
                .contains("Caused by: java.lang.IllegalStateException: IMS answered {\"access_token\":\"****\"")
                .contains("at dev.aep.failedbatches.auth.MaskedLogLayoutTest")
                .doesNotContain("leak5").doesNotContain("leak6").doesNotContain("leak7");
    }

    /** The field of the one JSON object written. */
    private String field(String name) {
        try {
            return JSON.readTree(written.toString()).path(name).asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("not one JSON object: " + written, e);
        }
    }

    @Test
    void theJsonFormatWritesOneObjectPerLineWithTheBatchAndCategory() throws Exception {
        start("json");
        ThreadContext.put("batchId", "01HZSEED0MONTH00TIMESTAMP0");
        ThreadContext.put("category", "malformed-xdm");
        logger.warn("first line\nsecond line with Bearer leak8");
        ThreadContext.clearMap();
        logger.error("failed", new IllegalStateException("access_token=leak9"));

        String[] lines = written.toString().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines[0]);
        assertThat(first.path("level").asText()).isEqualTo("WARN");
        assertThat(first.path("logger").asText()).isEqualTo("some.library");
        assertThat(first.path("batchId").asText()).isEqualTo("01HZSEED0MONTH00TIMESTAMP0");
        assertThat(first.path("category").asText()).isEqualTo("malformed-xdm");
        assertThat(first.path("message").asText()).isEqualTo("first line\nsecond line with Bearer ****");
        assertThat(first.has("error")).as("no error field without an exception").isFalse();
        assertThat(first.path("@timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        JsonNode second = JSON.readTree(lines[1]);
        assertThat(second.has("batchId")).isFalse();
        assertThat(second.path("error").asText()).startsWith("java.lang.IllegalStateException: access_token=****")
                .doesNotContain("leak9");
    }
}
