package dev.aep.failedbatches.errors;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Ordered classification rules, read from a properties file:
 * <pre>
 * rule.&lt;n&gt;.category = &lt;category name, ^[a-z0-9][a-z0-9-]{0,63}$&gt;
 * rule.&lt;n&gt;.&lt;field&gt;  = &lt;Java regex, find() semantics&gt;  (field: source, message, code, keyword, column, pointer)
 * </pre>
 * All fields of a rule must match; rules are tried in ascending {@code n}; the first match wins, none means
 * {@value #UNCLASSIFIED}.
 */
public final class ClassificationRules {
    public static final String UNCLASSIFIED = "unclassified";
    static final String DEFAULT_RESOURCE = "/classification-rules.default.properties";

    private static final Pattern KEY = Pattern.compile("rule\\.([0-9]{1,18})\\.([A-Za-z]+)");
    private static final Pattern CATEGORY = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    private static final String CATEGORY_FIELD = "category";

    private final List<ClassificationRule> rules;

    private ClassificationRules(List<ClassificationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Reads rules from a properties file (UTF-8).
     *
     * @throws IllegalArgumentException naming the file and the bad key, regex or category
     */
    public static ClassificationRules load(Path propertiesFile) throws IOException {
        try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
            return parse(reader, propertiesFile.toString());
        }
    }

    /** The rules shipped as {@code config/classification-rules.properties}. */
    public static ClassificationRules defaults() {
        return Defaults.RULES;
    }

    /** Distinct categories in rule order, then {@value #UNCLASSIFIED}. */
    public List<String> categories() {
        Set<String> categories = new LinkedHashSet<>();
        rules.forEach(rule -> categories.add(rule.category()));
        categories.add(UNCLASSIFIED);
        return List.copyOf(categories);
    }

    String categoryOf(ErrorEntry entry) {
        for (ClassificationRule rule : rules) {
            if (rule.matches(entry)) {
                return rule.category();
            }
        }
        return UNCLASSIFIED;
    }

    static ClassificationRules parse(Reader reader, String origin) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<Long, RuleBuilder> builders = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher matcher = KEY.matcher(key.strip());
            if (!matcher.matches()) {
                throw invalid(origin, "unknown key '" + key + "': expected rule.<n>." + CATEGORY_FIELD
                        + " or rule.<n>.<field> with <field> one of " + RuleField.allKeys());
            }
            long number = Long.parseLong(matcher.group(1));
            RuleBuilder builder = builders.computeIfAbsent(number, RuleBuilder::new);
            if (builder.spelling != null && !builder.spelling.equals(matcher.group(1))) {
                throw invalid(origin, "rule." + builder.spelling + " and rule." + matcher.group(1)
                        + " are the same rule number");
            }
            builder.spelling = matcher.group(1);
            builder.set(origin, key, matcher.group(2), properties.getProperty(key).strip());
        }
        List<ClassificationRule> rules = new ArrayList<>();
        for (RuleBuilder builder : builders.values()) {
            rules.add(builder.build(origin));
        }
        return new ClassificationRules(rules);
    }

    private static IllegalArgumentException invalid(String origin, String problem) {
        return new IllegalArgumentException("Invalid classification rules in " + origin + ": " + problem);
    }

    private static final class RuleBuilder {
        private final long number;
        private final Map<RuleField, Pattern> patterns = new EnumMap<>(RuleField.class);
        private String spelling;
        private String category;

        RuleBuilder(long number) {
            this.number = number;
        }

        void set(String origin, String key, String field, String value) {
            if (CATEGORY_FIELD.equals(field)) {
                if (!CATEGORY.matcher(value).matches()) {
                    throw invalid(origin, key + ": category '" + value + "' is not a valid category name (use "
                            + "lower-case letters, digits and '-', starting with a letter or digit, at most 64)");
                }
                category = value;
                return;
            }
            RuleField ruleField = RuleField.byKey(field).orElseThrow(() -> invalid(origin, key
                    + ": unknown field '" + field + "', expected " + CATEGORY_FIELD + " or one of "
                    + RuleField.allKeys()));
            if (value.isEmpty()) {
                throw invalid(origin, key + ": the regex is empty");
            }
            try {
                patterns.put(ruleField, Pattern.compile(value));
            } catch (PatternSyntaxException e) {
                throw invalid(origin, key + ": invalid regex '" + value + "': "
                        + e.getDescription() + " near index " + e.getIndex());
            }
        }

        ClassificationRule build(String origin) {
            String name = "rule." + spelling;
            if (category == null) {
                throw invalid(origin, name + " has no " + name + ".category");
            }
            if (patterns.isEmpty()) {
                throw invalid(origin, name + " has no field to match (a catch-all rule can use "
                        + name + ".source = .)");
            }
            return new ClassificationRule(number, category, patterns);
        }
    }

    /** Loaded on first use. */
    private static final class Defaults {
        static final ClassificationRules RULES = loadDefaults();

        private static ClassificationRules loadDefaults() {
            try (InputStream in = ClassificationRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("classpath resource " + DEFAULT_RESOURCE + " is missing");
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
