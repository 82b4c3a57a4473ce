package dev.aep.failedbatches.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void findsTheOutermostOfTheGivenTypesAndTheRoot() {
        IOException io = new IOException("reset", new IllegalStateException("inner"));
        RuntimeException wrapper = new RuntimeException("split", new UncheckedIOException(io));

        assertThat(Causes.chain(wrapper)).hasSize(4);
        assertThat(Causes.find(wrapper, IOException.class)).containsSame(io);
        assertThat(Causes.find(wrapper, IllegalArgumentException.class, IllegalStateException.class))
                .get().extracting(Throwable::getMessage).isEqualTo("inner");
        assertThat(Causes.find(wrapper, ArithmeticException.class)).isEmpty();
        assertThat(Causes.root(wrapper)).hasMessage("inner");
        assertThat(Causes.root(io.getCause())).isSameAs(io.getCause());
        assertThat(Causes.root(null)).isNull();
        assertThat(Causes.find(null, IOException.class)).isEmpty();
    }

    @Test
    void aChainThatLoopsBackEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(Causes.chain(a)).containsExactly(a, b);
            assertThat(Causes.find(a, IOException.class)).isEmpty();
            assertThat(Causes.root(a)).isSameAs(b);
        });
    }
}
