package dev.aep.failedbatches.config;

import static dev.aep.failedbatches.config.PropertyRule.bool;
import static dev.aep.failedbatches.config.PropertyRule.httpUrl;
import static dev.aep.failedbatches.config.PropertyRule.matching;
import static dev.aep.failedbatches.config.PropertyRule.number;
import static dev.aep.failedbatches.config.PropertyRule.wholeNumber;

import java.util.List;

/**
 * The type and range of every {@code aep.*} property that has one, checked at start-up whenever the property is set.
 * Free-text properties (IDs, queue names, prefixes, recipients) have no rule; folders and sink settings are checked by
 * {@link StartupCheck}.
 */
public final class PropertyRules {

    public static final List<PropertyRule> ALL = List.of(
            httpUrl("aep.api.base-url"),
            httpUrl("aep.ims.token-url"),
            wholeNumber("aep.api.page-size", 1, 100),
            wholeNumber("aep.http.connect-timeout-ms", 1),
            wholeNumber("aep.http.read-timeout-ms", 1),
            wholeNumber("aep.retry.max-redeliveries", 0),
            wholeNumber("aep.retry.initial-delay-ms", 0),
            number("aep.retry.backoff-multiplier", 1, 100),
            wholeNumber("aep.retry.max-delay-ms", 0),
            wholeNumber("aep.client.max-requests-per-period", 1),
            wholeNumber("aep.client.rate-period-ms", 1),
            wholeNumber("aep.client.max-concurrent-requests", 1),
            number("aep.circuit.failure-rate-threshold", 1, 100),
            wholeNumber("aep.circuit.minimum-calls", 1),
            wholeNumber("aep.circuit.sliding-window-size", 1),
            wholeNumber("aep.circuit.open-seconds", 1),
            wholeNumber("aep.circuit.half-open-calls", 1),
            wholeNumber("aep.auth.refresh-margin-seconds", 0),
            bool("aep.inbox.enabled"),
            wholeNumber("aep.inbox.poll-delay-ms", 1),
            wholeNumber("aep.outage.probe-interval-ms", 1),
            bool("aep.overview.enabled"),
            wholeNumber("aep.overview.refresh-ms", 1),
            wholeNumber("aep.overview.max-rows", 1),
            wholeNumber("aep.overview.message-batches", 0),
            wholeNumber("aep.overview.message-max-lines", 0),
            wholeNumber("aep.inbox.read-lock-check-interval-ms", 1),
            wholeNumber("aep.inbox.read-lock-min-age-ms", 0),
            wholeNumber("aep.output.stale-temp-minutes", 0),
            matching("aep.output.file-mode", "rw[x-]([r-][w-][x-]){2}",
                    "a POSIX permission string that lets the owner read and write, such as rw-r-----"),
            wholeNumber("aep.parallel.files", 1, 1000),
            wholeNumber("aep.parallel.batches", 1, 1000),
            wholeNumber("aep.records.chunk-size", 1),
            wholeNumber("aep.records.max-chars", 1),
            wholeNumber("aep.progress.every-files", 1),
            wholeNumber("aep.progress.every-seconds", 1),
            bool("aep.queue.enabled"),
            wholeNumber("aep.queue.concurrent-consumers", 1, 1000),
            wholeNumber("aep.queue.burst-idle-ms", 1),
            wholeNumber("aep.sinks.retry.max-redeliveries", 0),
            wholeNumber("aep.sinks.retry.initial-delay-ms", 0),
            wholeNumber("aep.sinks.retry.max-delay-ms", 0),
            wholeNumber("aep.sinks.email.port", 1, 65535),
            matching("aep.sinks.email.tls", "(?i)auto|none|starttls|smtps", "auto, none, starttls or smtps"),
            wholeNumber("aep.sinks.email.max-errors", 1),
            wholeNumber("aep.sinks.email.timeout-ms", 1),
            matching("aep.sinks.files.chmod", "[0-7]{3}", "three octal digits such as 640"),
            httpUrl("aep.sinks.webhook.url"),
            wholeNumber("aep.sinks.webhook.max-errors", 1),
            wholeNumber("aep.sinks.kafka.timeout-ms", 1),
            bool("aep.discovery.enabled"),
            wholeNumber("aep.discovery.interval-seconds", 1),
            matching("aep.discovery.since", "(?i)P[0-9DTHMS.]+|\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z",
                    "an ISO-8601 duration such as PT24H, or an instant such as 2026-01-31T00:00:00Z"),
            matching("aep.discovery.overlap", "(?i)P[0-9DTHMS.]+", "an ISO-8601 duration such as PT1H"),
            matching("aep.discovery.cluster-service", "file|none", "file or none"),
            wholeNumber("aep.discovery.lock-interval-seconds", 1),
            wholeNumber("aep.management.port", 0, 65535),
            matching("aep.log.format", "text|json", "text or json"),
            bool("aep.simulator.enabled"),
            wholeNumber("aep.simulator.port", 0, 65535),
            wholeNumber("aep.simulator.token-ttl-seconds", 1),
            bool("aep.simulator.demo-data"));

    private PropertyRules() {
    }
}
