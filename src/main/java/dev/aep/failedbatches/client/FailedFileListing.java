package dev.aep.failedbatches.client;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Collects the pages of {@code GET /batches/{id}/failed} into one list of part files. The next page is taken from
 * {@code _links.next.href}, but only its {@code start} is used: the request always goes to the configured gateway, so a
 * listing can never send the token elsewhere.
 */
public final class FailedFileListing {

    public static final String FILES = "aepFiles";
    public static final String NEXT_QUERY = "aepNextQuery";
    private static final String SEEN_STARTS = "aepSeenStarts";
    private static final int MAX_PAGES = 10_000;

    private final int pageSize;

    public FailedFileListing(int pageSize) {
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("aep.api.page-size must be 1..100, was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    public void start(Exchange exchange) {
        exchange.setProperty(FILES, new LinkedHashMap<String, FailedFile>());
        exchange.setProperty(SEEN_STARTS, new ArrayList<String>());
        exchange.setProperty(NEXT_QUERY, query("0"));
    }

    @SuppressWarnings("unchecked")
    public void addPage(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (!(body instanceof Map<?, ?> page) || !(page.get("data") instanceof List<?> data)) {
            throw new IllegalStateException("unreadable failed-file listing: no data array");
        }
        Map<String, FailedFile> files = exchange.getProperty(FILES, Map.class);
        for (Object item : data) {
            if (item instanceof Map<?, ?> entry && entry.get("name") instanceof String name && !name.isEmpty()) {
                long length = parseLength(entry.get("length"));
                if (!"_SUCCESS".equals(name) && length != 0) {
                    files.putIfAbsent(name, new FailedFile(name, length));
                }
            }
        }
        String nextStart = nextStart(page);
        List<String> seen = exchange.getProperty(SEEN_STARTS, List.class);
        if (nextStart != null && (seen.contains(nextStart) || seen.size() >= MAX_PAGES)) {
            throw new IllegalStateException("failed-file listing does not advance (start=" + nextStart + ")");
        }
        if (nextStart != null) {
            seen.add(nextStart);
        }
        exchange.setProperty(NEXT_QUERY, nextStart == null ? null : query(nextStart));
    }

    /** The part files to download, in listing order. */
    @SuppressWarnings("unchecked")
    public List<FailedFile> files(Exchange exchange) {
        return new ArrayList<>(exchange.getProperty(FILES, Map.class).values());
    }

    private String query(String start) {
        return "start=" + URLEncoder.encode(start, StandardCharsets.UTF_8) + "&limit=" + pageSize;
    }

    private static String nextStart(Map<?, ?> page) {
        if (page.get("_links") instanceof Map<?, ?> links && links.get("next") instanceof Map<?, ?> next
                && next.get("href") instanceof String href && !href.isBlank()) {
            String query = URI.create(href.trim()).getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && "start".equals(pair.substring(0, eq))) {
                        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    }
                }
            }
            throw new IllegalStateException("failed-file listing has a next link without start: " + href);
        }
        return null;
    }

    private static long parseLength(Object length) {
        if (length instanceof Number n) {
            return n.longValue();
        }
        try {
            return length == null ? -1 : Long.parseLong(length.toString().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
