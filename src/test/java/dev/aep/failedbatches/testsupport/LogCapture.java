package dev.aep.failedbatches.testsupport;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;

/**
 * Captures every log line through the production console layout (the one that masks credentials), with every
 * logger at DEBUG: Camel's exchange and HTTP logging and HttpClient's header and wire logging included. A logger with
 * appenders of its own (additivity off) is captured through its own appender's layout. Start it
 * before the Camel context is created (CamelTestSupport#doPreSetup) to see the start-up lines too.
 */
public final class LogCapture {

    private static final List<String> HTTP_CLIENT_LOGGERS =
            List.of("org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire");

    private final StringWriter captured = new StringWriter();
    private final Map<String, Level> levelsBefore = new HashMap<>();
    private WriterAppender appender;
    private final Map<String, WriterAppender> ownAppenders = new HashMap<>();

    public void start() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        Layout<?> layout = config.getAppender("console").getLayout();
        appender = WriterAppender.newBuilder().setName("captured").setTarget(captured).setLayout(layout).build();
        appender.start();
        config.getRootLogger().addAppender(appender, Level.DEBUG, null);
        config.getLoggers().forEach((name, logger) -> {
            if (logger != config.getRootLogger() && !logger.isAdditive() && !logger.getAppenders().isEmpty()) {
                WriterAppender own = WriterAppender.newBuilder().setName("captured-" + name).setTarget(captured)
                        .setLayout(logger.getAppenders().values().iterator().next().getLayout()).build();
                own.start();
                logger.addAppender(own, Level.DEBUG, null);
                ownAppenders.put(name, own);
            }
        });
        for (String name : HTTP_CLIENT_LOGGERS) {
            config.addLogger(name, new LoggerConfig(name, Level.DEBUG, true));
        }
        config.getLoggers().forEach((name, logger) -> {
            levelsBefore.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        });
        logging.updateLoggers();
    }

    public void stop() {
        if (appender == null) {
            return;
        }
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        config.getRootLogger().removeAppender("captured");
        ownAppenders.forEach((name, own) -> {
            config.getLoggers().get(name).removeAppender(own.getName());
            own.stop();
        });
        ownAppenders.clear();
        HTTP_CLIENT_LOGGERS.forEach(config::removeLogger);
        levelsBefore.forEach((name, level) -> {
            LoggerConfig logger = config.getLoggers().get(name);
            if (logger != null) {
                logger.setLevel(level);
            }
        });
        logging.updateLoggers();
        appender.stop();
        appender = null;
    }

    public long linesContaining(String text) {
        return text().lines().filter(line -> line.contains(text)).count();
    }

    public String text() {
        return captured.toString();
    }
}
