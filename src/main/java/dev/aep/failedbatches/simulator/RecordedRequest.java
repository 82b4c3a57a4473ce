package dev.aep.failedbatches.simulator;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One request the simulator received. {@code path} and {@code rawQuery} are as sent on the wire (not decoded);
 * header names are lower-case, with the first value of each header.
 */
public record RecordedRequest(String method, String path, String rawQuery, Map<String, String> headers, int status) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Redacts credentials so a logged RecordedRequest never leaks a token. */
    @Override
    public String toString() {
        String shownHeaders = headers.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getKey().equals("authorization") ? "<redacted>" : e.getValue()))
                .sorted()
                .collect(Collectors.joining(", ", "{", "}"));
        return "RecordedRequest[method=" + method + ", path=" + path + ", rawQuery=" + rawQuery
                + ", headers=" + shownHeaders + ", status=" + status + "]";
    }
}
