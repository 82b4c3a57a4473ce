package dev.aep.failedbatches.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class FailedFileListingTest {

    private final FailedFileListing listing = new FailedFileListing(100);
    private final Exchange exchange = new DefaultExchange(new DefaultCamelContext());

    /** One page enriched into the listing in {@code exchange}'s body, as the listing loop does it. */
    private void addPage(Object page) {
        Exchange answer = new DefaultExchange(exchange.getContext());
        answer.getIn().setBody(page);
        listing.aggregate(exchange, answer);
    }

    private FailedFileListing.Listing current() {
        return exchange.getIn().getBody(FailedFileListing.Listing.class);
    }

    private static Map<String, Object> entry(String name, String length) {
        return Map.of("name", name, "length", length);
    }

    @Test
    void takesOnlyTheStartOfTheNextLinkAndSkipsMarkersAndEmptyFiles() {
        exchange.getIn().setBody(listing.start());
        addPage(Map.of(
                "data", List.of(entry("_SUCCESS", "0"), entry("part-0.json", "1800"), entry("empty.json", "0")),
                "_links", Map.of("next", Map.of("href", "https://evil.example:443/data/foundation/export/batches/X/failed?start=100&limit=100"))));

        assertThat(current().files()).containsExactly(new FailedFile("part-0.json", 1800));
        assertThat(current().nextQuery()).isEqualTo("start=100&limit=100");

        addPage(Map.of("data", List.of(entry("part-1.json", "12"))));
        assertThat(current().hasNext()).isFalse();
        assertThat(current().files()).extracting(FailedFile::name).containsExactly("part-0.json", "part-1.json");
    }

    @Test
    void aListingThatDoesNotAdvanceIsAnError() {
        exchange.getIn().setBody(listing.start());
        Map<String, Object> page = Map.of("data", List.of(),
                "_links", Map.of("next", Map.of("href", "/x/failed?start=5&limit=100")));
        addPage(page);
        assertThatThrownBy(() -> addPage(page)).hasMessageContaining("does not advance");
    }

    @Test
    void anUnreadableListingIsAnError() {
        exchange.getIn().setBody(listing.start());
        assertThatThrownBy(() -> addPage(Map.of("oops", 1))).hasMessageContaining("unreadable");
    }

    @Test
    void fileNamesAreUrlEncodedForDownload() {
        assertThat(new FailedFile("../../a b?c&d#e.json", 1).downloadQuery())
                .isEqualTo("path=..%2F..%2Fa%20b%3Fc%26d%23e.json");
    }
}
