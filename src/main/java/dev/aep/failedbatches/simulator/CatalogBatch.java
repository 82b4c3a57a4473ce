package dev.aep.failedbatches.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Catalog batch object as {@code GET /data/foundation/catalog/batches} shows it: status, times (epoch ms),
 * the dataset in {@code relatedObjects}, the record counts (both in {@code metrics} and at the top level, as AEP
 * does) and the batch-level {@code errors[]}.
 */
public record CatalogBatch(String id, String status, long created, Long completed, String datasetId,
                           Long inputRecordCount, Long failedRecordCount, List<CatalogError> errors,
                           boolean errorDiagnostics) {

    /** One entry of the batch-level {@code errors[]}; {@code recordCount} only with error diagnostics. */
    public record CatalogError(String code, String description, Long recordCount) {
    }

    public static final String DEFAULT_DATASET = "5f0000000000000000000001";

    public CatalogBatch {
        errors = List.copyOf(errors);
    }

    /** A batch created without error diagnostics. */
    public CatalogBatch(String id, String status, long created, Long completed, String datasetId,
                        Long inputRecordCount, Long failedRecordCount, List<CatalogError> errors) {
        this(id, status, created, completed, datasetId, inputRecordCount, failedRecordCount, errors, false);
    }

    /** Created with {@code enableErrorDiagnostics}: tags {@code acp_enableErrorDiagnostics}, as AEP shows them. */
    public CatalogBatch withErrorDiagnostics() {
        return new CatalogBatch(id, status, created, completed, datasetId, inputRecordCount, failedRecordCount, errors, true);
    }

    /** A failed batch created at {@code created}, completed a minute later, with one batch-level error. */
    public static CatalogBatch failed(String id, long created) {
        return new CatalogBatch(id, "failed", created, created + 60_000, DEFAULT_DATASET, 10L, 10L,
                List.of(new CatalogError("106", "Dataset file is empty. Please upload file with data.", null)));
    }

    public CatalogBatch withStatus(String newStatus) {
        return new CatalogBatch(id, newStatus, created, completed, datasetId, inputRecordCount, failedRecordCount, errors,
                errorDiagnostics);
    }

    public CatalogBatch withDataset(String newDatasetId) {
        return new CatalogBatch(id, status, created, completed, newDatasetId, inputRecordCount, failedRecordCount, errors,
                errorDiagnostics);
    }

    Map<String, Object> toJson(SimulatorSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("imsOrg", settings.orgId());
        json.put("status", status);
        json.put("created", created);
        json.put("updated", completed != null ? completed : created);
        json.put("started", created);
        if (completed != null) {
            json.put("completed", completed);
        }
        json.put("createdClient", "acp_foundation_push");
        json.put("createdUser", "simulator@AdobeID");
        json.put("version", "1.0.0");
        json.put("relatedObjects", List.of(Map.of("type", "dataSet", "id", datasetId)));
        json.put("inputFormat", Map.of("format", "json"));
        if (errorDiagnostics) {
            json.put("tags", Map.of("acp_enableErrorDiagnostics", true, "acp_partialIngestionPercent", 5));
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (inputRecordCount != null) {
            metrics.put("inputRecordCount", inputRecordCount);
            json.put("recordCount", inputRecordCount);
        }
        if (failedRecordCount != null) {
            metrics.put("failedRecordCount", failedRecordCount);
            json.put("failedRecordCount", failedRecordCount);
        }
        json.put("metrics", metrics);
        List<Object> errorList = new ArrayList<>();
        for (CatalogError error : errors) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("code", error.code());
            entry.put("description", error.description());
            entry.put("rows", List.of());
            if (error.recordCount() != null) {
                entry.put("recordCount", error.recordCount());
            }
            errorList.add(entry);
        }
        json.put("errors", errorList);
        return json;
    }
}
