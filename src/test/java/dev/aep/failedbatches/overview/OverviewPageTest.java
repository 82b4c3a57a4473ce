package dev.aep.failedbatches.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTableRow;
import org.junit.jupiter.api.Test;

/**
 * out/index.html after a run of the production routes, loaded from file:// in a browser engine (HtmlUnit, JavaScript
 * on): its rows and charts match the reports on disk, and a message carrying markup stays inert text.
 */
class OverviewPageTest extends PipelineTestSupport {

    static final String HOSTILE = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"> body is missing";
    static final String HOSTILE_BATCH = "01HOSTILE0000000000000001";
    static final String UNKNOWN_BATCH = "01UNKNOWN00000000000000404";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("aep.overview.refresh-ms", "100");
    }

    @Test
    void thePageShowsEveryBatchItsCountsAndChartsAndHostileTextStaysText() throws Exception {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        String line = "{\"_validationErrors\":[{\"message\":" + JSON.writeValueAsString(HOSTILE) + "}]}\n";
        files.put("part-0.json", line.repeat(3).getBytes(StandardCharsets.UTF_8));
        simulator().addBatch(HOSTILE_BATCH, files);
        List<String> completed = new ArrayList<>(simulator().demoBatchIds());
        completed.add(HOSTILE_BATCH);
        for (String batchId : completed) {
            retrieve(batchId);
        }
        retrieve(UNKNOWN_BATCH);

        Path index = out.resolve("index.html");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(index)
                && completed.stream().allMatch(id -> read(index).contains(id)) && read(index).contains(UNKNOWN_BATCH));

        try (WebClient browser = new WebClient(BrowserVersion.FIREFOX)) {
            browser.getOptions().setJavaScriptEnabled(true);
            browser.getOptions().setThrowExceptionOnScriptError(false);
            HtmlPage page = browser.getPage(index.toUri().toURL());

            List<HtmlTableRow> rows = page.getByXPath("//table[@id='batches']/tbody/tr");
            assertThat(rows).hasSize(completed.size() + 1);
            long allErrors = 0;
            for (String batchId : completed) {
                JsonNode report = report(batchId);
                HtmlTableRow row = row(rows, batchId);
                assertThat(row.getCell(1).asNormalizedText()).isEqualTo("completed");
                assertThat(row.getCell(2).asNormalizedText()).isEqualTo(String.valueOf(report.path("files").size()));
                assertThat(row.getCell(3).asNormalizedText()).as(batchId).isEqualTo(report.path("errors").asText());
                report.path("counts").fields().forEachRemaining(count -> assertThat(((DomElement) row
                        .getFirstByXPath("td[@data-category='" + count.getKey() + "']")).asNormalizedText())
                        .as(batchId + " " + count.getKey()).isEqualTo(count.getValue().asText()));
                HtmlAnchor link = row.getFirstByXPath("td/a[text()='report']");
                assertThat(out.resolve(link.getHrefAttribute())).isEqualTo(out.resolve("reports/" + batchId + ".json"));
                for (HtmlAnchor jsonl : row.<HtmlAnchor>getByXPath("td/a[contains(@href, '.jsonl')]")) {
                    assertThat(out.resolve(jsonl.getHrefAttribute())).exists();
                }
                allErrors += report.path("errors").asLong();
            }
            HtmlTableRow dead = row(rows, UNKNOWN_BATCH);
            assertThat(dead.getCell(1).asNormalizedText()).startsWith("failed").contains("404");
            HtmlAnchor deadLink = dead.getFirstByXPath("td/a[text()='dead letter']");
            assertThat(out.resolve(deadLink.getHrefAttribute())).exists();

            List<DomElement> categoryBars = page.getByXPath("//*[@id='chart-categories']/*[local-name()='rect']");
            assertThat(categoryBars).isNotEmpty();
            assertThat(categoryBars.stream().mapToLong(bar -> Long.parseLong(bar.getAttribute("data-count"))).sum())
                    .isEqualTo(allErrors);
            List<DomElement> timelineBars = page.getByXPath("//*[@id='chart-timeline']/*[local-name()='rect']");
            assertThat(timelineBars).hasSize(completed.size());

            // the hostile message: shown as the text it is, with its count, and nothing of it ran or became an element
            List<DomElement> messages = page.getByXPath("//section[@id='top-messages']//td[@class='msg']");
            assertThat(messages).anySatisfy(cell -> {
                assertThat(cell.getTextContent()).isEqualTo(HOSTILE);
                assertThat(((DomElement) cell.getPreviousElementSibling()).getTextContent()).isEqualTo("3");
            });
            assertThat(page.getElementsByTagName("script")).isEmpty();
            assertThat(page.getElementsByTagName("img")).isEmpty();
            assertThat(page.executeJavaScript("typeof window.pwned").getJavaScriptResult()).isEqualTo("undefined");
            assertThat(page.getElementById("summary").asNormalizedText()).contains("All " + (completed.size() + 1));
        }
    }

    private static HtmlTableRow row(List<HtmlTableRow> rows, String batchId) {
        return rows.stream().filter(r -> batchId.equals(r.getAttribute("data-batch-id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + batchId));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
