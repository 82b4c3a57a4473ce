package dev.aep.failedbatches.auth;

import java.util.List;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;
import org.apache.logging.log4j.core.pattern.PatternFormatter;

/**
 * {@code %mask{pattern}}: formats the nested pattern and masks credentials in it with {@link Secrets}, so the
 * masking rules live in one place for every layout that takes a pattern: the console {@code PatternLayout}, and a
 * JSON template layout through its {@code pattern} resolver ({@code "%mask{%m}"}, {@code "%mask{%throwable}"}).
 */
@Plugin(name = "MaskConverter", category = PatternConverter.CATEGORY)
@ConverterKeys({"mask"})
public final class MaskConverter extends LogEventPatternConverter {

    private final List<PatternFormatter> formatters;

    private MaskConverter(List<PatternFormatter> formatters) {
        super("mask", "mask");
        this.formatters = formatters;
    }

    public static MaskConverter newInstance(Configuration config, String[] options) {
        if (options == null || options.length != 1 || options[0] == null) {
            throw new IllegalArgumentException("%mask takes one pattern, e.g. %mask{%m}");
        }
        return new MaskConverter(PatternLayout.createPatternParser(config).parse(options[0]));
    }

    @Override
    public void format(LogEvent event, StringBuilder toAppendTo) {
        int start = toAppendTo.length();
        for (PatternFormatter formatter : formatters) {
            formatter.format(event, toAppendTo);
        }
        Secrets.mask(toAppendTo, start);
    }

    /** A nested %throwable is written here, masked: the layout must not append the stack trace again, unmasked. */
    @Override
    public boolean handlesThrowable() {
        return formatters.stream().anyMatch(PatternFormatter::handlesThrowable);
    }
}
