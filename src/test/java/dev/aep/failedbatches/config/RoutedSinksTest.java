package dev.aep.failedbatches.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which sinks' settings the start-up check requires, read from the sink mapping's text. */
class RoutedSinksTest {

    @Test
    void theShippedMappingRoutesToNoSinkThatNeedsSettings() throws Exception {
        // its comments name every sink; only the log sink is routed to
        assertThat(RoutedSinks.in(Path.of("routes", "sinks.camel.yaml"))).isEmpty();
    }

    @Test
    void aSinkNamedInAConstantIsRoutedTo(@TempDir Path dir) throws Exception {
        Path mapping = Files.writeString(dir.resolve("sinks.camel.yaml"), """
                # email is only mentioned here
                - setHeader: { name: aepSinks, expression: { constant: { expression: "log,jms,webhook" } } } # kafka
                - to: direct:aep-sink-files-archive
                """);

        assertThat(RoutedSinks.in(mapping)).containsExactlyInAnyOrder("jms", "webhook", "files");
    }

    @Test
    void propertyRulesNameWhatIsExpected() {
        PropertyRule files = PropertyRules.ALL.stream().filter(r -> r.name().equals("aep.parallel.files")).findFirst()
                .orElseThrow();
        assertThat(files.problem("abc")).hasValue("must be a whole number from 1 to 1000");
        assertThat(files.problem("0")).isPresent();
        assertThat(files.problem("4")).isEmpty();
        PropertyRule url = PropertyRule.httpUrl("aep.api.base-url");
        assertThat(url.problem("ht!tp://")).isPresent();
        assertThat(url.problem("https://platform.adobe.io")).isEmpty();
    }
}
