package dev.aep.failedbatches.errors;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The fields of an {@link ErrorEntry} a classification rule can match. */
enum RuleField {
    SOURCE(ErrorEntry::source),
    MESSAGE(ErrorEntry::message),
    CODE(ErrorEntry::code),
    KEYWORD(ErrorEntry::keyword),
    COLUMN(ErrorEntry::column),
    POINTER(ErrorEntry::pointer);

    private final Function<ErrorEntry, String> getter;

    RuleField(Function<ErrorEntry, String> getter) {
        this.getter = getter;
    }

    String valueOf(ErrorEntry entry) {
        return getter.apply(entry);
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<RuleField> byKey(String key) {
        return Arrays.stream(values()).filter(field -> field.key().equals(key)).findFirst();
    }

    static String allKeys() {
        return Arrays.stream(values()).map(RuleField::key).collect(Collectors.joining(", "));
    }
}
