package dev.aep.failedbatches.logging;

import dev.aep.failedbatches.errors.Causes;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;

/**
 * {@code %rootCause}: the message of the innermost cause of the event's throwable (its class name when it has no
 * message); nothing when there is no throwable or it has no cause (a logger that passes a throwable usually puts its
 * message in the log message already). Log4j's {@code %rEx{short.message}} gives the outermost message, which for a
 * route file Camel rejects only repeats the log message; the innermost cause says what is wrong (line and column,
 * unknown step or component).
 */
@Plugin(name = "RootCauseConverter", category = PatternConverter.CATEGORY)
@ConverterKeys({"rootCause"})
public final class RootCauseConverter extends LogEventPatternConverter {

    private static final RootCauseConverter INSTANCE = new RootCauseConverter();

    private RootCauseConverter() {
        super("rootCause", "rootCause");
    }

    public static RootCauseConverter newInstance(String[] options) {
        return INSTANCE;
    }

    @Override
    public void format(LogEvent event, StringBuilder toAppendTo) {
        Throwable thrown = event.getThrown();
        Throwable root = Causes.root(thrown);
        if (root == null || root == thrown) {
            return;
        }
        toAppendTo.append(root.getMessage() != null ? root.getMessage() : root.getClass().getName());
    }

    @Override
    public boolean handlesThrowable() {
        return true;
    }
}
