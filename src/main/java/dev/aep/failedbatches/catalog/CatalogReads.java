package dev.aep.failedbatches.catalog;

import dev.aep.failedbatches.auth.ImsTokenException;
import dev.aep.failedbatches.client.FailedFile;
import dev.aep.failedbatches.errors.Causes;
import dev.aep.failedbatches.output.BatchReport;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Bean {@code aepCatalog} of routes/catalog.camel.yaml: turns the Catalog's answer for one batch into a
 * {@link CatalogSummary}, a failed read into a {@link CatalogReadFailure}, and adds either to the batch's report.
 */
public final class CatalogReads {

    /** Asked of the bean, not of the read (an OGNL call introspects every new object: BeanInfo is per instance). */
    public boolean rowErrorsExpected(CatalogRead catalog) {
        return catalog != null && catalog.rowErrorsExpected();
    }

    /** The batch in {@code {"<id>": {...}}}: the entry of {@code batchId}, or the only entry. */
    public CatalogSummary summary(Map<String, Object> answer, String batchId) {
        Object batch = answer.get(batchId);
        if (batch == null && answer.size() == 1) {
            batch = answer.values().iterator().next();
        }
        if (!(batch instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException("the Catalog answer holds no batch object");
        }
        Map<?, ?> metrics = fields.get("metrics") instanceof Map<?, ?> m ? m : Map.of();
        return new CatalogSummary(text(fields.get("status")), datasetId(fields.get("relatedObjects")),
                instant(fields.get("created")), instant(fields.get("completed")),
                firstNumber(metrics.get("inputRecordCount"), metrics.get("recordsRead"), fields.get("recordCount")),
                firstNumber(metrics.get("failedRecordCount"), fields.get("failedRecordCount"), metrics.get("recordsFailed")),
                errors(fields.get("errors")), diagnosticsEnabled(fields.get("tags")));
    }

    /** Why the read failed, in a few words: statuses and type names only (a response body may echo anything). */
    public CatalogReadFailure failure(Throwable failure) {
        Throwable cause = Causes.find(failure, HttpOperationFailedException.class, CallNotPermittedException.class,
                ImsTokenException.class, IOException.class).orElseGet(() -> Causes.root(failure));
        String error;
        if (cause instanceof HttpOperationFailedException http) {
            error = http.getStatusCode() == 404 ? "the batch is not in the Catalog (404)"
                    : "the Catalog answered " + http.getStatusCode();
        } else if (cause instanceof CallNotPermittedException) {
            error = "circuit breaker open: AEP calls are suspended";
        } else if (cause instanceof ImsTokenException) {
            error = "the IMS token request failed, so there is no access token";
        } else if (cause instanceof IOException) {
            error = "Catalog unreachable: " + cause.getClass().getSimpleName();
        } else {
            error = "unreadable Catalog answer: " + (cause == null ? "unknown" : cause.getClass().getSimpleName());
        }
        return new CatalogReadFailure(error);
    }

    /** The report with the Catalog read and, when row errors were looked for, what came of it (else null). */
    public BatchReport report(BatchReport report, CatalogRead read, RowErrors rowErrors) {
        return report.withCatalog(read, rowErrors);
    }

    public RowErrors rowErrorsListed(List<FailedFile> rowErrorFiles) {
        return RowErrors.listed(rowErrorFiles.size());
    }

    public RowErrors rowErrorsGone() {
        return RowErrors.gone();
    }

    /** The failed files, then the error-diagnostics files: the order of the report and the outputs. */
    public List<FailedFile> allFiles(List<FailedFile> failedFiles, List<FailedFile> rowErrorFiles) {
        List<FailedFile> all = new ArrayList<>(failedFiles);
        all.addAll(rowErrorFiles);
        return all;
    }

    /** Tags are string arrays in the Catalog ({@code ["true"]}); a plain boolean or string is accepted too. */
    private static boolean diagnosticsEnabled(Object tags) {
        Object value = tags instanceof Map<?, ?> map ? map.get("acp_enableErrorDiagnostics") : null;
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(v -> "true".equalsIgnoreCase(String.valueOf(v)));
        }
        return value != null && "true".equalsIgnoreCase(String.valueOf(value));
    }

    private static String datasetId(Object relatedObjects) {
        if (relatedObjects instanceof List<?> list) {
            for (Object related : list) {
                if (related instanceof Map<?, ?> object && "dataSet".equals(object.get("type"))) {
                    return text(object.get("id"));
                }
            }
        }
        return null;
    }

    private static List<CatalogSummary.BatchError> errors(Object errors) {
        List<CatalogSummary.BatchError> list = new ArrayList<>();
        if (errors instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> error) {
                    list.add(new CatalogSummary.BatchError(text(error.get("code")), text(error.get("description")),
                            firstNumber(error.get("recordCount"))));
                }
            }
        }
        return list;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Catalog times are epoch milliseconds (a number, sometimes a string). */
    private static String instant(Object value) {
        Long millis = firstNumber(value);
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }

    private static Long firstNumber(Object... values) {
        for (Object value : values) {
            if (value instanceof Number number) {
                return number.longValue();
            }
            if (value instanceof String text && text.strip().matches("-?\\d{1,18}")) {
                return Long.parseLong(text.strip());
            }
        }
        return null;
    }
}
