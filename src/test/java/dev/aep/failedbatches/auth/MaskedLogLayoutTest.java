package dev.aep.failedbatches.auth;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production log4j2.xml, loaded from the file itself: its layout masks log lines and whole stack traces. */
class MaskedLogLayoutTest {

    private final StringWriter written = new StringWriter();
    private LoggerContext logging;
    private Logger logger;

    @BeforeEach
    void startTheProductionConfiguration() throws Exception {
        logging = new LoggerContext("masked-layout-test");
        ConfigurationSource source = ConfigurationSource.fromUri(Path.of("src/main/resources/log4j2.xml").toUri());
        logging.start(new XmlConfiguration(logging, source));
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
        logging.stop();
    }

    @Test
    void aLogLineIsMasked() {
        logger.info("calling with Authorization: Basic dXNlcjpsZWFrMQ== clientSecret=leak2 password=leak3 token=leak4"
                + " tokenUrl=https://ims.example/ims/token/v3");
        assertThat(written.toString()).contains("Authorization: Basic ****").contains("clientSecret=****")
                .contains("tokenUrl=https://ims.example/ims/token/v3")
                .doesNotContain("dXNlcjpsZWFrMQ==").doesNotContain("leak2").doesNotContain("leak3").doesNotContain("leak4");
    }

    @Test
    void aStackTraceIsMaskedCausesIncluded() {
        Exception cause = new IllegalStateException("IMS answered {\"access_token\":\"leak5\",\"expires_in\":1}");
        Exception failure = new RuntimeException("request failed: client-secret: leak6, access-token: leak7", cause);
        logger.error("token refresh failed", failure);

        String text = written.toString();
        assertThat(text).contains("java.lang.RuntimeException: request failed: client-secret: ****")
                .contains("Caused by: java.lang.IllegalStateException: IMS answered {\"access_token\":\"****\"")
                .contains("at dev.aep.failedbatches.auth.MaskedLogLayoutTest")
                .doesNotContain("leak5").doesNotContain("leak6").doesNotContain("leak7");
    }
}
