package dev.aep.failedbatches.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One file to download from {@code /batches/{id}/<folder>}: a failed file ({@code failed}) or an error-diagnostics
 * file ({@code meta}, named {@code row_errors/<name>}). The name is only ever sent back URL-encoded (a {@code /} as
 * {@code %2F}, as AEP's own hrefs), never used as a local path.
 */
public record FailedFile(String name, long length, String folder) {

    public static final String FAILED = "failed";

    public FailedFile(String name, long length) {
        this(name, length, FAILED);
    }

    /** Query string that downloads this file. */
    public String downloadQuery() {
        return "path=" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
