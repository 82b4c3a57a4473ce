package dev.aep.failedbatches.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The documented re-drive (README "Re-drive dead letters"): the batch IDs of the dead letters whose reason holds a
 * text, written as a new inbox file. A success replaces the dead letter by a report.
 */
class RedriveTest extends PipelineTestSupport {

    /** The one-line command of the README, with OUT, INBOX and REASON set by the caller. */
    static final String REDRIVE = "grep -l -- \"$REASON\" \"$OUT\"/dead-letter/*.json | xargs -n1 basename"
            + " | sed 's/\\.json$//' > \"$INBOX/.redrive.tmp\" && mv \"$INBOX/.redrive.tmp\" \"$INBOX/redrive-$(date +%s).txt\"";

    @Test
    void deadLettersOfAGivenReasonAreRetrievedAgainFromADroppedInboxFile() throws Exception {
        FaultInjectionTest.batchOfKnownSize(simulator());
        simulator().faults().failNext(1000, 503, null);
        retrieve(FaultInjectionTest.BATCH);
        simulator().faults().reset();
        retrieve("01UNKNOWNREDRIVE000000404");
        assertThat(deadLetter(FaultInjectionTest.BATCH).path("reason").asText()).contains("503");
        assertThat(deadLetter("01UNKNOWNREDRIVE000000404").path("httpStatus").asInt()).isEqualTo(404);
        simulator().clearRequests();

        Files.createDirectories(inbox);
        ProcessBuilder command = new ProcessBuilder("sh", "-c", REDRIVE);
        command.environment().put("OUT", out.toString());
        command.environment().put("INBOX", inbox.toString());
        command.environment().put("REASON", "kept answering 503");
        Process redrive = command.inheritIO().start();
        assertThat(redrive.waitFor(10, TimeUnit.SECONDS) && redrive.exitValue() == 0).as("re-drive command").isTrue();

        awaitRedriveDone();
        assertThat(report(FaultInjectionTest.BATCH).path("status").asText()).isEqualTo("completed");
        assertThat(out.resolve("dead-letter").resolve(FaultInjectionTest.BATCH + ".json")).doesNotExist();
        assertThat(out.resolve("dead-letter").resolve("01UNKNOWNREDRIVE000000404.json"))
                .as("a dead letter of another reason stays").exists();
        assertThat(simulator().requests()).noneMatch(r -> r.path().contains("01UNKNOWNREDRIVE000000404"));
    }

    private void awaitRedriveDone() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> Files.isDirectory(inbox.resolve(".done")) && Files.list(inbox.resolve(".done"))
                        .anyMatch(p -> p.getFileName().toString().startsWith("redrive-")));
    }
}
