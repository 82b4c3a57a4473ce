package dev.aep.failedbatches.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aep.failedbatches.errors.ErrorEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchOutputStoreTest {

    @TempDir
    Path root;

    private BatchOutputStore store() {
        return new BatchOutputStore(root, List.of("malformed-xdm", "unclassified"), Clock.systemUTC());
    }

    private static ErrorEvent event(String category) {
        ErrorEvent e = new ErrorEvent();
        e.setBatchId("01B");
        e.setCategory(category);
        e.setMessage("m");
        return e;
    }

    private List<String> names() throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void nothingVisibleUntilTheRunCompletes() throws Exception {
        BatchOutputStore store = store();
        BatchRun run = store.begin("01B");
        store.append(run, List.of(event("malformed-xdm"), event("malformed-xdm")));

        assertThat(names()).allMatch(n -> n.contains("/.01B.jsonl.") && n.endsWith(".tmp"));

        store.complete(run);
        assertThat(names()).containsExactly("errors/malformed-xdm/01B.jsonl", "reports/01B.json");
        assertThat(Files.readAllLines(root.resolve("errors/malformed-xdm/01B.jsonl"))).hasSize(2);
    }

    @Test
    void aDeadLetterAbandonsTheRunsTemporaryFiles() throws Exception {
        BatchOutputStore store = store();
        BatchRun run = store.begin("01B");
        store.append(run, List.of(event("unclassified")));
        store.deadLetter("01B", run, "retries exhausted", 503);

        assertThat(names()).containsExactly("dead-letter/01B.json");
    }

    @Test
    void onlyValidatedIdsAndCategoriesBecomePaths() {
        BatchOutputStore store = store();
        assertThatThrownBy(() -> store.begin("../../etc")).isInstanceOf(InvalidBatchIdException.class);
        BatchRun run = store.begin("01B");
        assertThatThrownBy(() -> store.append(run, List.of(event("../x")))).hasMessageContaining("invalid category");
    }
}
