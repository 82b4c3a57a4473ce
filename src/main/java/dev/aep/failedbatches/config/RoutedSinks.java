package dev.aep.failedbatches.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The built-in sinks that the sink mapping ({@code sinks.camel.yaml}, header {@code aepSinks}) may route to. The
 * mapping is Camel routes, so which sinks a message gets is only known at run time; a sink counts as routed to when
 * its name appears as a word anywhere in the file outside comments. That can only over-report (a sink named in a log
 * message counts), never miss a sink named in a constant; a name built at run time is not seen.
 */
final class RoutedSinks {

    static final List<String> BUILT_IN = List.of("files", "jms", "kafka", "email", "webhook");

    private RoutedSinks() {
    }

    static Set<String> in(Path sinkMapping) throws IOException {
        String routes = withoutComments(Files.readString(sinkMapping));
        Set<String> routed = new LinkedHashSet<>();
        for (String sink : BUILT_IN) {
            if (Pattern.compile("(?<![A-Za-z0-9_])" + sink + "(?![A-Za-z0-9_])").matcher(routes).find()) {
                routed.add(sink);
            }
        }
        return routed;
    }

    private static String withoutComments(String yaml) {
        StringBuilder text = new StringBuilder();
        for (String line : yaml.split("\\R")) {
            // a YAML comment: '#' at the start or after a blank; a '#' inside a value (a URL fragment) is kept
            int comment = line.strip().startsWith("#") ? 0 : line.indexOf(" #");
            text.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        return text.toString();
    }
}
