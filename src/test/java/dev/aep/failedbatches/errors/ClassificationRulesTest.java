package dev.aep.failedbatches.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassificationRulesTest {
    @TempDir
    Path dir;

    private Path rulesFile(String content) throws IOException {
        return Files.writeString(dir.resolve("rules.properties"), content);
    }

    private static ErrorEntry entry(String source, String message, String code, String keyword, String column) {
        return new ErrorEntry(source, message, code, keyword, null, null, column, null);
    }

    @Test
    void theDefaultsHaveTheContractCategoriesInOrder() {
        assertThat(ClassificationRules.defaults().categories()).containsExactly("malformed-xdm", "invalid-org-id",
                "missing-schema", "missing-source-name", "missing-xdm-entity", "corrupt-record", "conversion",
                "unclassified");
    }

    @Test
    void theShippedConfigFileIsTheClasspathDefault() throws IOException {
        // surefire runs from the project root, where config/ lives
        byte[] shipped = Files.readAllBytes(Path.of("config", "classification-rules.properties"));
        try (InputStream in = ClassificationRules.class.getResourceAsStream(ClassificationRules.DEFAULT_RESOURCE)) {
            assertThat(in).isNotNull();
            assertThat(in.readAllBytes()).isEqualTo(shipped);
        }
        assertThat(ClassificationRules.load(Path.of("config", "classification-rules.properties")).categories())
                .isEqualTo(ClassificationRules.defaults().categories());
    }

    @Test
    void theFirstMatchingRuleInNumericOrderWins() throws IOException {
        ClassificationRules rules = ClassificationRules.load(rulesFile("""
                rule.10.category = second
                rule.10.message = boom
                rule.2.category = first
                rule.2.message = (?i)BOOM
                rule.2.source = ^problem$
                """));
        ErrorClassifier classifier = new ErrorClassifier(rules);

        assertThat(classifier.classify(entry("problem", "boom", null, null, null))).isEqualTo("first");
        assertThat(classifier.classify(entry("row-error", "boom", null, null, null))).isEqualTo("second");
        assertThat(classifier.classify(entry("row-error", "fine", null, null, null))).isEqualTo("unclassified");
        assertThat(rules.categories()).containsExactly("first", "second", "unclassified");
    }

    @Test
    void anAbsentFieldNeverMatches() throws IOException {
        ErrorClassifier classifier = new ErrorClassifier(ClassificationRules.load(rulesFile("""
                rule.1.category = anything-with-a-column
                rule.1.column = .*
                """)));

        assertThat(classifier.classify(entry("row-error", "m", "1", null, null))).isEqualTo("unclassified");
        assertThat(classifier.classify(entry("row-error", "m", "1", null, ""))).isEqualTo("anything-with-a-column");
        assertThat(classifier.classify(null)).isEqualTo("unclassified");
    }

    @Test
    void everyFieldCanBeMatched() throws IOException {
        ErrorClassifier classifier = new ErrorClassifier(ClassificationRules.load(rulesFile("""
                rule.1.category = all
                rule.1.source = ^s$
                rule.1.message = ^m$
                rule.1.code = ^c$
                rule.1.keyword = ^k$
                rule.1.column = ^col$
                rule.1.pointer = ^#/p$
                """)));

        assertThat(classifier.classify(new ErrorEntry("s", "m", "c", "k", "#/p", null, "col", null))).isEqualTo("all");
        assertThat(classifier.classify(new ErrorEntry("s", "m", "c", "k", "#/q", null, "col", null)))
                .isEqualTo("unclassified");
    }

    @Test
    void anEmptyRulesFileClassifiesEverythingAsUnclassified() throws IOException {
        ClassificationRules rules = ClassificationRules.load(rulesFile("# no rules\n"));

        assertThat(rules.categories()).containsExactly("unclassified");
        assertThat(new ErrorClassifier(rules).classify(entry("problem", "m", null, null, null)))
                .isEqualTo("unclassified");
    }

    @Test
    void aBadRegexIsNamed() throws IOException {
        Path file = rulesFile("rule.3.category = x\nrule.3.message = (unclosed\n");

        assertThatThrownBy(() -> ClassificationRules.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("rule.3.message: invalid regex '(unclosed': Unclosed group");
    }

    @Test
    void aBadCategoryNameIsNamed() throws IOException {
        Path file = rulesFile("rule.1.category = Malformed XDM\nrule.1.code = x\n");

        assertThatThrownBy(() -> ClassificationRules.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule.1.category: category 'Malformed XDM' is not a valid category name");
    }

    @Test
    void anUnknownFieldIsNamed() throws IOException {
        Path file = rulesFile("rule.1.category = x\nrule.1.colour = red\n");

        assertThatThrownBy(() -> ClassificationRules.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule.1.colour: unknown field 'colour', expected category or one of "
                        + "source, message, code, keyword, column, pointer");
    }

    @Test
    void otherMistakesAreNamed() throws IOException {
        assertThatThrownBy(() -> ClassificationRules.load(rulesFile("rules.1.category = x\n")))
                .hasMessageContaining("unknown key 'rules.1.category'");
        assertThatThrownBy(() -> ClassificationRules.load(rulesFile("rule.1.message = x\n")))
                .hasMessageContaining("rule.1 has no rule.1.category");
        assertThatThrownBy(() -> ClassificationRules.load(rulesFile("rule.1.category = x\n")))
                .hasMessageContaining("rule.1 has no field to match");
        assertThatThrownBy(() -> ClassificationRules.load(rulesFile("rule.1.category = x\nrule.1.code =\n")))
                .hasMessageContaining("rule.1.code: the regex is empty");
        assertThatThrownBy(() -> ClassificationRules.load(rulesFile(
                "rule.1.category = x\nrule.1.code = a\nrule.01.category = y\n")))
                .hasMessageContaining("are the same rule number");
    }
}
