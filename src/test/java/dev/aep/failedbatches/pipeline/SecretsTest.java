package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.auth.AccessTokenProvider;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretsTest extends PipelineTestSupport {

    private static final String SECRET = "TopSecret-s3cr3t-9f8e7d";
    private final StringWriter captured = new StringWriter();
    private WriterAppender appender;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("aep.auth.client-secret", SECRET);
    }

    private final Map<String, Level> levelsBefore = new java.util.HashMap<>();

    /**
     * Captures every log line through the production console layout (the one that masks credentials), with every
     * logger at DEBUG: Camel's exchange and HTTP logging and HttpClient's header and wire logging included.
     */
    @BeforeEach
    void captureLogs() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        Layout<?> layout = config.getAppender("console").getLayout();
        appender = WriterAppender.newBuilder().setName("captured").setTarget(captured).setLayout(layout).build();
        appender.start();
        config.getRootLogger().addAppender(appender, Level.DEBUG, null);
        for (String name : List.of("org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire")) {
            config.addLogger(name, new org.apache.logging.log4j.core.config.LoggerConfig(name, Level.DEBUG, true));
        }
        config.getLoggers().forEach((name, logger) -> {
            levelsBefore.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        });
        logging.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        config.getRootLogger().removeAppender("captured");
        levelsBefore.forEach((name, level) -> config.getLoggers().get(name).setLevel(level));
        for (String name : List.of("org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire")) {
            config.removeLogger(name);
        }
        logging.updateLoggers();
        appender.stop();
    }

    @Test
    void theProductionLayoutMasksCredentialsThatSomeLibraryWouldLog() {
        LogManager.getLogger("some.library").info("sending Authorization: Bearer tok-abc123 with client_secret=" + SECRET
                + " and {\"access_token\":\"tok-xyz789\"}");
        assertThat(captured.toString()).contains("Bearer ****").contains("client_secret=****")
                .doesNotContain("tok-abc123").doesNotContain(SECRET).doesNotContain("tok-xyz789");
    }

    @Test
    void neitherTheClientSecretNorTheTokenReachesLogsOrOutputs() throws Exception {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        files.put("part-0.json", "{\"_validationErrors\":[{\"message\":\"Payload body is missing xdmEntity\"}]}\n"
                .getBytes(StandardCharsets.UTF_8));
        simulator().addBatch("01SECRETS0000000000000001", files);
        retrieve("01SECRETS0000000000000001");
        String firstToken = context.getRegistry().lookupByNameAndType("aepTokens", AccessTokenProvider.class).token();

        simulator().expireAllTokens();
        simulator().faults().failNextDownloads(1, 503, "0");
        retrieve("01SECRETS0000000000000001");
        retrieve("01NOSUCHBATCH000000000001");
        String secondToken = context.getRegistry().lookupByNameAndType("aepTokens", AccessTokenProvider.class).token();

        String logs = captured.toString();
        assertThat(logs).contains("Batch 01SECRETS0000000000000001 completed").contains("01NOSUCHBATCH000000000001");
        // DEBUG really was on: HttpClient logged the request headers, with the credential masked
        assertThat(logs).containsIgnoringCase("Authorization: Bearer ****");
        assertThat(logs).doesNotContain(SECRET).doesNotContain(firstToken).doesNotContain(secondToken);
        for (Path file : filesUnder(out)) {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(content).doesNotContain(SECRET).doesNotContain(firstToken).doesNotContain(secondToken);
        }
    }
}
