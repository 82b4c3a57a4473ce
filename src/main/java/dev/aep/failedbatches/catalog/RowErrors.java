package dev.aep.failedbatches.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The report's {@code rowErrors}: how many error-diagnostics files were listed and read, or why there were none
 * (AEP keeps them 30 days, then {@code meta} answers 404).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowErrors(Integer files, String error) {

    public static RowErrors listed(int files) {
        return new RowErrors(files, null);
    }

    public static RowErrors gone() {
        return new RowErrors(null, "no error diagnostics (404): AEP keeps them 30 days");
    }
}
