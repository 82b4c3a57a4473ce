package dev.aep.failedbatches.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.Specification;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Checks a Camel YAML DSL route file in two steps.
 * <ol>
 * <li>The JSON schema that ships inside camel-yaml-dsl ({@code schema/camelYamlDsl.json}, read from the classpath so it
 * always belongs to the Camel version the bundle runs on), with one adjustment the runtime makes necessary: Camel
 * converts the text of an option when the route starts, so a property placeholder ({@code "{{aep.retry.max}}"}) or a
 * quoted {@code "true"}/{@code "3"} is accepted where the schema declares a boolean or a number (and any scalar where
 * it declares a string). Everything else stays as strict as the schema: unknown keys, structure, enumerations, and
 * text that is neither a placeholder nor of the declared type.</li>
 * <li>The canonical form this project writes: only {@code route}, {@code routeConfiguration}, {@code routeTemplate},
 * {@code templatedRoute} and {@code beans} entries at the top level (no compact top-level {@code from}); an {@code id}
 * on every route and route configuration; a route's {@code from} with {@code uri} and {@code steps}; camelCase keys
 * (endpoint {@code parameters} and bean {@code properties}/{@code constructors} excepted: their keys are option names,
 * and an HTTP endpoint passes unknown ones on as query parameters); and no string shorthand where the schema offers
 * the object form: {@code simple: {expression: "..."}}, not {@code simple: "..."}; {@code log: {message: "..."}}, not
 * {@code log: "..."}; {@code to: {uri: "..."}}, not {@code to: "..."}. Which nodes have a string shorthand is read
 * from the schema: every definition whose {@code oneOf} offers a plain string next to its object form, which are the
 * forms Camel's own canonical schema (camelYamlDsl-canonical.json, Camel 4.20+) no longer has. And, as in that
 * canonical schema, the language of an EIP goes under {@code expression:}:
 * {@code setBody: {expression: {simple: {expression: "..."}}}}, not {@code setBody: {simple: {expression: "..."}}},
 * which camelYamlDsl.json also accepts. Which nodes this applies to is read from the schema too: every definition
 * that offers both an {@code expression} option holding an ExpressionDefinition and the languages of that
 * ExpressionDefinition directly as its own options (setBody, setHeader, setProperty, setVariable, transform, filter,
 * split, loop, delay, throttle, recipientList, idempotentConsumer, {@code when} of a choice, {@code onWhen}, ...).
 * Where the schema offers no {@code expression} wrapper the language stays directly on the node: {@code handled},
 * {@code continued} and {@code retryWhile} of onException, for instance, are ExpressionSubElementDefinitions
 * ({@code handled: {constant: {expression: true}}}).</li>
 * </ol>
 */
final class CamelYamlRouteValidator {

