package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.auth.AccessTokenProvider;
import dev.aep.failedbatches.auth.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;

/** Client-credentials mode: neither the client secret nor a token reaches a log line (at DEBUG) or a file. */
class SecretsTest extends LoggedPipelineTestSupport {

    private static final String SECRET = "TopSecret-s3cr3t-9f8e7d";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("aep.auth.client-secret", SECRET);
    }

    @Test
    void theProductionLayoutMasksCredentialsThatSomeLibraryWouldLog() {
        LogManager.getLogger("some.library").info("sending Authorization: Bearer tok-abc123 with client_secret=" + SECRET
                + " and {\"access_token\":\"tok-xyz789\"}");
        assertThat(logs.text()).contains("Bearer ****").contains("client_secret=****")
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

        String text = logs.text();
        assertThat(text).contains("Batch 01SECRETS0000000000000001 completed").contains("01NOSUCHBATCH000000000001");
        // DEBUG really was on: HttpClient logged the request headers, with the credential masked
        assertThat(text).containsIgnoringCase("Authorization: Bearer ****");
        assertThat(text).doesNotContain(SECRET).doesNotContain(firstToken).doesNotContain(secondToken);
        for (Path file : filesUnder(out)) {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(content).doesNotContain(SECRET).doesNotContain(firstToken).doesNotContain(secondToken);
        }
    }

    @Test
    void aFailingTokenEndpointDeadLettersTheBatchWithoutTheSecretOrAnythingTokenLike() throws Exception {
        simulator().faults().echoRequestInTokenFailures(true); // its error body repeats client_secret=...
        simulator().faults().failNextTokens(50, 500);
        retrieve("01HZPROBLEMJSON0000000001");

        String deadLetter = Files.readString(out.resolve("dead-letter/01HZPROBLEMJSON0000000001.json"));
        assertThat(deadLetter).contains("IMS token endpoint answered HTTP 500").contains("client_secret=****");
        String text = logs.text();
        assertThat(text).contains("01HZPROBLEMJSON0000000001").contains("IMS token endpoint answered HTTP 500");
        for (String where : new String[] {deadLetter, text}) {
            assertThat(where).doesNotContain(SECRET);
            // every credential-shaped value is masked already: the mask finds nothing left to mask
            assertThat(Secrets.mask(where)).isEqualTo(where);
        }
        for (Path file : filesUnder(out)) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain(SECRET);
        }
    }
}
