package dev.aep.failedbatches.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.inbox.BatchIdMessage;
import org.junit.jupiter.api.Test;

class BatchIdMessageTest {

    @Test
    void plainAndJsonIdsAreAcceptedEverythingElseSaysWhy() {
        assertThat(BatchIdMessage.parse(" 01ABC \n").value()).isEqualTo("01ABC");
        assertThat(BatchIdMessage.parse("{\"batchId\":\"01ABC\"}").value()).isEqualTo("01ABC");
        assertThat(BatchIdMessage.parse("{\"batchId\":42}").reason()).contains("without a string batchId");
        assertThat(BatchIdMessage.parse("{oops").reason()).contains("not valid JSON");
        assertThat(BatchIdMessage.parse("a/b").reason()).contains("not a valid batch ID");
        assertThat(BatchIdMessage.parse("").isBatchId()).isFalse();
        assertThat(BatchIdMessage.parse("x".repeat(70_000)).reason()).contains("larger than");
    }
}
