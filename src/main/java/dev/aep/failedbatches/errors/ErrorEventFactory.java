package dev.aep.failedbatches.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Turns a failed record into output events: one per error entry, classified. */
public final class ErrorEventFactory {
    private final ErrorExtractor extractor;
    private final ErrorClassifier classifier;

    public ErrorEventFactory(ErrorExtractor extractor, ErrorClassifier classifier) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    public List<ErrorEvent> toEvents(FailedRecord record, String batchId, String file, String retrievedAt) {
        List<ErrorEntry> entries = extractor.extract(record);
        List<ErrorEvent> events = new ArrayList<>(entries.size());
        for (ErrorEntry entry : entries) {
            ErrorEvent event = new ErrorEvent();
            event.setBatchId(batchId);
            event.setCategory(classifier.classify(entry));
            event.setMessage(entry.message());
            event.setFile(file);
            event.setLine(record == null ? null : record.line());
            event.setCode(entry.code());
            event.setKeyword(entry.keyword());
            event.setPointer(entry.pointer());
            event.setSchemaLocation(entry.schemaLocation());
            event.setColumn(entry.column());
            event.setRecordId(entry.recordId());
            event.setRetrievedAt(retrievedAt);
            events.add(event);
        }
        return events;
    }
}
