package dev.aep.failedbatches.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;

/**
 * Reads the records of a failed file downloaded from AEP, streaming: the file is never loaded whole.
 *
 * <p>Accepted shapes: NDJSON (one JSON value per line; blank lines skipped; a bad line becomes a record with a
 * parse error and reading goes on) and one or more pretty-printed JSON documents (recognised when the first
 * non-blank line is not a complete JSON value by itself; a parse error there becomes the last record). A top-level
 * array is flattened into its elements. The input is UTF-8; a byte order mark is skipped and malformed bytes are
 * replaced.
 *
 * <p>A record (an NDJSON line, or a pretty-printed document) longer than {@code maxRecordChars}
 * ({@code aep.records.max-chars}) is never held in memory: it becomes a parse-error record naming its line, and an
 * NDJSON file is read on from the next line.
 */
public final class FailedFileReader {
    public static final int DEFAULT_MAX_RECORD_CHARS = 1_000_000;

    private final ObjectMapper mapper;
    private final int maxRecordChars;
    private final boolean streamingEntries;

    public FailedFileReader() {
        this(DEFAULT_MAX_RECORD_CHARS);
    }

    public FailedFileReader(int maxRecordChars) {
        this(SafeJson.newMapper(checked(maxRecordChars)), maxRecordChars, false);
    }

    private static int checked(int maxRecordChars) {
        if (maxRecordChars < 1) {
            throw new IllegalArgumentException("aep.records.max-chars must be at least 1, was: " + maxRecordChars);
        }
        return maxRecordChars;
    }

    private FailedFileReader(ObjectMapper mapper, int maxRecordChars, boolean streamingEntries) {
        this.mapper = mapper;
        this.maxRecordChars = maxRecordChars;
        this.streamingEntries = streamingEntries;
    }

    /**
     * This reader, but the NDJSON records of the common shape come with their error entries read in one streaming
     * pass ({@link FailedRecord#entries()}, no tree): what the pipeline reads. Other records are trees as before.
     */
    public FailedFileReader withStreamingEntries() {
        return new FailedFileReader(mapper, maxRecordChars, true);
    }

    /** The most characters one record may have. */
    public int maxRecordChars() {
        return maxRecordChars;
    }

    /**
     * Lazily reads the records of one failed file; closing the result, or reading it to the end, closes the stream.
     * A failure of the stream itself is thrown as {@link java.io.UncheckedIOException} from
     * {@code hasNext()}/{@code next()}.
     */
    public FailedRecords records(InputStream in) {
        return new FailedRecordIterator(in, mapper, maxRecordChars, streamingEntries);
    }
}
