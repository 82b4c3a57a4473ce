package dev.aep.failedbatches.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aep.failedbatches.inbox.BatchIdMessage;
import dev.aep.failedbatches.inbox.InboxLine;
import org.junit.jupiter.api.Test;

class BatchIdTest {

    @Test
    void lettersDigitsAndDashesUpTo64() {
        assertThat(BatchId.isValid("01JP8GQ7G4F4HH99114EKQCNKH")).isTrue();
        assertThat(BatchId.isValid("a-b")).isTrue();
        assertThat(BatchId.isValid("a".repeat(64))).isTrue();
        assertThat(BatchId.isValid("a".repeat(65))).isFalse();
        assertThat(BatchId.isValid("")).isFalse();
        assertThat(BatchId.isValid(null)).isFalse();
        assertThat(BatchId.isValid("../etc")).isFalse();
        assertThat(BatchId.isValid("a_b")).isFalse();
        assertThat(BatchId.isValid("ab\n")).isFalse();
    }

    @Test
    void requireNamesTheRuleAndCutsTheValueShort() {
        assertThat(BatchId.require("a-1")).isEqualTo("a-1");
        assertThatThrownBy(() -> BatchId.require("x/".repeat(100))).isInstanceOf(InvalidBatchIdException.class)
                .hasMessage("not a valid batch ID (expected ^[A-Za-z0-9-]{1,64}$): " + "x/".repeat(40) + "...");
        assertThatThrownBy(() -> BatchId.require(null)).hasMessageEndingWith(": null");
    }

    @Test
    void inboxLinesAndQueueMessagesFollowTheSameRule() {
        String tooLong = "a".repeat(65);
        assertThat(InboxLine.of(tooLong, 1).isInvalid()).isTrue();
        assertThat(InboxLine.of("a".repeat(64), 1).isBatchId()).isTrue();
        assertThat(BatchIdMessage.parse(tooLong).reason()).isEqualTo(BatchId.INVALID);
        assertThat(BatchIdMessage.parse("{\"batchId\":\"" + "a".repeat(64) + "\"}").value()).isEqualTo("a".repeat(64));
    }
}
