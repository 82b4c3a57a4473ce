package dev.aep.failedbatches.client;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Bean {@code aepListing}: the pages of {@code GET /batches/{id}/failed} gathered into one {@link Listing}, the body
 * of the listing loop in {@code routes/retrieve-batch.camel.yaml}. Each page is enriched into it (this is the
 * aggregation strategy). The next page is taken from {@code _links.next.href}, but only its {@code start} is used: the
 * request always goes to the configured gateway, so a listing can never send the token elsewhere.
 */
public final class FailedFileListing implements AggregationStrategy {

    private static final int MAX_PAGES = 10_000;

    private final int pageSize;
    private final String folder;
    private final String queryPrefix;
    private final String namePrefix;

    public FailedFileListing(int pageSize) {
        this(pageSize, FailedFile.FAILED, "", "");
    }

    /**
     * The listing of {@code /batches/{id}/<folder>?<queryPrefix>start=..&limit=..}, whose files are downloaded from
     * the same folder as {@code path=<namePrefix><name>}; e.g. {@code meta}, {@code path=row_errors&} and {@code row_errors/}.
     */
    public FailedFileListing(int pageSize, String folder, String queryPrefix, String namePrefix) {
        this.folder = folder;
        this.queryPrefix = queryPrefix;
        this.namePrefix = namePrefix;
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("aep.api.page-size must be 1..100, was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /** The listing before its first page. */
    /*
     * The routes ask these of the bean, not of the listing (${body.hasNext()}): Camel introspects the class of every
     * new object an OGNL call is made on (BeanInfo is cached per instance), which cost a third of the CPU per request.
     */
    public boolean hasNext(Listing listing) {
        return listing.hasNext();
    }

    public String nextQuery(Listing listing) {
        return listing.nextQuery();
    }

    public List<FailedFile> files(Listing listing) {
        return listing.files();
    }

    public Listing start() {
        return new Listing(new LinkedHashMap<>(), query("0"), new ArrayList<>(), false);
    }

    /** Adds the page that the enriched route answered (JSON already unmarshalled) to the listing in the body. */
    @Override
    public Exchange aggregate(Exchange listingExchange, Exchange pageExchange) {
        if (pageExchange.getException() != null) {
            // the page failed after its own retries (aep-get): the listing fails with it, keeps its own body, and is
            // not retried again by the caller
            listingExchange.setException(pageExchange.getException());
            listingExchange.getExchangeExtension().setRedeliveryExhausted(true);
            return listingExchange;
        }
        Listing listing = listingExchange.getIn().getBody(Listing.class);
        listingExchange.getIn().setBody(addPage(listing, pageExchange.getIn().getBody()));
        return listingExchange;
    }

    /**
     * An aggregation strategy for a listing whose 404 is an answer, not a failure (error diagnostics, gone after AEP's
     * 30 days): the listing ends {@code gone}, without files; any other failure fails it as {@link #aggregate} does.
     */
    public AggregationStrategy missingAsGone() {
        return (listingExchange, pageExchange) -> {
            Throwable failure = pageExchange.getException();
            if (failure != null && HttpFailures.status(failure) == 404) {
                listingExchange.getIn().setBody(new Listing(new LinkedHashMap<>(), null, new ArrayList<>(), true));
                return listingExchange;
            }
            return aggregate(listingExchange, pageExchange);
        };
    }

    Listing addPage(Listing listing, Object body) {
        if (!(body instanceof Map<?, ?> page) || !(page.get("data") instanceof List<?> data)) {
            throw new IllegalStateException("unreadable failed-file listing: no data array");
        }
        Map<String, FailedFile> files = listing.byName();
        for (Object item : data) {
            if (item instanceof Map<?, ?> entry && entry.get("name") instanceof String name && !name.isEmpty()) {
                long length = parseLength(entry.get("length"));
                if (!"_SUCCESS".equals(name) && length != 0) {
                    String path = namePrefix + name;
                    files.putIfAbsent(path, new FailedFile(path, length, folder));
                }
            }
        }
        String nextStart = nextStart(page);
        List<String> seen = listing.startsSeen();
        if (nextStart != null && (seen.contains(nextStart) || seen.size() >= MAX_PAGES)) {
            throw new IllegalStateException("failed-file listing does not advance (start=" + nextStart + ")");
        }
        if (nextStart != null) {
            seen.add(nextStart);
        }
        return new Listing(files, nextStart == null ? null : query(nextStart), seen, false);
    }

    private String query(String start) {
        return queryPrefix + "start=" + URLEncoder.encode(start, StandardCharsets.UTF_8) + "&limit=" + pageSize;
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

    /**
     * A failed-file listing so far: the part files in listing order, the query of the next page ({@code null} when
     * there is none), the pages already asked for (a listing that does not advance is an error), and whether AEP
     * answered that there is nothing to list (404; only {@link #missingAsGone} makes one).
     */
    public record Listing(Map<String, FailedFile> byName, String nextQuery, List<String> startsSeen, boolean gone) {

        public boolean hasNext() {
            return nextQuery != null;
        }

        /** The part files to download, in listing order. */
        public List<FailedFile> files() {
            return new ArrayList<>(byName.values());
        }
    }
}
