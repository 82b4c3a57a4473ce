package dev.aep.failedbatches.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request-rate limit keeps the client under the configured requests per period. */
class RateLimitTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("aep.client.max-requests-per-period", "5", "aep.client.rate-period-ms", "1000");
    }

    @Test
    void thirteenRequestsAtFivePerSecondTakeMoreThanTwoSeconds() throws Exception {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            files.put("part-" + i + ".json", "{\"_validationErrors\":[{\"message\":\"Payload body is missing xdmEntity\"}]}\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        simulator().addBatch("01RATE0000000000000000001", files);

        long started = System.nanoTime();
        retrieve("01RATE0000000000000000001");
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(report("01RATE0000000000000000001").path("errors").asLong()).isEqualTo(12);
        // 1 listing + 12 downloads at 5 per second need at least two full periods
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(1900);
    }
}
