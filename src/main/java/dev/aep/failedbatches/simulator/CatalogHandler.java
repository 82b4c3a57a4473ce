package dev.aep.failedbatches.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Catalog routes under {@code /data/foundation/catalog}: the batch list (filters, ordering, offset paging, answered as
 * an object keyed by batch ID without envelope or total) and one batch. Batches may be added while it serves.
 */
final class CatalogHandler {

    static final String BASE_PATH = "/data/foundation/catalog";
    private static final Pattern ONE = Pattern.compile(Pattern.quote(BASE_PATH) + "/batches/([^/]+)/?");
    private static final Pattern LIST = Pattern.compile(Pattern.quote(BASE_PATH) + "/batches/?");
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final SimulatorSettings settings;
    private final Map<String, CatalogBatch> batches = new ConcurrentHashMap<>();
    private volatile int holdFromStart = Integer.MAX_VALUE;
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private final AtomicInteger held = new AtomicInteger();

    CatalogHandler(SimulatorSettings settings) {
        this.settings = settings;
    }

    void put(CatalogBatch batch) {
        batches.put(batch.id(), batch);
    }

    void putIfAbsent(CatalogBatch batch) {
        batches.putIfAbsent(batch.id(), batch);
    }

    /** List requests with {@code start >= start} wait until {@link #release()}: a run stopped in its middle. */
    void holdListingsFrom(int start) {
        hold = new CountDownLatch(1);
        holdFromStart = start;
    }

    void release() {
        holdFromStart = Integer.MAX_VALUE;
        hold.countDown();
    }

    int heldListings() {
        return held.get();
    }

    static boolean handles(String rawPath) {
        return rawPath.equals(BASE_PATH) || rawPath.startsWith(BASE_PATH + "/");
    }

    SimulatorResponse handle(String method, String rawPath, Map<String, String> query) {
        if (!"GET".equals(method)) {
            return SimulatorResponse.error(405, "405", "Method not allowed").withHeader("Allow", "GET");
        }
        if (LIST.matcher(rawPath).matches()) {
            return list(query);
        }
        Matcher one = ONE.matcher(rawPath);
        if (one.matches()) {
            String id = URLDecoder.decode(one.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            CatalogBatch batch = batches.get(id);
            return batch == null ? SimulatorResponse.error(404, "404", "Batch not found")
                    : SimulatorResponse.json(200, Map.of(id, batch.toJson(settings)));
        }
        return SimulatorResponse.error(404, "404", "Not found");
    }

    private SimulatorResponse list(Map<String, String> query) {
        int limit;
        int start;
        Long after;
        Long before;
        try {
            limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit").trim()) : DEFAULT_LIMIT;
            start = query.containsKey("start") ? Integer.parseInt(query.get("start").trim()) : 0;
            after = optionalLong(query.get("createdAfter"));
            before = optionalLong(query.get("createdBefore"));
        } catch (NumberFormatException e) {
            return SimulatorResponse.error(400, "400", "Invalid query parameter");
        }
        if (limit < 1 || limit > MAX_LIMIT || start < 0) {
            return SimulatorResponse.error(400, "400", "Invalid limit or start parameter");
        }
        Comparator<CatalogBatch> order = order(query.getOrDefault("orderBy", "asc:created"));
        if (order == null) {
            return SimulatorResponse.error(400, "400", "Invalid orderBy parameter");
        }
        awaitHold(start);
        Predicate<CatalogBatch> filter = listFilter(query.get("status"), b -> b.status())
                .and(listFilter(query.get("dataSet"), CatalogBatch::datasetId))
                .and(b -> after == null || b.created() > after)
                .and(b -> before == null || b.created() < before);
        List<CatalogBatch> page = batches.values().stream().filter(filter).sorted(order)
                .skip(start).limit(limit).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        page.forEach(b -> body.put(b.id(), b.toJson(settings)));
        return SimulatorResponse.json(200, body);
    }

    private void awaitHold(int start) {
        if (start < holdFromStart) {
            return;
        }
        held.incrementAndGet();
        try {
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.decrementAndGet();
        }
    }

    /** {@code a,b} matches either value; {@code !a,b} (or {@code !a,!b}) matches neither. Absent: everything. */
    private static Predicate<CatalogBatch> listFilter(String value, java.util.function.Function<CatalogBatch, String> field) {
        if (value == null || value.isBlank()) {
            return b -> true;
        }
        boolean negated = value.strip().startsWith("!");
        Set<String> values = Arrays.stream(value.split(",")).map(String::strip).map(v -> v.startsWith("!") ? v.substring(1) : v)
                .filter(v -> !v.isEmpty()).collect(Collectors.toSet());
        return negated ? b -> !values.contains(field.apply(b)) : b -> values.contains(field.apply(b));
    }

    /** {@code asc|desc:created}; ties keep a stable order (by ID), as a database index would. */
    private static Comparator<CatalogBatch> order(String orderBy) {
        String[] parts = orderBy.split(":", 2);
        String direction = parts.length == 2 ? parts[0] : "asc";
        String field = parts.length == 2 ? parts[1] : parts[0];
        if (!"created".equals(field)) {
            return null;
        }
        Comparator<CatalogBatch> byCreated = Comparator.comparingLong(CatalogBatch::created);
        Comparator<CatalogBatch> ordered = switch (direction) {
            case "asc" -> byCreated;
            case "desc" -> byCreated.reversed();
            default -> null;
        };
        return ordered == null ? null : ordered.thenComparing(CatalogBatch::id);
    }

    private static Long optionalLong(String value) {
        return value == null || value.isBlank() ? null : Long.parseLong(value.trim());
    }
}
