package dev.aep.failedbatches.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Iterator;

/**
 * Reads the records of a failed file downloaded from AEP, streaming: the file is never loaded whole.
 *
 * <p>Accepted shapes: NDJSON (one JSON value per line; blank lines skipped; a bad line becomes a record with a
 * parse error and reading goes on) and one or more pretty-printed JSON documents (recognised when the first
 * non-blank line is not a complete JSON value by itself; a parse error there becomes the last record). A top-level
 * array is flattened into its elements. The input is UTF-8; a byte order mark is skipped and malformed bytes are
 * replaced. A line (or pretty-printed record) longer than 50 million characters becomes a parse-error record.
 */
public final class FailedFileReader {
    static final int MAX_RECORD_CHARS = 50_000_000;

    private final ObjectMapper mapper;
    private final int maxRecordChars;

    public FailedFileReader() {
        this(MAX_RECORD_CHARS);
    }

    FailedFileReader(int maxRecordChars) {
        this.mapper = SafeJson.newMapper();
        this.maxRecordChars = maxRecordChars;
    }

    /**
     * Lazily reads the records of one failed file. The returned iterator also implements {@link java.io.Closeable};
     * it closes the stream when exhausted or closed. A failure of the stream itself is thrown as
     * {@link java.io.UncheckedIOException} from {@code hasNext()}/{@code next()}.
     */
    public Iterator<FailedRecord> records(InputStream in) {
        return new FailedRecordIterator(in, mapper, maxRecordChars);
    }
}
