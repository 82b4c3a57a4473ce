package dev.aep.failedbatches.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aep.failedbatches.simulator.GeneratedBatches;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CPU limit of the benchmark: parses the very bytes the simulator serves ({@link GeneratedBatches} with the same
 * parameters, so the same deterministic content) with Jackson, in memory, on one thread, no network, no output.
 *
 * <ul>
 *   <li>{@code stream}: a raw {@link JsonParser} over each file (NDJSON = a sequence of root values): every token,
 *       every string materialised; counts records and {@code _streamingValidation} entries (= events).</li>
 *   <li>{@code tree}: for information, one {@code ObjectMapper.readTree} per line, the way the pipeline builds a
 *       record (bytes decoded to a String per line first).</li>
 * </ul>
 *
 * Files are generated once into memory (not timed; at most {@code --max-mb} MiB, the first files when there are more).
 * Per mode: untimed warm-up passes for 2 s, then {@code --passes} timed passes, each repeating the data set for at
 * least 1 s (so small data sets are measured warm too); the median time per data set is reported as
 * {@code RAWPARSE mode=... bytes=... records=... events=... seconds=... mbps=... eps=...} (MiB/s, events/s).
 *
 * <p>Usage: {@code java -cp target/aep-failed-batches-runnable.jar:bench/.build/classes dev.aep.failedbatches.bench.RawParse
 * --batches N --files M --records K [--passes 3] [--max-mb 1024] [--modes stream,tree]}
 */
public final class RawParse {

    private RawParse() {
    }

    public static void main(String[] args) throws IOException {
        int batches = 10;
        int files = 2;
        int records = 100;
        int passes = 3;
        long maxMb = 1024;
        String modes = "stream,tree";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--batches" -> batches = Integer.parseInt(args[i + 1]);
                case "--files" -> files = Integer.parseInt(args[i + 1]);
                case "--records" -> records = Integer.parseInt(args[i + 1]);
                case "--passes" -> passes = Integer.parseInt(args[i + 1]);
                case "--max-mb" -> maxMb = Long.parseLong(args[i + 1]);
                case "--modes" -> modes = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        GeneratedBatches generated = new GeneratedBatches(batches, files, records, 0);
        List<byte[]> data = new ArrayList<>();
        long bytes = 0;
        long cap = maxMb * 1024 * 1024;
        outer:
        for (String batchId : generated.batchIds()) {
            for (String file : generated.fileNames(batchId)) {
                if (bytes + generated.length(batchId, file) > cap) {
                    System.err.println("RawParse: capped at " + maxMb + " MiB (" + data.size() + " files)");
                    break outer;
                }
                try (InputStream in = generated.open(batchId, file)) {
                    byte[] content = in.readAllBytes();
                    data.add(content);
                    bytes += content.length;
                }
            }
        }
        for (String mode : modes.split(",")) {
            String m = mode.strip();
            // Warm-up: whole passes until the JIT has had WARMUP_NANOS (small data sets are parsed many times).
            Result result = run(m, data);
            long warmStart = System.nanoTime();
            while (System.nanoTime() - warmStart < WARMUP_NANOS) {
                result = run(m, data);
            }
            // Each timed pass repeats the data set until MIN_PASS_NANOS have elapsed; seconds = per data set.
            double[] seconds = new double[Math.max(1, passes)];
            for (int p = 0; p < seconds.length; p++) {
                int repeats = 0;
                long start = System.nanoTime();
                long elapsed;
                do {
                    result = run(m, data);
                    repeats++;
                    elapsed = System.nanoTime() - start;
                } while (elapsed < MIN_PASS_NANOS);
                seconds[p] = elapsed / 1e9 / repeats;
            }
            Arrays.sort(seconds);
            double median = seconds[seconds.length / 2];
            System.out.printf(java.util.Locale.ROOT,
                    "RAWPARSE mode=%s bytes=%d records=%d events=%d seconds=%.4f mbps=%.1f eps=%.0f passes=%d%n",
                    m, bytes, result.records, result.events, median, bytes / 1048576.0 / median,
                    result.events / median, seconds.length);
        }
    }

    private static final long WARMUP_NANOS = 2_000_000_000L;
    private static final long MIN_PASS_NANOS = 1_000_000_000L;

    private record Result(long records, long events, long checksum) {
    }

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Result run(String mode, List<byte[]> data) throws IOException {
        return switch (mode) {
            case "stream" -> stream(data);
            case "tree" -> tree(data);
            default -> throw new IllegalArgumentException("mode stream or tree: " + mode);
        };
    }

    /** Every token of every file; strings decoded; events = objects directly inside a _streamingValidation array. */
    private static Result stream(List<byte[]> data) throws IOException {
        long records = 0;
        long events = 0;
        long checksum = 0;
        for (byte[] content : data) {
            try (JsonParser parser = FACTORY.createParser(content)) {
                int depth = 0;
                int errorsArrayDepth = -1;
                String field = null;
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    switch (token) {
                        case START_OBJECT -> {
                            if (errorsArrayDepth >= 0 && depth == errorsArrayDepth + 1) {
                                events++;
                            }
                            depth++;
                        }
                        case START_ARRAY -> {
                            if ("_streamingValidation".equals(field)) {
                                errorsArrayDepth = depth;
                            }
                            depth++;
                        }
                        case END_OBJECT, END_ARRAY -> {
                            depth--;
                            if (depth == errorsArrayDepth) {
                                errorsArrayDepth = -1;
                            }
                            if (depth == 0) {
                                records++;
                            }
                        }
                        case FIELD_NAME -> field = parser.currentName();
                        case VALUE_STRING -> checksum += parser.getText().length();
                        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> checksum += parser.getNumberValue().hashCode();
                        default -> {
                        }
                    }
                }
            }
        }
        return new Result(records, events, checksum);
    }

    /** One readTree per non-blank line, as the pipeline does; events = _errors._streamingValidation entries. */
    private static Result tree(List<byte[]> data) throws IOException {
        long records = 0;
        long events = 0;
        for (byte[] content : data) {
            String text = new String(content, StandardCharsets.UTF_8);
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    end = text.length();
                }
                if (end > start) {
                    JsonNode node = MAPPER.readTree(text.substring(start, end));
                    records++;
                    events += node.path("_errors").path("_streamingValidation").size();
                }
                start = end + 1;
            }
        }
        return new Result(records, events, 0);
    }
}
