package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.errors.FailedFileReader;
import dev.aep.failedbatches.errors.FailedRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordChunksTest {

    @Test
    void aChunkEndsOnceItsRecordsTookMaxCharsOfInputSoLongRecordsAreNeverHeldByTheHundred() {
        String line = "{\"v\":\"" + "x".repeat(990) + "\"}\n"; // 999 characters
        String file = line.repeat(200);
        RecordChunks chunks = new RecordChunks(new FailedFileReader(20_000), 200);

        List<Integer> sizes = new ArrayList<>();
        int records = 0;
        for (Iterator<List<FailedRecord>> it = chunks.chunks(stream(file)); it.hasNext(); ) {
            List<FailedRecord> chunk = it.next();
            sizes.add(chunk.size());
            records += chunk.size();
        }

        assertThat(records).isEqualTo(200);
        // input is read ahead in blocks of 16 KB, so a chunk's input is measured to within one block
        assertThat(sizes).allSatisfy(size -> assertThat(size * 999).isLessThanOrEqualTo(20_000 + 2 * 16 * 1024));
        assertThat(sizes).hasSizeGreaterThan(1);
    }

    @Test
    void smallRecordsComeByChunkSize() {
        String file = "{\"a\":1}\n".repeat(450);
        RecordChunks chunks = new RecordChunks(new FailedFileReader(), 200);

        List<Integer> sizes = new ArrayList<>();
        chunks.chunks(stream(file)).forEachRemaining(chunk -> sizes.add(chunk.size()));

        assertThat(sizes).containsExactly(200, 200, 50);
    }

    private static ByteArrayInputStream stream(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
}
