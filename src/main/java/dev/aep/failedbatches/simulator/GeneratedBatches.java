package dev.aep.failedbatches.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Deterministic, lazily generated failed batches for benchmarks: {@code batches} batches of {@code filesPerBatch}
 * NDJSON part files with {@code recordsPerFile} records each, plus optionally one batch ({@link #BIG_BATCH_ID}) with a
 * single file of about {@code bigFileBytes} bytes. Nothing is held in memory: every download generates its bytes as
 * they are sent, so a 1 GB file costs no heap.
 *
 * <p>Every record is a DCVS streaming-validation record shaped like the demo batch
 * {@code 01HZDCVS0STREAMING00000001} ({@code header}, {@code body.xdmEntity}, {@code _errors._streamingValidation})
 * with exactly <b>one</b> error entry, so one record = one error event (category {@code malformed-xdm}). Four
 * variants (DCVS-1106/1104/1103/1101, one with non-ASCII text) rotate. Variable fields ({@code _id}, {@code msgId},
 * {@code timestamp}) have a fixed width, so each variant has a fixed byte length: file lengths and byte offsets
 * (Range requests) are computed, not generated. Same parameters, same bytes, on every run.
 */
public final class GeneratedBatches {

    /** The id of the big-file batch, when {@code bigFileBytes > 0}. */
    public static final String BIG_BATCH_ID = "01HZBENCHBIGFILE0000000001";
    static final String BATCH_ID_PREFIX = "01HZBENCH";
    private static final int BIG_BATCH_INDEX = 999_999;
    private static final long BASE_EPOCH_SECOND = Instant.parse("2025-03-13T08:00:00Z").getEpochSecond();
    private static final int VARIANTS = 4;
    /** Byte length of each variant (all its records have it). */
    private static final int[] VARIANT_LENGTH = new int[VARIANTS];
    /** Bytes of one cycle of the four variants. */
    private static final long CYCLE_LENGTH;

    static {
        long cycle = 0;
        for (int v = 0; v < VARIANTS; v++) {
            int a = record(v, 0, 0, 0).length;
            int b = record(v, BIG_BATCH_INDEX, 99_999, 999_999_999L).length;
            if (a != b) {
                throw new IllegalStateException("generated record variant " + v + " has no fixed length: " + a + " vs " + b);
            }
            VARIANT_LENGTH[v] = a;
            cycle += a;
        }
        CYCLE_LENGTH = cycle;
    }

    private final int batches;
    private final int filesPerBatch;
    private final int recordsPerFile;
    private final long bigFileRecords;
    private final LongAdder bytesServed = new LongAdder();

    public GeneratedBatches(int batches, int filesPerBatch, int recordsPerFile, long bigFileBytes) {
        if (batches < 0 || batches >= BIG_BATCH_INDEX || filesPerBatch < 0 || filesPerBatch > 99_999
                || recordsPerFile < 0 || bigFileBytes < 0) {
            throw new IllegalArgumentException("batches 0..999998, files 0..99999, records >= 0, big file bytes >= 0");
        }
        this.batches = batches;
        this.filesPerBatch = filesPerBatch;
        this.recordsPerFile = recordsPerFile;
        long cycles = (bigFileBytes + CYCLE_LENGTH - 1) / CYCLE_LENGTH;
        this.bigFileRecords = Math.min(999_999_999L, cycles * VARIANTS);
    }

    /** Ids of the regular batches, in order: {@code 01HZBENCH} + a 17-digit number from 1. */
    public List<String> batchIds() {
        List<String> ids = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            ids.add(batchId(b));
        }
        return ids;
    }

    /** {@link #BIG_BATCH_ID}, or null when there is no big file. */
    public String bigBatchId() {
        return bigFileRecords > 0 ? BIG_BATCH_ID : null;
    }

    /** The part files of a batch in listing order (without the {@code _SUCCESS} marker). */
    public List<String> fileNames(String batchId) {
        int b = batchIndex(batchId);
        int count = b == BIG_BATCH_INDEX ? 1 : filesPerBatch;
        List<String> names = new ArrayList<>(count);
        for (int f = 0; f < count; f++) {
            names.add(fileName(b, f));
        }
        return names;
    }

    public long length(String batchId, String fileName) {
        return spec(batchId, fileName).length();
    }

    public long records(String batchId, String fileName) {
        return spec(batchId, fileName).records;
    }

    /** The whole file (not counted in {@link #bytesServed()}). */
    public InputStream open(String batchId, String fileName) {
        FileSpec spec = spec(batchId, fileName);
        return new RecordStream(spec, 0, spec.length(), null);
    }

    public int batchCount() {
        return batches;
    }

    public int filesPerBatch() {
        return filesPerBatch;
    }

    public int recordsPerFile() {
        return recordsPerFile;
    }

    /** Records (= error events) of all regular batches. */
    public long totalRecords() {
        return (long) batches * filesPerBatch * recordsPerFile;
    }

    /** Bytes of all regular batches' files. */
    public long totalBytes() {
        long total = 0;
        for (int b = 0; b < batches; b++) {
            for (int f = 0; f < filesPerBatch; f++) {
                total += new FileSpec(b, f, recordsPerFile).length();
            }
        }
        return total;
    }

    public long bigFileRecords() {
        return bigFileRecords;
    }

    public long bigFileBytes() {
        return bigFileRecords == 0 ? 0 : new FileSpec(BIG_BATCH_INDEX, 0, bigFileRecords).length();
    }

    /** Bytes of generated files written to clients by the simulator since the last {@link #resetBytesServed()}. */
    public long bytesServed() {
        return bytesServed.sum();
    }

    public void resetBytesServed() {
        bytesServed.reset();
    }

    /** Serves every generated batch from the simulator (replacing batches of the same id). */
    public void addTo(AepSimulator simulator) {
        for (int b = 0; b < batches; b++) {
            Map<String, BatchStore.GeneratedContent> files = new LinkedHashMap<>();
            for (int f = 0; f < filesPerBatch; f++) {
                files.put(fileName(b, f), content(new FileSpec(b, f, recordsPerFile)));
            }
            simulator.addGeneratedBatch(batchId(b), files);
        }
        if (bigFileRecords > 0) {
            Map<String, BatchStore.GeneratedContent> files = new LinkedHashMap<>();
            files.put(fileName(BIG_BATCH_INDEX, 0), content(new FileSpec(BIG_BATCH_INDEX, 0, bigFileRecords)));
            simulator.addGeneratedBatch(BIG_BATCH_ID, files);
        }
    }

    private BatchStore.GeneratedContent content(FileSpec spec) {
        return new BatchStore.GeneratedContent() {
            @Override
            public long length() {
                return spec.length();
            }

            @Override
            public InputStream open(long offset, long count) {
                return new RecordStream(spec, offset, count, bytesServed);
            }
        };
    }

    private FileSpec spec(String batchId, String fileName) {
        int b = batchIndex(batchId);
        List<String> names = fileNames(batchId);
        int f = names.indexOf(fileName);
        if (f < 0) {
            throw new IllegalArgumentException("no generated file " + fileName + " in batch " + batchId);
        }
        return new FileSpec(b, f, b == BIG_BATCH_INDEX ? bigFileRecords : recordsPerFile);
    }

    private int batchIndex(String batchId) {
        if (BIG_BATCH_ID.equals(batchId) && bigFileRecords > 0) {
            return BIG_BATCH_INDEX;
        }
        if (batchId != null && batchId.length() == 26 && batchId.startsWith(BATCH_ID_PREFIX)) {
            try {
                long n = Long.parseLong(batchId.substring(BATCH_ID_PREFIX.length()));
                if (n >= 1 && n <= batches) {
                    return (int) (n - 1);
                }
            } catch (NumberFormatException ignored) {
                // not one of ours
            }
        }
        throw new IllegalArgumentException("not a generated batch: " + batchId);
    }

    static String batchId(int b) {
        String n = Long.toString(b + 1L);
        return BATCH_ID_PREFIX + "0".repeat(17 - n.length()) + n;
    }

    /** Spark-style part names; all parts of a batch share one UUID, like one Spark job's output. */
    static String fileName(int b, int f) {
        long h = mix(b * 0x9E3779B97F4A7C15L + 0x51E0B2C4L);
        String hex = hex(h) + hex(mix(h));
        String uuid = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-8"
                + hex.substring(17, 20) + "-" + hex.substring(20, 32);
        String part = Integer.toString(f);
        return "part-" + "0".repeat(Math.max(0, 5 - part.length())) + part + "-" + uuid + "-c000.json";
    }

    /** One file: {@code records} records, variant of record i = (i + rotation) % 4. */
    private static final class FileSpec {
        final int batch;
        final int file;
        final long records;
        final int rotation;
        /** prefix[k] = bytes of the first k records of a cycle (k = 0..4). */
        final long[] prefix = new long[VARIANTS + 1];

        FileSpec(int batch, int file, long records) {
            this.batch = batch;
            this.file = file;
            this.records = records;
            this.rotation = (int) ((batch + (long) file) % VARIANTS);
            for (int k = 0; k < VARIANTS; k++) {
                prefix[k + 1] = prefix[k] + VARIANT_LENGTH[(k + rotation) % VARIANTS];
            }
        }

        long length() {
            return (records / VARIANTS) * CYCLE_LENGTH + prefix[(int) (records % VARIANTS)];
        }

        long start(long record) {
            return (record / VARIANTS) * CYCLE_LENGTH + prefix[(int) (record % VARIANTS)];
        }

        byte[] record(long i) {
            return GeneratedBatches.record((int) ((i + rotation) % VARIANTS), batch, file, i);
        }
    }

    /** {@code count} bytes of a file from {@code offset}, generated record by record. */
    private static final class RecordStream extends InputStream {
        private final FileSpec spec;
        private final LongAdder served;
        private long remaining;
        private long nextRecord;
        private byte[] current = new byte[0];
        private int pos;

        RecordStream(FileSpec spec, long offset, long count, LongAdder served) {
            long length = spec.length();
            if (offset < 0 || count < 0 || offset + count > length) {
                throw new IllegalArgumentException("range " + offset + "+" + count + " outside 0.." + length);
            }
            this.spec = spec;
            this.served = served;
            this.remaining = count;
            if (count > 0) {
                long cycle = offset / CYCLE_LENGTH;
                long rest = offset % CYCLE_LENGTH;
                int k = 0;
                while (spec.prefix[k + 1] <= rest) {
                    k++;
                }
                nextRecord = cycle * VARIANTS + k;
                current = spec.record(nextRecord++);
                pos = (int) (offset - spec.start(nextRecord - 1));
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (remaining <= 0) {
                return -1;
            }
            int written = 0;
            while (written < length && remaining > 0) {
                if (pos >= current.length) {
                    current = spec.record(nextRecord++);
                    pos = 0;
                }
                int n = (int) Math.min(Math.min(length - written, current.length - pos), remaining);
                System.arraycopy(current, pos, buffer, offset + written, n);
                pos += n;
                written += n;
                remaining -= n;
            }
            if (served != null) {
                served.add(written);
            }
            return written;
        }

        @Override
        public long skip(long n) {
            long skipped = 0;
            byte[] scratch = new byte[8192];
            while (skipped < n && remaining > 0) {
                int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
                if (r <= 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, Math.min(remaining, current.length - pos));
        }
    }

    // --- record content ---

    private static final String SCHEMA = "{\"id\":\"https://ns.adobe.com/demoorg/schemas/7f2c4d1e9a8b4c3d2e1f0a9b8c7d6e5f\","
            + "\"contentType\":\"application/vnd.adobe.xed-full+json;version=1\"}";

    /** One NDJSON line (with its newline): a DCVS record with one {@code _streamingValidation} entry. */
    static byte[] record(int variant, int batch, int file, long index) {
        long h1 = mix(((long) batch << 40) ^ ((long) file << 24) ^ index ^ 0x3F1A2B4C5D6EL);
        long h2 = mix(h1 ^ 0x4F708192A3B4L);
        String hex = hex(h1) + hex(h2);
        StringBuilder sb = new StringBuilder(1100);
        sb.append("{\"header\":{\"schemaRef\":").append(SCHEMA)
                .append(",\"imsOrgId\":\"DEMO0000000000000000000@AdobeOrg\",\"datasetId\":\"5deac2648a19d218a888d2b1\",")
                .append("\"source\":{\"name\":\"bench-web-sdk\"},\"msgId\":\"")
                .append(hex, 0, 8).append('-').append(hex, 8, 12).append("-4").append(hex, 13, 16).append("-8")
                .append(hex, 17, 20).append('-').append(hex, 20, 32)
                .append("\",\"msgVersion\":\"1.0\"},\"body\":{\"xdmMeta\":{\"schemaRef\":").append(SCHEMA)
                .append("},\"xdmEntity\":{\"_id\":\"evt-");
        pad(sb, batch, 6).append('-');
        pad(sb, file, 5).append('-');
        pad(sb, index, 9).append("\",\"timestamp\":\"").append(Instant.ofEpochSecond(BASE_EPOCH_SECOND + index)).append('"');
        switch (variant) {
            case 0 -> sb.append(",\"eventType\":\"commerce.purchases\",\"_experience\":{\"analytics\":{\"customDimensions\":")
                    .append("{\"eVars\":{\"eVar1\":\"spring-sale\"}}}}}},\"_errors\":{\"_streamingValidation\":[{")
                    .append("\"code\":\"DCVS-1106-400\",\"message\":\"The message cannot be validated because a required ")
                    .append("property is missing: #/_experience/analytics/customDimensions/eVars: required key [eVar14] not found.\"}]}}");
            case 1 -> sb.append(",\"eventType\":\"commerce.productViews\",\"productListItems\":\"SKU-1234\"}},")
                    .append("\"_errors\":{\"_streamingValidation\":[{\"code\":\"DCVS-1104-400\",\"message\":\"The message ")
                    .append("cannot be validated due to the data type error: #/productListItems: expected type: JSONArray, found: String.\"}]}}");
            case 2 -> sb.append(",\"eventType\":\"commerce.purchases\",\"commerce\":{\"order\":{\"currencyCode\":\"원\",")
                    .append("\"priceTotal\":15000}},\"productListItems\":[{\"name\":\"원두 커피 1kg\",\"SKU\":\"KR-COFFEE-1\",")
                    .append("\"quantity\":1}]}},\"_errors\":{\"_streamingValidation\":[{\"code\":\"DCVS-1103-400\",\"message\":")
                    .append("\"The message cannot be validated due to the pattern mismatch error: #/commerce/order/currencyCode: ")
                    .append("string [원] does not match pattern ^[A-Z]{3}$.\"}]}}");
            default -> sb.append(",\"eventType\":\"commerce.purchases\",\"commerce\":{\"order\":{\"currencyCode\":\"USD\",")
                    .append("\"priceTotal\":null}}}},\"_errors\":{\"_streamingValidation\":[{\"code\":\"DCVS-1101-400\",")
                    .append("\"message\":\"The message cannot be validated because a null value was found: ")
                    .append("#/commerce/order/priceTotal: expected type: Number, found: Null.\"}]}}");
        }
        sb.append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder pad(StringBuilder sb, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }

    /** SplitMix64 finaliser: a cheap, well-spread deterministic hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
