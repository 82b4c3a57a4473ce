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
        store.append(run, "part-0.json", List.of(event("malformed-xdm"), event("malformed-xdm")));

        assertThat(names()).allMatch(n -> n.contains("/.01B.jsonl.") && n.endsWith(".tmp"));
        store.append(run, "part-1.json", List.of(event("malformed-xdm")));
        store.append(run, "part-0.json", List.of(event("malformed-xdm")));

        store.complete(run);
        assertThat(names()).containsExactly("errors/malformed-xdm/01B.jsonl", "reports/01B.json");
        assertThat(Files.readAllLines(root.resolve("errors/malformed-xdm/01B.jsonl"))).hasSize(4);
    }

    @Test
    void eventsComeOutOrderedByFileInListingOrderWhateverOrderTheFilesWereWrittenIn() throws Exception {
        BatchOutputStore store = store();
        BatchRun run = store.begin("01B");
        run.registerFiles(List.of("a.json", "b.json", "c.json"));
        for (String file : List.of("c.json", "a.json", "b.json", "a.json")) {
            ErrorEvent e = event("malformed-xdm");
            e.setFile(file);
            store.append(run, file, List.of(e));
        }
        run.file("b.json").reset(); // b is read again from scratch after a broken download
        ErrorEvent again = event("malformed-xdm");
        again.setFile("b.json");
        store.append(run, "b.json", List.of(again));
        store.complete(run);

        assertThat(Files.readAllLines(root.resolve("errors/malformed-xdm/01B.jsonl")))
                .extracting(l -> l.replaceAll(".*\"file\":\"([^\"]+)\".*", "$1"))
                .containsExactly("a.json", "a.json", "b.json", "c.json");
        assertThat(run.fileErrors().keySet()).containsExactly("a.json", "b.json", "c.json");
        assertThat(names()).containsExactly("errors/malformed-xdm/01B.jsonl", "reports/01B.json");
    }

    @Test
    void aDeadLetterAbandonsTheRunsTemporaryFiles() throws Exception {
        BatchOutputStore store = store();
        BatchRun run = store.begin("01B");
        store.append(run, "part-0.json", List.of(event("unclassified")));
        store.deadLetter("01B", run, "retries exhausted", 503);

        assertThat(names()).containsExactly("dead-letter/01B.json");
    }

    @Test
    void onlyValidatedIdsAndCategoriesBecomePaths() {
        BatchOutputStore store = store();
        assertThatThrownBy(() -> store.begin("../../etc")).isInstanceOf(InvalidBatchIdException.class);
        BatchRun run = store.begin("01B");
        assertThatThrownBy(() -> store.append(run, "part-0.json", List.of(event("../x")))).hasMessageContaining("invalid category");
    }
}
