package dev.aep.failedbatches.embedding;

import static dev.aep.failedbatches.testsupport.CredentialCheck.assertNoCredentialHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.Application;
import dev.aep.failedbatches.simulator.AepSimulator;
import dev.aep.failedbatches.testsupport.AppInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * A host Camel Main application with its own routes and its own global error policy adds the bundle with the
 * README's three lines; both keep their behaviour, and two instances of the pipeline template run side by side.
 */
class EmbeddingTest {

    private static final String HOST_ROUTES = """
            # the host's global policy: every route without a route configuration of its own
            - routeConfiguration:
                onException:
                  - onException:
                      exception:
                        - java.lang.Exception
                      handled:
                        constant:
                          expression: "true"
                      steps:
                        - setBody:
                            constant:
                              expression: "handled by host"
            - route:
                id: host-work
                from:
                  uri: direct
                  parameters:
                    name: host-work
                  steps:
                    - throwException:
                        exceptionType: java.lang.IllegalStateException
                        message: "host failure"
            - templatedRoute:
                routeTemplateRef: aep-pipeline
                routeId: aep-sandbox-prod
                parameters:
                  - name: name
                    value: aep-prod
                  - name: outputDir
                    value: "%s"
            - templatedRoute:
                routeTemplateRef: aep-pipeline
                routeId: aep-sandbox-dev
                parameters:
                  - name: name
                    value: aep-dev
                  - name: sandbox
                    value: dev
                  - name: outputDir
                    value: "%s"
            """;

    /** The host's own version of one bundle route file: the log sink logs at INFO under the host's logger. */
    private static final String HOST_SINK_LOG = """
            - route:
                id: aep-sink-log
                routeConfigurationId: aep-sink
                description: the host's log sink
                from:
                  uri: direct
                  parameters:
                    name: aep-sink-log
                  steps:
                    - log:
                        loggingLevel: INFO
                        logName: host.aep
                        message: "Batch ${header.aepBatchId}: ${header.aepCount} ${header.aepCategory}"
            """;

    @Test
    void theHostKeepsItsBehaviourAndTheBundleWorksInsideIt() throws Exception {
        Path host = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-work")), "host-")
                .toAbsolutePath();
        Path outProd = host.resolve("out-prod");
        Path outDev = host.resolve("out-dev");
        Files.writeString(host.resolve("host-routes.yaml"), HOST_ROUTES.formatted(outProd, outDev));
        Files.writeString(host.resolve("host-sink-log.camel.yaml"), HOST_SINK_LOG);
        // the lines of README "Embedding": the bundle's routes and defaults from the library jar's classpath, one
        // route file replaced by the host's own
        Files.writeString(host.resolve("host.properties"), String.join("\n",
                "camel.main.name=host",
                "camel.main.routes-include-pattern=classpath:aep/routes/*.camel.yaml,file:" + host + "/host-routes.yaml,"
                        + "file:" + host + "/host-sink-log.camel.yaml",
                "camel.main.routes-exclude-pattern=**/aep/routes/sink-log.camel.yaml",
                "camel.main.routes-reload-enabled=false",
                "aep.routes.dir=",
                "aep.rules.file=",
                "camel.main.configuration-classes=dev.aep.failedbatches.simulator.SimulatorConfiguration,"
                        + "dev.aep.failedbatches.pipeline.AepBundleConfiguration",
                "aep.inbox.enabled=false",
                "aep.simulator.extra-sandboxes=dev",
                "aep.output.dir=" + host.resolve("out-default"),
                ""));

        try (AppInstance app = new AppInstance("file:" + host + "/host.properties,"
                + "classpath:aep/config/application-demo.properties," + Application.CLASSPATH_CONFIG, Map.of())) {
            ProducerTemplate template = app.context().createProducerTemplate();
            assertThat(app.context().getRoute("aep-sink-log").getSourceLocation()).as("the host's own file replaces the bundle's").startsWith("file:" + host);
            assertThat(app.context().getRoute("aep-retrieve-batch").getSourceLocation())
                    .as("from the classpath copy, not the routes/ folder").contains("aep/routes/retrieve-batch.camel.yaml");

            assertThat(template.requestBody("direct:host-work", "x", String.class)).isEqualTo("handled by host");

            // what the host gets back carries no AEP credential (every path: CredentialHeadersTest)
            Exchange completed = template.request("direct:aep-retrieve-batch",
                    e -> e.getIn().setBody("01HZSEED0MONTH00TIMESTAMP0"));
            assertThat(completed.getMessage().getBody(Map.class).get("status")).isEqualTo("completed");
            assertNoCredentialHeaders(app.context(), completed);
            Exchange failed = template.request("direct:aep-retrieve-batch",
                    e -> e.getIn().setBody("01UNKNOWN00000000000000404"));
            Map<?, ?> dead = failed.getMessage().getBody(Map.class);
            assertNoCredentialHeaders(app.context(), failed);
            assertThat(dead.get("status")).isEqualTo("failed");
            assertThat(dead.get("httpStatus")).isEqualTo(404);
            assertThat(host.resolve("out-default/dead-letter/01UNKNOWN00000000000000404.json")).exists();

            CompletableFuture<Object> prod = CompletableFuture.supplyAsync(
                    () -> template.requestBody("direct:aep-prod", "01HZDCVS0STREAMING00000001"));
            CompletableFuture<Object> dev = CompletableFuture.supplyAsync(
                    () -> template.requestBody("direct:aep-dev", "01HZPROBLEMJSON0000000001"));
            assertThat(((Map<?, ?>) prod.get()).get("status")).isEqualTo("completed");
            assertThat(((Map<?, ?>) dev.get()).get("status")).isEqualTo("completed");

            assertThat(outProd.resolve("reports/01HZDCVS0STREAMING00000001.json")).exists();
            assertThat(outProd.resolve("reports/01HZPROBLEMJSON0000000001.json")).doesNotExist();
            assertThat(outDev.resolve("reports/01HZPROBLEMJSON0000000001.json")).exists();
            assertThat(outDev.resolve("errors/invalid-org-id/01HZPROBLEMJSON0000000001.jsonl")).exists();
            AepSimulator simulator = app.context().getRegistry().lookupByNameAndType("aepSimulator", AepSimulator.class);
            assertThat(simulator.requests()).anyMatch(r -> r.path().contains("01HZPROBLEMJSON0000000001")
                    && "dev".equals(r.headers().get("x-sandbox-name")));
            assertThat(simulator.requests()).filteredOn(r -> r.path().contains("01HZDCVS0STREAMING00000001"))
                    .allMatch(r -> "prod".equals(r.headers().get("x-sandbox-name")));
        }
    }
}
