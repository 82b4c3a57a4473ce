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
            ErrorEvent event = new ErrorEvent(batchId, classifier.classify(entry), entry.message(), file,
                    record == null ? null : record.line(), entry.code(), entry.keyword(), entry.pointer(),
                    entry.schemaLocation(), entry.column(), entry.recordId(), retrievedAt);
            events.add(RowErrorEvidence.add(event, entry, record == null ? null : record.json()));
        }
        return events;
    }
}
