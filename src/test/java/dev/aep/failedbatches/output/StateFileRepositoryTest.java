package dev.aep.failedbatches.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileRepositoryTest {

    @TempDir
    Path dir;

    /** Counts Camel's whole-file lookups. */
    static final class CountingRepository extends StateFileRepository {
        final AtomicInteger scans = new AtomicInteger();

        @Override
        boolean scanStore(String key) {
            scans.incrementAndGet();
            return super.scanStore(key);
        }
    }

    private CountingRepository started(Path store, int cacheSize) throws Exception {
        CountingRepository repository = new CountingRepository();
        repository.setFileStore(store.toFile());
        repository.setCacheSize(cacheSize);
        repository.start();
        return repository;
    }

    @Test
    void aNewKeyCostsNoReadOfTheFileWhileTheCacheHoldsIt() throws Exception {
        Path store = dir.resolve("done.txt");
        Files.write(store, List.of("a", "b", "c"));
        CountingRepository repository = started(store, 100);

        for (int i = 0; i < 50; i++) {
            assertThat(repository.contains("new-" + i)).isFalse();
            assertThat(repository.add("new-" + i)).isTrue();
        }

        assertThat(repository.contains("b")).as("a key of the file, loaded at start").isTrue();
        assertThat(repository.add("new-7")).as("a key added before").isFalse();
        assertThat(repository.scans).as("whole-file lookups").hasValue(0);
        assertThat(Files.readAllLines(store)).hasSize(53).contains("new-0", "new-49");
        repository.stop();
    }

    @Test
    void onceTheCacheIsFullAKeyItDroppedIsStillFoundInTheFile() throws Exception {
        Path store = dir.resolve("done.txt");
        Files.write(store, List.of("a", "b", "c", "d", "e"));
        CountingRepository repository = started(store, 3);

        assertThat(repository.contains("a")).as("dropped from the cache when the file was loaded").isTrue();
        assertThat(repository.add("a")).isFalse();
        assertThat(repository.contains("z")).isFalse();
        assertThat(repository.scans.get()).isPositive();
        repository.stop();
    }

    @Test
    void cachedOnlyForgetsWhatTheFullCacheDroppedWithoutReadingTheFile() throws Exception {
        Path store = dir.resolve("seen.txt");
        Files.write(store, List.of("a", "b", "c", "d", "e"));
        CountingRepository repository = new CountingRepository();
        repository.setFileStore(store.toFile());
        repository.setCacheSize(3);
        repository.setCachedOnly(true);
        repository.start();

        assertThat(repository.contains("e")).as("among the most recent 3").isTrue();
        assertThat(repository.contains("a")).as("dropped when the file was loaded").isFalse();
        assertThat(repository.add("f")).isTrue();
        assertThat(repository.scans).hasValue(0);
        repository.stop();
    }

    @Test
    void keysAddedAfterStartSurviveARestart() throws Exception {
        Path store = dir.resolve("done.txt");
        CountingRepository first = started(store, 100);
        first.add("x");
        first.add("y");
        first.stop();

        CountingRepository second = started(store, 100);
        assertThat(second.contains("x")).isTrue();
        assertThat(second.contains("y")).isTrue();
        assertThat(second.contains("z")).isFalse();
        assertThat(second.scans).hasValue(0);
        second.stop();
    }
}
