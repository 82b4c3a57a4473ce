package dev.aep.failedbatches.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** One entry of a failed-file listing. The name is only ever sent back URL-encoded, never used as a local path. */
public record FailedFile(String name, long length) {

    /** Query string that downloads this file. */
    public String downloadQuery() {
        return "path=" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