    /** Something wrong in a route file: the file, the line (0 when unknown), the JSON pointer and what is wrong. */
    record Problem(String file, int line, String path, String message) {

        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + (path.isEmpty() ? "" : " at " + path) + ": " + message;
        }
    }

    /** The id of a {@code - route:} entry and where it is declared. */
    record RouteId(String id, String file, int line, String path) {
    }

    private static final Set<String> TOP_LEVEL_ENTRIES =
            new LinkedHashSet<>(List.of("route", "routeConfiguration", "routeTemplate", "templatedRoute", "beans"));

    private static final String SCHEMA_RESOURCE = "schema/camelYamlDsl.json";

    /** Maps whose keys are names, not DSL keys: endpoint options, bean properties, bean constructor arguments. */
    private static final Set<String> FREE_FORM_MAPS = Set.of("parameters", "properties", "constructors");

    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final String PLACEHOLDER = "\\{\\{.+?}}";
    private static final String BOOLEAN_TEXT = "^(?i:true|false)$|" + PLACEHOLDER;
    private static final String NUMBER_TEXT = "^-?[0-9]+(\\.[0-9]+)?$|" + PLACEHOLDER;
    private static final Set<String> COMMON_NODE_OPTIONS = Set.of("id", "description", "note", "disabled");
    private static final Set<String> NOISE_OF_ALTERNATIVES = Set.of("required", "not");
    private static final Pattern DEFINITION_TYPE = Pattern.compile("/definitions/([^/]+)/type$");
    private static final Pattern DIRECT_LANGUAGE = Pattern.compile("/definitions/([^/]+)/properties/([^/]+)/not$");
    private static final String EXPRESSION_DEFINITION = "org.apache.camel.model.language.ExpressionDefinition";
    private static final String EXPRESSION_DEFINITION_REF = "#/items/definitions/" + EXPRESSION_DEFINITION;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Schema schema;
    private final Schema canonicalSchema;
    /** Definition name of a node with a string shorthand -> the option the text goes under in the object form. */
    private final Map<String, String> shorthandOptions = new HashMap<>();
    /** Language name (simple, constant, tokenize, ...) -> its definition; the options of an ExpressionDefinition. */
    private final Map<String, String> languages = new LinkedHashMap<>();
    /** Definitions of the nodes that take their language under expression: (setBody, split, when, ...). */
    private final Set<String> expressionWrapperDefinitions = new LinkedHashSet<>();

    CamelYamlRouteValidator() {
        ObjectNode shipped = readShippedSchema();
        acceptScalarsTheRuntimeConverts(shipped);
        schema = compile(shipped, "classpath:" + SCHEMA_RESOURCE);
        ObjectNode canonical = shipped.deepCopy();
        removeStringShorthands(canonical);
        requireExpressionWrappers(canonical);
        canonicalSchema = compile(canonical, "classpath:" + SCHEMA_RESOURCE + "/without-string-shorthands");
    }

    /** All the problems of one route file; empty when it is valid canonical Camel YAML DSL. */
    List<Problem> validate(String file, String yaml) {
        YamlFile parsed;
        try {
            parsed = YamlFile.parse(file, yaml);
        } catch (YamlEngineException e) {
            return List.of(new Problem(file, lineOf(e), "", "not valid YAML: " + describe(e)));
        }
        if (parsed.data() == null) {
            return List.of(parsed.problem("", "the file holds no YAML; a route file is a list of entries (- route: ...)"));
        }
        JsonNode document = JSON.valueToTree(parsed.data());
        List<Error> schemaErrors = schema.validate(document);
        List<Problem> problems = new ArrayList<>(schemaProblems(parsed, schemaErrors));
        problems.addAll(shorthandProblems(parsed, document, schemaErrors));
        problems.addAll(topLevelProblems(parsed));
        collectKeyProblems(parsed, parsed.data(), "", problems);
        problems.sort(Comparator.comparingInt(Problem::line));
        return problems;
    }

    /** The ids of the file's {@code - route:} entries; none when the file does not parse (its validation says why). */
    List<RouteId> routeIds(String file, String yaml) {
        List<RouteId> ids = new ArrayList<>();
        try {
            YamlFile parsed = YamlFile.parse(file, yaml);
            for (Entry entry : parsed.entries()) {
                if (entry.kind().equals("route") && entry.body().get("id") instanceof String id && !id.isBlank()) {
                    String at = entry.path() + "/id";
                    ids.add(new RouteId(id, file, parsed.lineOf(at), at));
                }
            }
        } catch (YamlEngineException e) {
            // reported by validate
        }
        return ids;
    }

    /** One problem per declaration of a route id that is declared more than once, naming the other places. */
    static List<Problem> duplicateRouteIds(List<RouteId> ids) {
        Map<String, List<RouteId>> byId = ids.stream()
                .collect(Collectors.groupingBy(RouteId::id, LinkedHashMap::new, Collectors.toList()));
        List<Problem> problems = new ArrayList<>();
        for (List<RouteId> same : byId.values()) {
            for (RouteId id : same) {
                if (same.size() > 1) {
                    String others = same.stream().filter(other -> other != id)
                            .map(other -> other.file() + ":" + other.line())
                            .collect(Collectors.joining(", "));
                    problems.add(new Problem(id.file(), id.line(), id.path(),
                            "route id '" + id.id() + "' is also declared at " + others + "; route ids must be unique"));
                }
            }
        }
        return problems;
    }

    // ---- step 1: the JSON schema ----

    private static List<Problem> schemaProblems(YamlFile file, List<Error> errors) {
        List<Problem> problems = new ArrayList<>();
        for (Error error : withoutAlternativesNotTaken(errors)) {
            String message = describe(error);
            if (message != null) {
                String at = String.valueOf(error.getInstanceLocation());
                String lineAt = error.getProperty() != null ? at + "/" + escape(error.getProperty()) : at;
                problems.add(new Problem(file.name(), file.lineOf(lineAt), at.isEmpty() ? "/" : at, message));
            }
        }
        return problems;
    }

    /**
     * When a {@code oneOf} fails, the validator reports why each alternative failed, most of which the author never
     * meant ("required property 'csimple' not found" and 25 more for a setBody). The alternative meant is the one that
     * got deepest into the YAML: keep only the errors at the deepest location under the failed {@code oneOf}; when no
     * alternative got past the node itself, keep the {@code oneOf}'s own error and drop the required/not noise.
     */
    private static List<Error> withoutAlternativesNotTaken(List<Error> errors) {
        Set<Error> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(errors);
        List<Error> failedChoices = errors.stream()
                .filter(error -> "oneOf".equals(error.getKeyword()) || "anyOf".equals(error.getKeyword()))
                .sorted(Comparator.comparingInt(error -> error.getEvaluationPath().toString().length()))
                .toList();
        for (Error choice : failedChoices) {
            if (!kept.contains(choice)) {
                continue;
            }
            String alternatives = choice.getEvaluationPath() + "/";
            List<Error> underIt = kept.stream()
                    .filter(error -> error.getEvaluationPath().toString().startsWith(alternatives))
                    .toList();
            int deepest = underIt.stream().mapToInt(CamelYamlRouteValidator::depth).max().orElse(0);
            if (deepest > depth(choice)) {
                kept.remove(choice);
                underIt.stream().filter(error -> depth(error) < deepest).forEach(kept::remove);
            } else {
                underIt.stream()
                        .filter(error -> NOISE_OF_ALTERNATIVES.contains(error.getKeyword()))
                        .forEach(kept::remove);
            }
        }
        return errors.stream().filter(kept::contains).toList();
    }

    /** How deep in the YAML an error is; an unknown key counts as one level below the mapping that holds it. */
    private static int depth(Error error) {
        String at = String.valueOf(error.getInstanceLocation());
        int depth = (int) at.chars().filter(c -> c == '/').count();
        return "additionalProperties".equals(error.getKeyword()) ? depth + 1 : depth;
    }

    /**
     * The validator's message, said in the schema's own terms where {@link #acceptScalarsTheRuntimeConverts} widened
     * an option; null for the half of a widened enumeration that only says the value is not a placeholder.
     */
    private static String describe(Error error) {
        JsonNode keywordValue = error.getSchemaNode();
        String keywordText = keywordValue == null ? "" : keywordValue.asText();
        String value = error.getInstanceNode() == null ? "" : error.getInstanceNode().toString();
        switch (error.getKeyword()) {
            case "pattern":
                if (keywordText.equals(BOOLEAN_TEXT)) {
                    return value + " is not a boolean: write true or false,"
                            + " or a property placeholder such as \"{{my.flag}}\"";
                }
                if (keywordText.equals(NUMBER_TEXT)) {
                    return value + " is not a number: write a number, or a property placeholder such as \"{{my.count}}\"";
                }
                return keywordText.equals(PLACEHOLDER) ? null : error.getMessage();
            case "enum":
                return value + " is not one of " + keywordValue
                        + " (nor a property placeholder such as \"{{my.option}}\")";
            case "type":
                return keywordValue != null && keywordValue.isArray()
                        ? error.getArguments()[0] + " found, " + keywordValue.get(0).asText() + " expected"
                        : error.getMessage();
            default:
                return error.getMessage();
        }
    }

    private static String describe(YamlEngineException e) {
        return e instanceof MarkedYamlEngineException marked
                ? (marked.getContext() == null ? "" : marked.getContext() + ": ") + marked.getProblem()
                : e.getMessage();
    }

    // ---- step 2: the canonical form ----

    /**
     * A string shorthand fails the schema without string shorthands with "string found, object expected" at the
     * shorthand: removing an alternative only fails a {@code oneOf} whose matching alternative was the string. Places
     * the shipped schema already reported are left to that report. A language written directly on a node that takes
     * it under {@code expression:} fails that schema's {@code not} on the language option (see
     * {@link #requireExpressionWrappers}), at the language key.
     */
    private List<Problem> shorthandProblems(YamlFile file, JsonNode document, List<Error> schemaErrors) {
        Set<String> reported = new HashSet<>();
        schemaErrors.forEach(error -> reported.add(String.valueOf(error.getInstanceLocation())));
        Set<String> directLanguagesReported = new HashSet<>();
        List<Problem> problems = new ArrayList<>();
        List<Error> errors = canonicalSchema.validate(document);
        for (Error error : errors) {
            String at = String.valueOf(error.getInstanceLocation());
            JsonNode text = error.getInstanceNode();
            Matcher directLanguage = DIRECT_LANGUAGE.matcher(String.valueOf(error.getSchemaLocation()));
            if ("type".equals(error.getKeyword()) && text != null && text.isTextual() && reported.add(at)) {
                String key = at.substring(at.lastIndexOf('/') + 1);
                problems.add(file.problem(at, shorthandMessage(unescape(key), text.asText(), error)));
            } else if ("not".equals(error.getKeyword()) && directLanguage.find()
                    && expressionWrapperDefinitions.contains(directLanguage.group(1))
                    && languages.containsKey(directLanguage.group(2)) && directLanguagesReported.add(at)) {
                problems.add(file.problem(at, directLanguageMessage(at, directLanguage.group(2), text)));
            }
        }
        if (problems.isEmpty() && schemaErrors.isEmpty()) {
            // not expected (see above); never let a failure of the schema without shorthands pass unreported
            errors.forEach(error ->
                    problems.add(file.problem(String.valueOf(error.getInstanceLocation()), error.getMessage())));
        }
        return problems;
    }

    private String shorthandMessage(String key, String text, Error error) {
        Matcher definition = DEFINITION_TYPE.matcher(String.valueOf(error.getSchemaLocation()));
        String option = definition.find() ? shorthandOptions.get(definition.group(1)) : null;
        String canonical = option != null
                ? key + ": {" + option + ": \"" + text + "\"}"
                : key + ": {...} with its options";
        return key + ": \"" + text + "\" is the string shorthand; the canonical form is " + canonical;
    }

    /**
     * "simple is written directly on setBody; write expression: {simple: {expression: ...}} under setBody (canonical
     * form)", naming the node by its key (the list's key for an item such as a choice's when).
     */
    private String directLanguageMessage(String at, String language, JsonNode value) {
        String[] segments = at.split("/");
        String node = "the node";
        for (int i = segments.length - 2; i > 0; i--) {
            if (!segments[i].matches("\\d+")) {
                node = unescape(segments[i]);
                break;
            }
        }
        String options;
        if (value != null && value.isObject() && value.size() > 0) {
            List<String> names = new ArrayList<>();
            value.fieldNames().forEachRemaining(name -> names.add(name + ": ..."));
            options = "{" + String.join(", ", names) + "}";
        } else if (value != null && value.isValueNode() && shorthandOptions.containsKey(languages.get(language))) {
            options = "{" + shorthandOptions.get(languages.get(language)) + ": " + value + "}";
        } else {
            options = "{...}";
        }
        return language + " is written directly on " + node + "; write expression: {" + language + ": " + options
                + "} under " + node + " (canonical form)";
    }

    private static List<Problem> topLevelProblems(YamlFile file) {
        List<Problem> problems = new ArrayList<>();
        if (file.data() instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof Map<?, ?> item) || item.size() != 1) {
                    problems.add(file.problem("/" + i, "a top-level entry is a mapping with exactly one key, one of "
                            + TOP_LEVEL_ENTRIES + "; found " + describeEntry(items.get(i))));
                }
            }
        }
        for (Entry entry : file.entries()) {
            String kind = entry.kind();
            if (kind.equals("from")) {
                problems.add(file.problem(entry.path(), "a top-level from: is the compact notation;"
                        + " write - route: {id: ..., from: {uri: ..., steps: [...]}}"));
            } else if (!TOP_LEVEL_ENTRIES.contains(kind)) {
                problems.add(file.problem(entry.path(), "'" + kind + "' is not allowed at the top level of a route file;"
                        + " use one of " + TOP_LEVEL_ENTRIES));
            }
            if ((kind.equals("route") || kind.equals("routeConfiguration")) && isBlank(entry.body().get("id"))) {
                problems.add(file.problem(entry.path(), kind + " has no id; every " + kind + " needs an explicit id"));
            }
            if (kind.equals("route")) {
                collectFromProblems(file, entry, problems);
            }
        }
        return problems;
    }

    private static String describeEntry(Object item) {
        if (item instanceof Map<?, ?> map) {
            return "the keys " + map.keySet();
        }
        return item == null ? "nothing" : "\"" + item + "\"";
    }

    private static void collectFromProblems(YamlFile file, Entry route, List<Problem> problems) {
        String at = route.path() + "/from";
        if (!(route.body().get("from") instanceof Map<?, ?> from)) {
            problems.add(file.problem(route.path(), "route has no from: {uri: ..., steps: [...]}"));
            return;
        }
        if (isBlank(from.get("uri"))) {
            problems.add(file.problem(at, "from has no uri"));
        }
        if (!(from.get("steps") instanceof List)) {
            problems.add(file.problem(at, "from has no steps (the list of the route's steps goes under from)"));
        }
    }

    private static void collectKeyProblems(YamlFile file, Object node, String at, List<Problem> problems) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectKeyProblems(file, list.get(i), at + "/" + i, problems);
            }
        } else if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> field : map.entrySet()) {
                String key = String.valueOf(field.getKey());
                String keyAt = at + "/" + escape(key);
                if (!CAMEL_CASE.matcher(key).matches()) {
                    problems.add(file.problem(keyAt, "key '" + key + "' is not camelCase; write " + camelCase(key)));
                }
                if (!FREE_FORM_MAPS.contains(key)) {
                    collectKeyProblems(file, field.getValue(), keyAt, problems);
                }
            }
        }
    }

    /** route-configuration-id, route_configuration_id or RouteConfigurationId: routeConfigurationId. */
    private static String camelCase(String key) {
        StringBuilder camel = new StringBuilder();
        boolean wordStart = false;
        for (char c : key.toCharArray()) {
            if (c == '-' || c == '_' || Character.isWhitespace(c)) {
                wordStart = camel.length() > 0;
            } else {
                camel.append(camel.length() == 0 ? Character.toLowerCase(c) : wordStart ? Character.toUpperCase(c) : c);
                wordStart = false;
            }
        }
        return camel.toString();
    }

    private static boolean isBlank(Object value) {
        return !(value instanceof String text) || text.isBlank();
    }

    // ---- the schema document ----

    private static ObjectNode readShippedSchema() {
        try (InputStream in = CamelYamlRouteValidator.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the classpath; it ships in camel-yaml-dsl");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the schema with the draft its {@code $schema} declares (draft-04 for Camel 4.18). */
    private static Schema compile(ObjectNode document, String location) {
        SpecificationVersion draft = SpecificationVersion.fromSchemaNode(document).orElseThrow(() ->
                new IllegalStateException(SCHEMA_RESOURCE + " declares no known $schema: " + document.get("$schema")));
        // "deprecated" is an annotation in Camel's schema that draft-04 does not know; it validates nothing
        Dialect dialect = Dialect.builder(Specification.getDialect(draft))
                .keyword(new NonValidationKeyword("deprecated"))
                .build();
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .locale(Locale.ENGLISH)
                .pathType(PathType.JSON_POINTER)
                .build();
        return SchemaRegistry.withDefaultDialect(dialect, registry -> registry.schemaRegistryConfig(config))
                .getSchema(SchemaLocation.of(location), document);
    }

    /**
     * Widens every typed option the way the runtime converts it (see the class comment): boolean and number options
     * also take text that is a property placeholder or of that type, string options also take a number or a boolean,
     * and an option limited to an enumeration also takes a property placeholder.
     */
    private static void acceptScalarsTheRuntimeConverts(JsonNode schemaNode) {
        forEachPropertySchema(schemaNode, option -> {
            String type = option.path("type").asText();
            if (option.has("enum")) {
                ObjectNode listed = JSON.createObjectNode();
                listed.set("type", option.remove("type"));
                listed.set("enum", option.remove("enum"));
                ObjectNode placeholder = JSON.createObjectNode().put("type", "string").put("pattern", PLACEHOLDER);
                option.set("anyOf", JSON.createArrayNode().add(listed).add(placeholder));
            } else if (type.equals("boolean") || type.equals("number")) {
                option.set("type", JSON.createArrayNode().add(type).add("string"));
                option.put("pattern", type.equals("boolean") ? BOOLEAN_TEXT : NUMBER_TEXT);
            } else if (type.equals("string")) {
                option.set("type", JSON.createArrayNode().add("string").add("number").add("boolean"));
            }
        });
    }

    /**
     * Drops the plain-string alternative of every definition that offers one next to its object form, keeping the
     * object form, and remembers which option takes the text in that form: its first required option, or its only
     * option besides the ones every node has.
     */
    private void removeStringShorthands(ObjectNode document) {
        document.path("items").path("definitions").fields().forEachRemaining(definition -> {
            ObjectNode node = (ObjectNode) definition.getValue();
            JsonNode alternatives = node.path("oneOf");
            if (alternatives.size() == 2 && alternatives.get(0).path("type").asText().equals("string")
                    && alternatives.get(0).size() == 1) {
                node.remove("oneOf");
                node.setAll((ObjectNode) alternatives.get(1));
                String option = node.path("required").path(0).asText(null);
                if (option == null) {
                    List<String> own = new ArrayList<>();
                    node.path("properties").fieldNames().forEachRemaining(own::add);
                    own.removeAll(COMMON_NODE_OPTIONS);
                    option = own.size() == 1 ? own.get(0) : null;
                }
                if (option != null) {
                    shorthandOptions.put(definition.getKey(), option);
                }
            }
        });
    }

    /**
     * Makes every language written directly on a node that also takes it under {@code expression:} fail: the options
     * of such a definition that are languages get a {@code not: {}}, which no value passes. The languages are the
     * options of ExpressionDefinition; the nodes are the definitions with an {@code expression} option that refers to
     * ExpressionDefinition (in one of their alternatives) and with languages among their own options. Definitions
     * without that wrapper (ExpressionSubElementDefinition: handled, continued, retryWhile, ...) are left as they are.
     */
    private void requireExpressionWrappers(ObjectNode document) {
        JsonNode definitions = document.path("items").path("definitions");
        JsonNode expressionDefinition = definitions.path(EXPRESSION_DEFINITION);
        expressionDefinition.path("properties").fieldNames().forEachRemaining(language ->
                languages.put(language, languageDefinition(expressionDefinition, language)));
        if (languages.isEmpty()) {
            throw new IllegalStateException(SCHEMA_RESOURCE + " has no " + EXPRESSION_DEFINITION + " with languages");
        }
        definitions.fields().forEachRemaining(definition -> {
            JsonNode options = definition.getValue().path("properties");
            List<String> direct = new ArrayList<>();
            options.fieldNames().forEachRemaining(option -> {
                if (languages.containsKey(option)) {
                    direct.add(option);
                }
            });
            if (!direct.isEmpty() && options.has("expression") && hasExpressionWrapper(definition.getValue())) {
                expressionWrapperDefinitions.add(definition.getKey());
                direct.forEach(language -> ((ObjectNode) options.get(language)).set("not", JSON.createObjectNode()));
            }
        });
        if (expressionWrapperDefinitions.isEmpty()) {
            throw new IllegalStateException(SCHEMA_RESOURCE + " has no node that takes its language under expression:");
        }
    }

    /** Whether some (sub)schema of the node has an {@code expression} option that refers to ExpressionDefinition. */
    private static boolean hasExpressionWrapper(JsonNode node) {
        if (EXPRESSION_DEFINITION_REF.equals(node.path("properties").path("expression").path("$ref").asText(null))) {
            return true;
        }
        for (JsonNode child : node) {
            if (child.isContainerNode() && hasExpressionWrapper(child)) {
                return true;
            }
        }
        return false;
    }

    /** The definition of a language, from the alternative of ExpressionDefinition that offers it; null if none. */
    private static String languageDefinition(JsonNode node, String language) {
        String ref = node.path("properties").path(language).path("$ref").asText("");
        if (ref.startsWith("#/items/definitions/")) {
            return ref.substring("#/items/definitions/".length());
        }
        for (JsonNode child : node) {
            String found = child.isContainerNode() ? languageDefinition(child, language) : null;
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Calls the action for every schema of a scalar option: a value of a properties map, with a type, not a $ref. */
    private static void forEachPropertySchema(JsonNode node, Consumer<ObjectNode> action) {
        if (node instanceof ArrayNode array) {
            array.forEach(element -> forEachPropertySchema(element, action));
        } else if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                if (field.getKey().equals("properties") && field.getValue().isObject()) {
                    field.getValue().forEach(option -> {
                        if (option.path("type").isTextual() && !option.has("$ref")) {
                            action.accept((ObjectNode) option);
                        }
                        forEachPropertySchema(option, action);
                    });
                } else {
                    forEachPropertySchema(field.getValue(), action);
                }
            });
        }
    }

    // ---- the YAML file ----

    /** A top-level entry such as {@code - route: {...}}: its key, its body and its JSON pointer. */
    private record Entry(String kind, Map<?, ?> body, String path) {
    }

    /** A parsed route file: the data (Java objects from snakeyaml-engine) and the node tree, for line numbers. */
    private record YamlFile(String name, Object data, Node root) {

        static YamlFile parse(String name, String yaml) {
            LoadSettings settings = LoadSettings.builder().setLabel(name).setAllowDuplicateKeys(false).build();
            Optional<Node> root = new Compose(settings).composeString(yaml);
            Object data = new StandardConstructor(settings).constructSingleDocument(root);
            return new YamlFile(name, data, root.orElse(null));
        }

        List<Entry> entries() {
            List<Entry> entries = new ArrayList<>();
            if (data instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof Map<?, ?> entry && entry.size() == 1) {
                        Map.Entry<?, ?> only = entry.entrySet().iterator().next();
                        Map<?, ?> body = only.getValue() instanceof Map<?, ?> map ? map : Map.of();
                        entries.add(new Entry(String.valueOf(only.getKey()), body, "/" + i + "/" + escape(String.valueOf(only.getKey()))));
                    }
                }
            }
            return entries;
        }

        Problem problem(String path, String message) {
            return new Problem(name, lineOf(path), path, message);
        }

        /** The 1-based line of the node a JSON pointer points at (of its key, for a mapping entry); 0 if not found. */
        int lineOf(String pointer) {
            Node node = root;
            Node found = root;
            for (String segment : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
                String name = unescape(segment);
                Node next = null;
                if (node instanceof MappingNode mapping) {
                    for (NodeTuple tuple : mapping.getValue()) {
                        if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(name)) {
                            found = tuple.getKeyNode();
                            next = tuple.getValueNode();
                        }
                    }
                } else if (node instanceof SequenceNode sequence && name.matches("\\d+")
                        && Integer.parseInt(name) < sequence.getValue().size()) {
                    next = sequence.getValue().get(Integer.parseInt(name));
                    found = next;
                }
                if (next == null) {
                    break;
                }
                node = next;
            }
            return found == null ? 0 : found.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
        }
    }

    private static int lineOf(YamlEngineException e) {
        return e instanceof MarkedYamlEngineException marked
                ? marked.getProblemMark().map(Mark::getLine).map(line -> line + 1).orElse(0)
                : 0;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
