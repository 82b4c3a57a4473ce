package dev.aep.failedbatches.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.failedbatches.pipeline.LoggedPipelineTestSupport;
import dev.aep.failedbatches.simulator.RecordedRequest;
import dev.aep.failedbatches.testsupport.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The queue half of an outage: while the IMS token endpoint is down, the messages taken from the input queue are
 * rolled back (not dead-lettered, not lost, not moved to the broker's DLQ after its delivery budget), the consumer
 * pauses instead of spinning through the queue, and a probe resumes it once the endpoint answers.
 */
class QueueOutageTest extends LoggedPipelineTestSupport {

    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    private static final int IDS = 300;
    private static final String UNKNOWN = "01QOUTAGEUNKNOWN000000404";
    /** Artemis' own dead-letter queue, where a message goes after max-delivery-attempts (10 on a stock broker). */
    private static final String BROKER_DLQ = "DLQ";

    private static final String PAUSED = "intake paused, batches in flight are put back";
    private static final String RESUMED = "AEP reachable again: intake resumed";

    /**
     * A queue of its own per test, so that a message one test left behind never reaches the next. Set in
     * extraProperties, which the superclass constructor calls: no initializer, or it would be overwritten.
     */
    private String queue;

    @Override
    protected Map<String, String> extraProperties() {
        queue = "aep.batches." + java.util.UUID.randomUUID();
        return Map.of("aep.queue.enabled", "true", "aep.queue.input", queue, "aep.sinks.jms.broker-url", broker.url(),
                "aep.queue.concurrent-consumers", "4",
                "aep.outage.probe-interval-ms", "300", "aep.circuit.open-seconds", "1",
                "aep.circuit.minimum-calls", "4", "aep.circuit.sliding-window-size", "4");
    }

    @Test
    void aTokenEndpointOutageRollsTheQueueMessagesBackAndPausesTheConsumerUntilAProbeResumesIt() throws Exception {
        broker.deadLetterAfter(10, BROKER_DLQ);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < IDS; i++) {
            String id = String.format("01QOUTAGE%016d", i);
            LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
            files.put("part-0.json", "{\"_validationErrors\":[{\"message\":\"Payload body is missing xdmEntity\"}]}\n"
                    .getBytes(StandardCharsets.UTF_8));
            simulator().addBatch(id, files);
            ids.add(id);
        }
        simulator().faults().tokenEndpointDown(true);
        List<String> messages = new ArrayList<>(ids);
        messages.add(IDS / 2, UNKNOWN);
        broker.send(queue, messages.toArray(String[]::new));

        // the outage lasts many probes: long enough for a spinning consumer to burn every message's delivery budget
        await().atMost(Duration.ofSeconds(30)).until(() -> logs.linesContaining(PAUSED) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator().faults().tokenRequestsRefused() >= 30);
        assertThat(filesIn(out.resolve("dead-letter"))).as("no dead letter during the outage").isEmpty();
        assertThat(broker.messagesAdded(BROKER_DLQ)).as("no message moved to the broker's DLQ").isZero();
        assertThat(broker.messageCount(queue)).as("every message still on the queue").isEqualTo(IDS + 1);
        int refusedDuringOutage = simulator().faults().tokenRequestsRefused();
        simulator().faults().tokenEndpointDown(false);
        long released = System.nanoTime();

        await().atMost(Duration.ofSeconds(60)).until(() -> filesIn(out.resolve("reports")).size() == IDS
                && broker.messageCount(queue) == 0);
        Duration afterRelease = Duration.ofNanos(System.nanoTime() - released);

        assertThat(filesIn(out.resolve("reports"))).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> id + ".json").toList());
        assertThat(listingsPerBatch()).as("every batch retrieved exactly once")
                .containsExactlyInAnyOrderEntriesOf(ids.stream().collect(Collectors.toMap(id -> id, id -> 1L)));
        assertThat(filesIn(out.resolve("dead-letter"))).as("the only dead letter: the unknown batch (404)")
                .extracting(p -> p.getFileName().toString()).containsExactly(UNKNOWN + ".json");
        assertThat(deadLetter(UNKNOWN).path("httpStatus").asInt()).isEqualTo(404);
        assertThat(broker.messagesAdded(BROKER_DLQ)).as("no message moved to the broker's DLQ").isZero();
        assertThat(broker.messagesAdded("aep.batches.DLQ")).as("no message rejected as invalid").isZero();
        assertThat(afterRelease).as("the wait is bounded by the outage, not by the number of IDs")
                .isLessThan(Duration.ofSeconds(30));
        assertThat(refusedDuringOutage).as("token requests during the outage: a few per probe, not per message")
                .isLessThan(IDS / 5);
        assertThat(logs.linesContaining(PAUSED)).isEqualTo(1);
        assertThat(logs.linesContaining(RESUMED)).isEqualTo(1);
        assertThat(logs.text().lines().filter(l -> l.contains(PAUSED)).findFirst().orElseThrow()).contains(" WARN ");
        assertThat(logs.text().lines().filter(l -> l.contains(RESUMED)).findFirst().orElseThrow()).contains(" INFO ");
    }

    @Test
    void aGatewayOutageLongerThanTheBrokersDeliveryBudgetMovesNoMessageToTheBrokersDlq() throws Exception {
        // the whole gateway: the Data Access API and the Catalog (the probe's trial requests)
        outageLongerThanTheDeliveryBudget("01QGATEWAY", () -> {
            simulator().faults().failNext(1_000_000, 503, null);
            simulator().faults().failNextCatalogRequests(1_000_000, 503);
        });
    }

    @Test
    void aDataAccessOutageWhileTheCatalogAnswersMovesNoMessageToTheBrokersDlq() throws Exception {
        // only the Data Access API: the Catalog keeps answering, so a trial request on it alone would close the
        // breaker and let the batches in again, each time rolling their messages back
        outageLongerThanTheDeliveryBudget("01QDATAOUT", () -> simulator().faults().failNext(1_000_000, 503, null));
    }

    /**
     * 40 batches on the queue during {@code outage}, which lasts many half-open periods (aep.circuit.open-seconds=1)
     * and more rollbacks than the broker's delivery budget if each period let the batches in again; then it ends.
     */
    private void outageLongerThanTheDeliveryBudget(String idPrefix, Runnable outage) throws Exception {
        // a small delivery budget stands for a long outage on a stock broker (10 deliveries)
        broker.deadLetterAfter(4, BROKER_DLQ);
        long dlqBefore = broker.messagesAdded(BROKER_DLQ);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = idPrefix + String.format("%015d", i);
            LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
            files.put("part-0.json", "{\"_validationErrors\":[{\"message\":\"Payload body is missing xdmEntity\"}]}\n"
                    .getBytes(StandardCharsets.UTF_8));
            simulator().addBatch(id, files);
            ids.add(id);
        }
        outage.run();
        broker.send(queue, ids.toArray(String[]::new));

        await().atMost(Duration.ofSeconds(30)).until(() -> logs.linesContaining(PAUSED) >= 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> unavailableAnswers() >= 60);
        assertThat(logs.linesContaining(RESUMED)).as("not resumed during the outage").isZero();
        assertThat(logs.linesContaining(PAUSED)).isEqualTo(1);
        assertThat(filesIn(out.resolve("dead-letter"))).as("no dead letter during the outage").isEmpty();
        assertThat(broker.messagesAdded(BROKER_DLQ) - dlqBefore).as("no message moved to the broker's DLQ").isZero();
        simulator().faults().reset();

        await().atMost(Duration.ofSeconds(60)).until(() -> filesIn(out.resolve("reports")).size() == ids.size()
                && broker.messageCount(queue) == 0);
        assertThat(filesIn(out.resolve("dead-letter"))).isEmpty();
        assertThat(broker.messagesAdded(BROKER_DLQ) - dlqBefore).as("no message moved to the broker's DLQ").isZero();
        assertThat(logs.linesContaining(PAUSED)).isEqualTo(1);
        assertThat(logs.linesContaining(RESUMED)).isEqualTo(1);
    }

    /** The outage probe lists the last batch put back with limit=1; a retrieval pages from start=0. */
    private static boolean isProbeTrial(RecordedRequest request) {
        return "limit=1".equals(request.rawQuery());
    }

    private long unavailableAnswers() {
        return simulator().requests().stream().filter(r -> r.status() == 503).count();
    }

    /** Listing requests (the first call of a retrieval) per batch ID; not the outage probe's trial listings. */
    private Map<String, Long> listingsPerBatch() {
        return simulator().requests().stream()
                .filter(r -> r.path().endsWith("/failed") && (r.rawQuery() == null || !r.rawQuery().contains("path=")))
                .filter(r -> !isProbeTrial(r))
                .map(r -> r.path().replaceAll(".*/batches/([^/]+)/failed$", "$1"))
                .filter(id -> id.startsWith("01QOUTAGE") && !id.equals(UNKNOWN))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
