package dev.aep.failedbatches.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Data Access routes under {@code /data/foundation/export}: the failed-file listing and downloads. */
final class DataAccessHandler {

    static final String BASE_PATH = "/data/foundation/export";
    private static final Pattern FAILED = Pattern.compile(Pattern.quote(BASE_PATH) + "/batches/([^/]+)/failed/?");
    private static final Pattern META = Pattern.compile(Pattern.quote(BASE_PATH) + "/batches/([^/]+)/meta/?");
    private static final String ROW_ERRORS = "row_errors";
    private static final int MAX_LIMIT = 100;

    private final SimulatorSettings settings;
    private final BatchStore batches;
    private final SimulatorFaults faults;
    private final Supplier<String> baseUrl;

    DataAccessHandler(SimulatorSettings settings, BatchStore batches, SimulatorFaults faults, Supplier<String> baseUrl) {
        this.settings = settings;
        this.batches = batches;
        this.faults = faults;
        this.baseUrl = baseUrl;
    }

    /** True when the request downloads a file rather than listing (it carries {@code path=}). */
    static boolean isDownload(Map<String, String> query) {
        return query.containsKey("path");
    }

    SimulatorResponse handle(String method, String rawPath, Map<String, String> query, String rangeHeader) {
        Matcher meta = META.matcher(rawPath);
        if (meta.matches()) {
            return "GET".equals(method) ? meta(URLDecoder.decode(meta.group(1).replace("+", "%2B"), StandardCharsets.UTF_8), query)
                    : SimulatorResponse.error(405, "405", "Method not allowed").withHeader("Allow", "GET");
        }
        Matcher failed = FAILED.matcher(rawPath);
        if (!failed.matches()) {
            return SimulatorResponse.error(404, "404", "Not found");
        }
        if (!"GET".equals(method)) {
            return SimulatorResponse.error(405, "405", "Method not allowed").withHeader("Allow", "GET");
        }
        String batchId = URLDecoder.decode(failed.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        List<BatchStore.FailedFile> files = batches.files(batchId).orElse(null);
        if (files == null) {
            return SimulatorResponse.error(404, "404", "Batch not found");
        }
        return isDownload(query)
                ? download(files, query.get("path"), rangeHeader)
                : listing(batchId, files, query);
    }

    private SimulatorResponse listing(String batchId, List<BatchStore.FailedFile> files, Map<String, String> query) {
        if (files.isEmpty()) {
            return GatewayChecks.emptyListing(200);
        }
        int defaultLimit = Math.max(1, Math.min(MAX_LIMIT, settings.pageLimitDefault()));
        int limit;
        int start;
        try {
            limit = Math.min(MAX_LIMIT, parseNonNegative(query.get("limit"), defaultLimit));
            start = parseNonNegative(query.get("start"), 0);
        } catch (NumberFormatException e) {
            return SimulatorResponse.error(400, "400", "Invalid start or limit parameter");
        }
        if (limit == 0) {
            return SimulatorResponse.error(400, "400", "Invalid start or limit parameter");
        }
        String listingPath = BASE_PATH + "/batches/" + HttpExchanges.encode(batchId) + "/failed";
        String listingUrl = baseUrl.get() + listingPath;
        List<Object> data = new ArrayList<>();
        for (int i = start; i < files.size() && i < (long) start + limit; i++) {
            String name = files.get(i).name();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", name);
            item.put("length", Long.toString(files.get(i).length()));
            item.put("_links", Map.of("self", Map.of("href", listingUrl + "?path=" + HttpExchanges.encode(name))));
            data.add(item);
        }
        Map<String, Object> links = new LinkedHashMap<>();
        if ((long) start + limit < files.size()) {
            String nextRoot = faults.nextLinkBase() == null ? baseUrl.get() : faults.nextLinkBase();
            links.put("next", Map.of("href", nextRoot + listingPath + "?start=" + (start + limit) + "&limit=" + limit));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("href", listingUrl + "?start=" + start + "&limit=" + limit);
        page.put("templated", true);
        links.put("page", page);

        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("limit", limit);
        pageInfo.put("count", files.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("_page", pageInfo);
        body.put("_links", links);
        return SimulatorResponse.json(200, body);
    }

    /**
     * {@code meta?path=row_errors}: the diagnostics listing (one page; hrefs with {@code row_errors%2F<name>});
     * {@code meta?path=row_errors/<name>}: the file. No diagnostics (none, or expired after 30 days), another path, or a
     * path that arrives still encoded ({@code %252F} on the wire): 404 "The path is not found".
     */
    private SimulatorResponse meta(String batchId, Map<String, String> query) {
        List<BatchStore.FailedFile> files = batches.rowErrors(batchId).orElse(null);
        String path = query.get("path");
        if (files == null || path == null) {
            return SimulatorResponse.error(404, "404", "The path is not found");
        }
        if (path.equals(ROW_ERRORS) || path.equals(ROW_ERRORS + "/")) {
            String href = baseUrl.get() + BASE_PATH + "/batches/" + HttpExchanges.encode(batchId) + "/meta?path=";
            List<Object> data = new ArrayList<>();
            for (BatchStore.FailedFile file : files) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", file.name());
                item.put("length", Long.toString(file.length()));
                item.put("_links", Map.of("self", Map.of("href", href + HttpExchanges.encode(ROW_ERRORS + "/" + file.name()))));
                data.add(item);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("data", data);
            body.put("_page", Map.of("limit", MAX_LIMIT, "count", files.size()));
            return SimulatorResponse.json(200, body);
        }
        if (path.startsWith(ROW_ERRORS + "/")) {
            return download(files, path.substring(ROW_ERRORS.length() + 1), null);
        }
        return SimulatorResponse.error(404, "404", "The path is not found");
    }

    private SimulatorResponse download(List<BatchStore.FailedFile> files, String path, String rangeHeader) {
        BatchStore.FailedFile file = files.stream().filter(f -> f.name().equals(path)).findFirst().orElse(null);
        if (file == null) {
            return SimulatorResponse.error(404, "404", "The path is not found");
        }
        if (file.generated() != null) {
            return generatedDownload(file.generated(), rangeHeader);
        }
        byte[] content = file.content();
        ByteRange range = ByteRange.parse(rangeHeader, content.length);
        SimulatorResponse response;
        if (range == ByteRange.UNSATISFIABLE) {
            return SimulatorResponse.error(416, "416", "Range not satisfiable")
                    .withHeader("Content-Range", "bytes */" + content.length);
        } else if (range != null) {
            byte[] part = Arrays.copyOfRange(content, (int) range.first(), (int) range.last() + 1);
            response = SimulatorResponse.bytes(206, settings.downloadContentType(), part)
                    .withHeader("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + content.length);
        } else {
            response = SimulatorResponse.bytes(200, settings.downloadContentType(), content);
        }
        response = response.withHeader("Accept-Ranges", "bytes");
        return response.body().length > 0 && faults.takeTruncation() ? response.truncated() : response;
    }

    /** The same answers as for stored bytes, with a body streamed from the generator (never held in memory). */
    private SimulatorResponse generatedDownload(BatchStore.GeneratedContent content, String rangeHeader) {
        long length = content.length();
        ByteRange range = ByteRange.parse(rangeHeader, length);
        if (range == ByteRange.UNSATISFIABLE) {
            return SimulatorResponse.error(416, "416", "Range not satisfiable")
                    .withHeader("Content-Range", "bytes */" + length);
        }
        long first = range == null ? 0 : range.first();
        long count = range == null ? length : range.last() - range.first() + 1;
        SimulatorResponse response = SimulatorResponse.streamed(range == null ? 200 : 206, settings.downloadContentType(),
                new SimulatorResponse.StreamedBody() {
                    @Override
                    public long length() {
                        return count;
                    }

                    @Override
                    public InputStream open() throws IOException {
                        return content.open(first, count);
                    }
                });
        if (range != null) {
            response = response.withHeader("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + length);
        }
        response = response.withHeader("Accept-Ranges", "bytes");
        return count > 0 && faults.takeTruncation() ? response.truncated() : response;
    }

    /** Absent → default; otherwise a non-negative decimal integer or {@link NumberFormatException}. */
    private static int parseNonNegative(String value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        int parsed = Integer.parseInt(value.trim());
        if (parsed < 0) {
            throw new NumberFormatException("negative: " + value);
        }
        return parsed;
    }
}
