package dev.aep.failedbatches.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import dev.aep.failedbatches.testsupport.HttpReceiver;
import dev.aep.failedbatches.testsupport.HttpReceiver.Request;
import dev.aep.failedbatches.testsupport.SinkRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production webhook sink against an HTTP endpoint in the test JVM: one JSON digest POSTed per batch and category,
 * shaped for Slack and Teams ({@code text}), with nothing of ours in the HTTP headers; an endpoint that fails is
 * retried, dead-lettered, and cleared by a later success.
 */
class WebhookSinkTest extends PipelineTestSupport {

    private static final int MAX_REDELIVERIES = 2;

    // static: the properties are read in the constructor of the test support, before instance fields are set
    private static final HttpReceiver webhook = newReceiver();

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("camel.main.routes-include-pattern", SinkRoutes.withSinks(SinkRoutes.allTo("webhook")));
        p.put("aep.sinks.webhook.url", webhook.url("/hooks/aep"));
        p.put("aep.sinks.webhook.max-errors", "2");
        p.put("aep.sinks.retry.max-redeliveries", String.valueOf(MAX_REDELIVERIES));
        p.put("aep.sinks.retry.initial-delay-ms", "10");
        p.put("aep.sinks.retry.max-delay-ms", "50");
        return p;
    }

    @BeforeEach
    void resetReceiver() {
        webhook.answer(200).clear();
    }

    @AfterAll
    static void stopReceiver() {
        webhook.close();
    }

    @Test
    void oneJsonDigestPerBatchAndCategoryWithNothingOfOursInTheHeaders() throws Exception {
        String batch = "01HZPROBLEMJSON0000000001"; // malformed-xdm 3, invalid-org-id 1, missing-schema 1
        retrieve(batch);

        List<Request> posts = webhook.requests();
        assertThat(posts).hasSize(3);
        Map<String, JsonNode> byCategory = new HashMap<>();
        for (Request post : posts) {
            assertThat(post.method()).isEqualTo("POST");
            assertThat(post.path()).isEqualTo("/hooks/aep");
            assertThat(post.header("Content-Type")).startsWith("application/json");
            post.headers().forEach((name, values) -> {
                assertThat(name).as("header name").doesNotStartWith("aep").doesNotStartWith("camel");
                assertThat(values).as("header %s", name).noneMatch(v -> v.contains(out.toString()) || v.contains(batch));
            });
            JsonNode digest = JSON.readTree(post.body());
            byCategory.put(digest.path("category").asText(), digest);
        }
        assertThat(byCategory).containsOnlyKeys("malformed-xdm", "invalid-org-id", "missing-schema");

        JsonNode malformed = byCategory.get("malformed-xdm");
        assertThat(malformed.path("batchId").asText()).isEqualTo(batch);
        assertThat(malformed.path("count").asLong()).isEqualTo(3);
        assertThat(malformed.path("text").asText()).contains(batch).contains("malformed-xdm").contains("3 ");
        List<JsonNode> events = events("malformed-xdm", batch);
        assertThat(StreamSupport.stream(malformed.path("errors").spliterator(), false).map(JsonNode::asText).toList())
                .as("the first aep.sinks.webhook.max-errors messages")
                .containsExactly(events.get(0).path("message").asText(), events.get(1).path("message").asText());
        assertThat(malformed.path("file").asText())
                .isEqualTo(out.resolve("errors/malformed-xdm/" + batch + ".jsonl").toString());
        JsonNode org = byCategory.get("invalid-org-id");
        assertThat(org.path("count").asLong()).isEqualTo(1);
        assertThat(org.path("text").asText()).contains(batch).contains("invalid-org-id").contains("1 ");
        assertThat(org.path("errors")).hasSize(1);
        assertThat(out.resolve("dead-letter")).doesNotExist();
    }

    @Test
    void aFailingEndpointIsRetriedThenDeadLetteredAndALaterSuccessClearsTheDeadLetter() throws Exception {
        String batch = "01HZDCVS0STREAMING00000001"; // 7 malformed-xdm
        Path deadLetter = out.resolve("dead-letter/sinks/" + batch + ".malformed-xdm.webhook.json");
        Path categoryFile = out.resolve("errors/malformed-xdm/" + batch + ".jsonl");
        webhook.answer(500);

        retrieve(batch);

        assertThat(webhook.requests()).as("1 try + aep.sinks.retry.max-redeliveries").hasSize(1 + MAX_REDELIVERIES);
        assertThat(report(batch).path("status").asText()).isEqualTo("completed");
        JsonNode dead = JSON.readTree(deadLetter.toFile());
        assertThat(dead.path("batchId").asText()).isEqualTo(batch);
        assertThat(dead.path("category").asText()).isEqualTo("malformed-xdm");
        assertThat(dead.path("sink").asText()).isEqualTo("webhook");
        assertThat(dead.path("status").asText()).isEqualTo("undelivered");
        assertThat(dead.path("eventsFile").asText()).isEqualTo("errors/malformed-xdm/" + batch + ".jsonl");
        assertThat(dead.path("events").asLong()).isEqualTo(7);
        assertThat(dead.path("reason").asText()).contains("500");
        assertThat(Files.readAllLines(categoryFile)).hasSize(7).allSatisfy(line -> JSON.readTree(line));

        webhook.answer(200).clear();
        retrieve(batch);

        assertThat(webhook.requests()).hasSize(1);
        assertThat(JSON.readTree(webhook.requests().get(0).body()).path("count").asLong()).isEqualTo(7);
        assertThat(deadLetter).doesNotExist();
        assertThat(Files.readAllLines(categoryFile)).hasSize(7);
    }

    private static HttpReceiver newReceiver() {
        try {
            return new HttpReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
