package dev.aep.failedbatches.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.aep.failedbatches.routes.CamelYamlRouteValidator.Problem;
import dev.aep.failedbatches.routes.CamelYamlRouteValidator.RouteId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.aep.failedbatches.sinks.OwnSinkTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every route file Camel loads ({@code camel.main.routes-include-pattern=file:routes/*.camel.yaml}) is valid Camel YAML
 * DSL in canonical form, so a mistake in a route file fails {@code mvn verify} rather than the bundle's start. What is
 * checked, and why, is described on {@link CamelYamlRouteValidator}.
 */
class RoutesYamlValidationTest {

    private static final Path ROUTES = Path.of("routes");
    private static final String ROUTE_FILE_SUFFIX = ".camel.yaml";
    private static final CamelYamlRouteValidator VALIDATOR = new CamelYamlRouteValidator();

    @TestFactory
    Stream<DynamicTest> everyRouteFileIsValidCanonicalCamelYaml() {
        List<Path> files = routeFiles();
        assertThat(files).as("route files in %s", ROUTES.toAbsolutePath()).isNotEmpty();
        return files.stream().map(file -> dynamicTest(file.getFileName().toString(),
                () -> assertNoProblems(file.toString(), VALIDATOR.validate(file.toString(), read(file)))));
    }

    @Test
    void routeIdsAreUniqueAcrossAllRouteFiles() {
        List<RouteId> ids = new ArrayList<>();
        for (Path file : routeFiles()) {
            ids.addAll(VALIDATOR.routeIds(file.toString(), read(file)));
        }
        assertNoProblems("the route ids", CamelYamlRouteValidator.duplicateRouteIds(ids));
    }

    @Test
    void everyYamlFileInTheRoutesFolderIsOneCamelLoads() throws IOException {
        try (Stream<Path> files = Files.list(ROUTES)) {
            List<String> notLoaded = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
                    .filter(name -> !name.endsWith(ROUTE_FILE_SUFFIX))
                    .toList();
            assertThat(notLoaded)
                    .as("YAML files in routes/ that Camel does not load (it loads *%s), so neither does this test",
                            ROUTE_FILE_SUFFIX)
                    .isEmpty();
        }
    }

    /**
     * A sink without aep-sink would be tried once and never retried (README "Write your own sink"). Report sinks
     * (direct:aep-sink-*-report, called from aep-sinks-for-reports with the report, not by the dispatcher) are not on
     * the category contract: aep-sink-jms-report catches and logs around a retried send route of its own.
     */
    @Test
    void everySinkRouteDeclaresTheSinkRouteConfiguration() {
        List<String> sinksWithoutRetries = new ArrayList<>();
        for (Path file : routeFiles()) {
            sinksWithoutRetries.addAll(sinksWithoutRetries(file.toString(), read(file)));
        }
        assertThat(sinksWithoutRetries).as("routes from direct:aep-sink-* without routeConfigurationId: "
                + SINK_ROUTE_CONFIGURATION).isEmpty();
    }

    @Test
    void theOwnSinkExampleOfTheReadmeIsValidCanonicalYamlWithRetries() {
        assertNoProblems("README own sink example", VALIDATOR.validate("sink-audit.camel.yaml", OwnSinkTest.AUDIT_SINK));
        assertThat(sinksWithoutRetries("sink-audit.camel.yaml", OwnSinkTest.AUDIT_SINK)).isEmpty();
        assertThat(sinkRoutes(OwnSinkTest.AUDIT_SINK)).containsExactly("aep-sink-audit");
    }

    @Test
    void aSinkRouteWithoutTheSinkRouteConfigurationIsFound() {
        String noRetries = """
                - route:
                    id: aep-sink-mine
                    from:
                      uri: direct
                      parameters:
                        name: aep-sink-mine
                      steps:
                        - log:
                            message: "${body}"
                - route:
                    id: aep-sink-other
                    routeConfigurationId: aep-default
                    from:
                      uri: "direct:aep-sink-other"
                      steps:
                        - log:
                            message: "${body}"
                """;
        assertThat(sinksWithoutRetries("mine.camel.yaml", noRetries))
                .containsExactly("mine.camel.yaml: aep-sink-mine", "mine.camel.yaml: aep-sink-other");
    }

    // ---- the validator catches what it should ----

    @Test
    void aCanonicalRouteWithPlaceholdersAndQuotedScalarsPasses() {
        assertThat(VALIDATOR.validate("canonical.camel.yaml", """
                - routeConfiguration:
                    id: retries
                    onException:
                      - onException:
                          exception:
                            - java.io.IOException
                          onWhen:
                            expression:
                              simple:
                                expression: "${exception.message} != null"
                          handled:
                            constant:
                              expression: "false"
                          redeliveryPolicy:
                            maximumRedeliveries: "{{retry.max}}"
                            useExponentialBackOff: "true"
                            backOffMultiplier: 2
                            redeliveryDelay: 500
                - route:
                    id: greet
                    routeConfigurationId: retries
                    from:
                      uri: direct
                      parameters:
                        name: greet
                      steps:
                        - setBody:
                            expression:
                              simple:
                                expression: "Hello ${body}"
                        - split:
                            expression:
                              tokenize:
                                token: ","
                            streaming: "{{split.streaming}}"
                            steps:
                              - choice:
                                  when:
                                    - expression:
                                        simple:
                                          expression: "${body} != ''"
                                      steps:
                                        - log:
                                            loggingLevel: "{{log.level}}"
                                            message: "${body}"
                        - to:
                            uri: direct
                            parameters:
                              name: next
                """)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRouteFiles")
    void aBrokenRouteFileIsRejected(String mistake, String yaml, String expectedPath, String expectedMessage) {
        List<Problem> problems = VALIDATOR.validate("broken.camel.yaml", yaml);

        assertThat(problems).as(mistake)
                .anySatisfy(problem -> {
                    assertThat(problem.file()).isEqualTo("broken.camel.yaml");
                    assertThat(problem.path()).isEqualTo(expectedPath);
                    assertThat(problem.message()).contains(expectedMessage);
                });
    }

    static Stream<Arguments> brokenRouteFiles() {
        return Stream.of(
                arguments("a misspelled step", route("""
                                - setHeadr:
                                    name: x
                                    constant:
                                      expression: "y"
                        """), "/0/route/from/steps/0", "property 'setHeadr' is not defined in the schema"),
                arguments("a compact top-level from", """
                        - from:
                            uri: direct
                            parameters:
                              name: compact
                            steps:
                              - log:
                                  message: "${body}"
                        """, "/0/from", "compact notation"),
                arguments("a route without id", """
                        - route:
                            from:
                              uri: direct
                              parameters:
                                name: anonymous
                              steps:
                                - log:
                                    message: "${body}"
                        """, "/0/route", "route has no id"),
                arguments("a routeConfiguration without id", """
                        - routeConfiguration:
                            onException:
                              - onException:
                                  exception:
                                    - java.lang.Exception
                        """, "/0/routeConfiguration", "routeConfiguration has no id"),
                arguments("a kebab-case key", """
                        - route:
                            id: kebab
                            route-configuration-id: retries
                            from:
                              uri: direct
                              parameters:
                                name: kebab
                              steps:
                                - log:
                                    message: "${body}"
                        """, "/0/route/route-configuration-id", "write routeConfigurationId"),
                arguments("a string shorthand for an expression", route("""
                                - setBody:
                                    expression:
                                      simple: "Hello ${body}"
                        """), "/0/route/from/steps/0/setBody/expression/simple",
                        "simple: {expression: \"Hello ${body}\"}"),
                arguments("a language directly on setBody", route("""
                                - setBody:
                                    simple:
                                      expression: "x"
                        """), "/0/route/from/steps/0/setBody/simple",
                        "write expression: {simple: {expression: ...}} under setBody (canonical form)"),
                arguments("a language directly on split", route("""
                                - split:
                                    tokenize:
                                      token: ","
                                    steps:
                                      - log:
                                          message: "${body}"
                        """), "/0/route/from/steps/0/split/tokenize",
                        "write expression: {tokenize: {token: ...}} under split (canonical form)"),
                arguments("a language directly on a when of a choice", route("""
                                - choice:
                                    when:
                                      - simple:
                                          expression: "${body} == 'x'"
                                        steps:
                                          - log:
                                              message: "${body}"
                        """), "/0/route/from/steps/0/choice/when/0/simple",
                        "write expression: {simple: {expression: ...}} under when (canonical form)"),
                arguments("a string shorthand for a step", route("""
                                - log: "${body}"
                        """), "/0/route/from/steps/0/log", "log: {message: \"${body}\"}"),
                arguments("a from without steps", """
                        - route:
                            id: no-steps
                            from:
                              uri: direct
                              parameters:
                                name: no-steps
                        """, "/0/route/from", "from has no steps"),
                arguments("text that is neither a boolean nor a placeholder", route("""
                                - split:
                                    expression:
                                      simple:
                                        expression: "${body}"
                                    streaming: "sometimes"
                                    steps:
                                      - log:
                                          message: "${body}"
                        """), "/0/route/from/steps/0/split/streaming", "\"sometimes\" is not a boolean"),
                arguments("a top-level entry this project does not use", """
                        - rest:
                            path: /api
                        """, "/0/rest", "'rest' is not allowed at the top level"),
                arguments("a key written twice", """
                        - route:
                            id: twice
                            id: again
                        """, "", "found duplicate key id"));
    }

    @Test
    void aRouteIdDeclaredInTwoFilesIsRejected() {
        String yaml = route("""
                        - log:
                            message: "${body}"
                """);
        List<RouteId> ids = new ArrayList<>(VALIDATOR.routeIds("a.camel.yaml", yaml));
        ids.addAll(VALIDATOR.routeIds("b.camel.yaml", yaml));

        assertThat(CamelYamlRouteValidator.duplicateRouteIds(ids))
                .extracting(Problem::toString)
                .containsExactly(
                        "a.camel.yaml:2 at /0/route/id: route id 'r1' is also declared at b.camel.yaml:2;"
                                + " route ids must be unique",
                        "b.camel.yaml:2 at /0/route/id: route id 'r1' is also declared at a.camel.yaml:2;"
                                + " route ids must be unique");
    }

    // ---- helpers ----

    private static final String SINK_ROUTE_CONFIGURATION = "aep-sink";

    /** The category sinks of a file (from direct:aep-sink-*, not *-report) that do not declare routeConfigurationId aep-sink. */
    private static List<String> sinksWithoutRetries(String file, String yaml) {
        List<String> found = new ArrayList<>();
        for (Map<?, ?> route : routes(yaml)) {
            String name = directName(route);
            if (name.startsWith("aep-sink-") && !name.endsWith("-report")
                    && !SINK_ROUTE_CONFIGURATION.equals(route.get("routeConfigurationId"))) {
                found.add(file + ": " + name);
            }
        }
        return found;
    }

    /** The direct names of the sink routes (from direct:aep-sink-*) in a file. */
    private static List<String> sinkRoutes(String yaml) {
        return routes(yaml).stream().map(RoutesYamlValidationTest::directName)
                .filter(name -> name.startsWith("aep-sink-")).toList();
    }

    private static List<Map<?, ?>> routes(String yaml) {
        List<Map<?, ?>> routes = new ArrayList<>();
        if (new Load(LoadSettings.builder().build()).loadFromString(yaml) instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> map && map.get("route") instanceof Map<?, ?> route) {
                    routes.add(route);
                }
            }
        }
        return routes;
    }

    /** The name of a route's direct endpoint ({@code uri: direct} + {@code name}, or {@code direct:name}); "" if none. */
    private static String directName(Map<?, ?> route) {
        if (!(route.get("from") instanceof Map<?, ?> from) || !(from.get("uri") instanceof String uri)) {
            return "";
        }
        if (uri.equals("direct") && from.get("parameters") instanceof Map<?, ?> parameters) {
            return String.valueOf(parameters.get("name"));
        }
        return uri.startsWith("direct:") ? uri.substring("direct:".length()).split("\\?")[0] : "";
    }

    /** A canonical route with id r1 and the given steps (indented as items of from.steps). */
    private static String route(String steps) {
        return """
                - route:
                    id: r1
                    from:
                      uri: direct
                      parameters:
                        name: r1
                      steps:
                """ + steps;
    }

    private static List<Path> routeFiles() {
        try (Stream<Path> files = Files.list(ROUTES)) {
            return files.filter(file -> file.getFileName().toString().endsWith(ROUTE_FILE_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertNoProblems(String subject, List<Problem> problems) {
        if (!problems.isEmpty()) {
            fail(subject + ": " + problems.size() + " problem(s)\n  "
                    + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
        }
    }
}
