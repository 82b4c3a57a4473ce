package dev.aep.failedbatches.discovery;

import dev.aep.failedbatches.output.AtomicFiles;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The state of Catalog discovery (routes/discovery.camel.yaml): what the next list request asks for, and the watermark.
 * A run lists {@code created > watermark - overlap} in ascending {@code created} order, page by page; after a page has
 * been handed over completely, the watermark moves to the page's newest {@code created}. The overlap (at least 1 ms,
 * as {@code createdAfter} is exclusive) re-lists batches that share the watermark's millisecond, or that failed after
 * the watermark had passed their {@code created}; the IDs already handed over (a persistent idempotent repository)
 * keep those from going out twice.
 */
public class CatalogDiscovery {

    /** The largest page the Catalog serves: a shorter page is the last one. */
    public static final int PAGE_SIZE = 100;

    private Path stateDir;
    private String since = "PT24H";
    private String statuses = "failed,failure";
    private String datasets = "";
    private Duration overlap = Duration.ofHours(1);
    private String fileMode = AtomicFiles.DEFAULT_MODE;
    private Clock clock = Clock.systemUTC();
    /** when the running poll began, and the start of the last poll that listed and handed over everything */
    private volatile Instant pollStartedAt;
    private volatile Instant caughtUpTo;

    public void setStateDir(String stateDir) {
        this.stateDir = Path.of(stateDir);
    }

    public void setSince(String since) {
        this.since = since;
        sinceInstant();
    }

    public void setStatuses(String statuses) {
        this.statuses = csv(statuses);
    }

    public void setDatasets(String datasets) {
        this.datasets = csv(datasets);
    }

    public void setOverlap(String overlap) {
        Duration parsed = Duration.parse(overlap.strip());
        this.overlap = parsed.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : parsed;
    }

    public void setFileMode(String fileMode) {
        this.fileMode = fileMode;
    }

    void setClock(Clock clock) {
        this.clock = clock;
    }

    /** Starts a run: {@code createdAfter} from the watermark (or {@code since} on the very first run), offset 0. */
    public CatalogPoll begin() throws IOException {
        pollStartedAt = clock.instant();
        long after = watermark().read().stream().map(w -> w - overlap.toMillis())
                .findFirst().orElseGet(() -> sinceInstant().toEpochMilli() - 1);
        return CatalogPoll.from(after);
    }

    /** The query string of the next list request. */
    public String query(CatalogPoll poll) {
        StringBuilder query = new StringBuilder()
                .append("status=").append(encode(statuses))
                .append("&createdAfter=").append(poll.after())
                .append("&orderBy=asc:created")
                .append("&limit=").append(PAGE_SIZE)
                .append("&start=").append(poll.start());
        if (!datasets.isEmpty()) {
            query.append("&dataSet=").append(encode(datasets));
        }
        return query.toString();
    }

    /** The poll with the batches of a list page (an object keyed by batch ID), oldest first. */
    public CatalogPoll page(Map<String, Object> body, CatalogPoll poll) {
        List<DiscoveredBatch> page = new ArrayList<>();
        if (body != null) {
            body.forEach((id, batch) -> page.add(new DiscoveredBatch(id, created(batch))));
        }
        page.sort(Comparator.comparingLong(DiscoveredBatch::created).thenComparing(DiscoveredBatch::id));
        return poll.withPage(page, PAGE_SIZE);
    }

    /** Every batch of the page was handed over: the watermark moves to its newest {@code created}, the offset on. */
    public CatalogPoll pageHandedOver(CatalogPoll poll) throws IOException {
        long newest = poll.batches().stream().mapToLong(DiscoveredBatch::created).max().orElse(Long.MIN_VALUE);
        DiscoveryWatermark watermark = watermark();
        long current = watermark.read().orElse(Long.MIN_VALUE);
        if (newest > current) {
            watermark.write(newest);
        }
        return poll.next(PAGE_SIZE);
    }

    /** The poll listed every page and handed every batch over: every failed batch created before it began is found. */
    public void caughtUp(CatalogPoll poll) {
        caughtUpTo = pollStartedAt;
    }

    /**
     * Seconds from the time up to which discovery is complete to now: the start of the last complete poll of this
     * instance; before one (or on a follower), the shared watermark, else {@code since}. NaN if the watermark cannot
     * be read.
     */
    public double lagSeconds() {
        Instant upTo = caughtUpTo;
        if (upTo == null) {
            try {
                upTo = watermark().read().stream().mapToObj(Instant::ofEpochMilli).findFirst().orElseGet(this::sinceInstant);
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }
        return Math.max(0, Duration.between(upTo, clock.instant()).toMillis() / 1000.0);
    }

    private DiscoveryWatermark watermark() {
        if (stateDir == null) {
            throw new IllegalStateException("aepDiscovery.stateDir is not set");
        }
        return new DiscoveryWatermark(stateDir.resolve("discovery-watermark"),
                new AtomicFiles(AtomicFiles.parseMode(fileMode)));
    }

    /** {@code since} as an instant: an ISO-8601 duration back from now ({@code PT24H}) or an instant. */
    private Instant sinceInstant() {
        String value = since.strip();
        try {
            return value.startsWith("P") || value.startsWith("p")
                    ? clock.instant().minus(Duration.parse(value))
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("aep.discovery.since must be an ISO-8601 duration (PT24H) or instant"
                    + " (2026-01-31T00:00:00Z), not: " + since, e);
        }
    }

    private static long created(Object batch) {
        if (batch instanceof Map<?, ?> fields && fields.get("created") instanceof Number created) {
            return created.longValue();
        }
        throw new IllegalArgumentException("a Catalog batch without a numeric created time");
    }

    private static String csv(String value) {
        return value == null ? "" : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(","));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
