package dev.aep.failedbatches.overview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OverviewMessageTest {

    @Test
    void readsTheTopLevelMessageWhereverItIs() throws Exception {
        assertThat(OverviewScan.messageOf("{\"batchId\":\"B\",\"message\":\"required key [eVar14] not found\",\"line\":1}"))
                .isEqualTo("required key [eVar14] not found");
        assertThat(OverviewScan.messageOf("{\"extra\":{\"message\":\"nested\"},\"list\":[{\"message\":\"x\"}],"
                + "\"message\":\"top \\u00e9\"}")).isEqualTo("top é");
    }

    @Test
    void aLineWithoutAStringMessageCountsAsEmpty() throws Exception {
        assertThat(OverviewScan.messageOf("{\"batchId\":\"B\"}")).isEmpty();
        assertThat(OverviewScan.messageOf("{\"message\":null}")).isEmpty();
        assertThat(OverviewScan.messageOf("{\"message\":{\"text\":\"t\"}}")).isEmpty();
        assertThat(OverviewScan.messageOf("[\"message\"]")).isEmpty();
        assertThat(OverviewScan.messageOf("{\"message\":42}")).isEqualTo("42");
    }
}
