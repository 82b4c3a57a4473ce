package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.failedbatches.testsupport.ScratchRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Route;
import org.apache.camel.model.LogDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;

/**
 * Edit while it runs (README "Routing categories to sinks"): the shipped config reloads an edited route file in
 * place. The app runs on a scratch copy of routes/, which the test edits.
 */
class RouteReloadTest extends LoggedPipelineTestSupport {

    private static final String SINKS_FILE = "sinks.camel.yaml";
    private static final String SINK_MAPPING = "aep-sinks-by-category";
    private static final String MARKER = "sink mapping edited while running";
    private static final Map<String, Object> MARKER_STEP =
            Map.of("log", Map.of("logName", "dev.aep.failedbatches.reloadtest", "message", MARKER));

    private ScratchRoutes routes;

    @Override
    protected Map<String, String> extraProperties() {
        try {
            routes = ScratchRoutes.copyOfProductionRoutes(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // where an embedder or a test loads its routes from: the include pattern and the watched folder follow it
        return Map.of("aep.routes.dir", routes.dir().toString());
    }

    @Test
    void anEditedSinkMappingTakesEffectForTheNextBatchAndNoOtherRouteStops() throws Exception {
        assertThat(context.getRoute(SINK_MAPPING).getSourceLocation()).startsWith("file:" + routes.dir());
        List<String> startedBefore = startedRouteIds();

        routes.replace(SINKS_FILE, routes.withFirstStep(SINKS_FILE, SINK_MAPPING, MARKER_STEP));
        awaitMappingWithMarker();

        assertThat(startedRouteIds()).isEqualTo(startedBefore);
        assertThat(markersLoggedBy("01RELOAD00000000000000001")).as("the next batch follows the edited mapping")
                .isEqualTo(1);
        assertThat(startedRouteIds()).isEqualTo(startedBefore);
    }

    @Test
    void aSinksFileThatDoesNotParseLeavesTheRunningRoutesAndLogsOneLine() throws Exception {
        editedMappingRunning();
        rejectedEditLeavesEverythingRunning("- route:\n    id: " + SINK_MAPPING + "\n    from: [unclosed\n");
    }

    @Test
    void aSinksFileWithAnUnknownComponentLeavesTheRunningRoutesAndLogsOneLine() throws Exception {
        editedMappingRunning();
        rejectedEditLeavesEverythingRunning(routes.withFirstStep(SINKS_FILE, SINK_MAPPING,
                Map.of("to", Map.of("uri", "nosuchcomponent:anywhere"))));
    }

    @Test
    void aSinksFileWithAnUnknownStepLeavesTheRunningRoutesAndLogsOneLine() throws Exception {
        editedMappingRunning();
        rejectedEditLeavesEverythingRunning(routes.withFirstStep(SINKS_FILE, SINK_MAPPING,
                Map.of("noSuchEip", Map.of("message", "x"))));
    }

    private void editedMappingRunning() throws IOException {
        routes.replace(SINKS_FILE, routes.withFirstStep(SINKS_FILE, SINK_MAPPING, MARKER_STEP));
        awaitMappingWithMarker();
    }

    private void rejectedEditLeavesEverythingRunning(String rejectedContent) throws Exception {
        List<String> startedBefore = startedRouteIds();
        String logsBefore = logs.text();

        routes.replace(SINKS_FILE, rejectedContent);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> newLines(logsBefore).stream().anyMatch(this::namesTheSinksFile));

        List<String> reloadLines = newLines(logsBefore).stream()
                .filter(line -> line.contains("FileWatcherResourceReloadStrategy") && !line.contains(" DEBUG "))
                .toList();
        assertThat(reloadLines).as("one line names the file, and nothing follows it").hasSize(1)
                .allMatch(this::namesTheSinksFile);
        assertThat(logs.text().substring(logsBefore.length())).doesNotContain("\tat ");
        assertThat(startedRouteIds()).isEqualTo(startedBefore);
        awaitMappingWithMarker();

        assertThat(markersLoggedBy("01RELOAD00000000000000002")).as("the batch follows the previous mapping")
                .isEqualTo(1);
        assertThat(startedRouteIds()).isEqualTo(startedBefore);
    }

    private boolean namesTheSinksFile(String line) {
        return line.contains("WARN") && line.contains(routes.dir().resolve(SINKS_FILE).toString());
    }

    private List<String> newLines(String logsBefore) {
        return logs.text().substring(logsBefore.length()).lines().toList();
    }

    private void awaitMappingWithMarker() {
        ModelCamelContext model = (ModelCamelContext) context;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            RouteDefinition mapping = model.getRouteDefinition(SINK_MAPPING);
            return mapping != null && context.getRouteController().getRouteStatus(SINK_MAPPING).isStarted()
                    && mapping.getOutputs().stream().anyMatch(
                            step -> step instanceof LogDefinition log && MARKER.equals(log.getMessage()));
        });
    }

    /** Runs a batch with one error (one category) through the inbox; returns how many marker lines it logged. */
    private long markersLoggedBy(String batchId) throws Exception {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        files.put("part-0.json", "{\"_validationErrors\":[{\"message\":\"Payload body is missing xdmEntity\"}]}\n"
                .getBytes(StandardCharsets.UTF_8));
        simulator().addBatch(batchId, files);
        long before = markersLogged();
        dropInbox(batchId + ".txt", batchId + "\n");
        awaitInboxDone(batchId + ".txt");
        assertThat(report(batchId).path("status").asText()).isEqualTo("completed");
        assertThat(events("missing-xdm-entity", batchId)).hasSize(1);
        return markersLogged() - before;
    }

    private long markersLogged() {
        return logs.text().lines().filter(line -> line.contains(" reloadtest - " + MARKER)).count();
    }

    private List<String> startedRouteIds() {
        return context.getRoutes().stream().map(Route::getRouteId)
                .filter(id -> context.getRouteController().getRouteStatus(id).isStarted()).sorted().toList();
    }
}
