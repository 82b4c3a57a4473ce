package dev.aep.failedbatches.logging;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolver;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverContext;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverFactory;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverConfig;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverFactory;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;

/**
 * JSON log template resolver {@code {"$resolver": "maskedStackTrace"}}: the stack trace, causes included, masked by
 * {@code %mask} like the text layout's; the field is left out of a line without one (the {@code pattern} resolver
 * would write an empty string on every line).
 */
@Plugin(name = "MaskedStackTraceResolverFactory", category = TemplateResolverFactory.CATEGORY)
public final class MaskedStackTraceResolverFactory implements EventResolverFactory {

    private static final MaskedStackTraceResolverFactory INSTANCE = new MaskedStackTraceResolverFactory();

    private MaskedStackTraceResolverFactory() {
    }

    @PluginFactory
    public static MaskedStackTraceResolverFactory getInstance() {
        return INSTANCE;
    }

    @Override
    public String getName() {
        return "maskedStackTrace";
    }

    @Override
    public EventResolver create(EventResolverContext context, TemplateResolverConfig config) {
        PatternLayout layout = PatternLayout.newBuilder().withConfiguration(context.getConfiguration())
                .withAlwaysWriteExceptions(false).withPattern("%mask{%throwable}").build();
        return new EventResolver() {
            @Override
            public boolean isResolvable(LogEvent event) {
                return event.getThrown() != null;
            }

            @Override
            public void resolve(LogEvent event, JsonWriter writer) {
                StringBuilder text = new StringBuilder(1024);
                layout.serialize(event, text);
                writer.writeString(text);
            }
        };
    }
}
