package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.auth.AccessTokenProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Static-token mode (aep.auth.access-token, accepted by the simulator): the token reaches no log line, from
 * start-up on and at DEBUG, and no output file.
 */
class StaticTokenSecretsTest extends LoggedPipelineTestSupport {

    private static final String STATIC_TOKEN = "StaticTok-5e6f7a8b9c0d-do-not-log";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("aep.auth.access-token", STATIC_TOKEN);
    }

    /** Before the Camel context exists, so the start-up lines are captured too. */
    @Test
    void theStaticTokenReachesNoLogLineAndNoFile() throws Exception {
        assertThat(context.getRegistry().lookupByNameAndType("aepTokens", AccessTokenProvider.class).isStatic()).isTrue();
        simulator().faults().failNextDownloads(1, 503, "0");
        retrieve("01HZPROBLEMJSON0000000001");
        retrieve("01NOSUCHBATCH000000000001");

        String text = logs.text();
        assertThat(text).contains("embedded AEP simulator on") // start-up was captured
                .contains("Batch 01HZPROBLEMJSON0000000001 completed").contains("01NOSUCHBATCH000000000001")
                .containsIgnoringCase("Authorization: Bearer ****"); // DEBUG was on and the token was sent
        assertThat(text).doesNotContain(STATIC_TOKEN);
        assertThat(filesUnder(out)).isNotEmpty();
        for (Path file : filesUnder(out)) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).doesNotContain(STATIC_TOKEN);
        }
    }
}
