package dev.aep.failedbatches.overview;

import dev.aep.failedbatches.model.BatchId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code index.html}: the overview of an output root as one self-contained page (no script, no external resource;
 * a Content-Security-Policy forbids both), readable from {@code file://}. Every value that comes from the outputs
 * goes through {@link #escape}: a message carrying markup stays text.
 */
public final class OverviewPage {

    private static final int CHART_WIDTH = 720;
    private static final int BAR_HEIGHT = 22;
    private static final int LABEL_WIDTH = 170;
    private static final int TIMELINE_HEIGHT = 160;

    private OverviewPage() {
    }

    public static String render(OverviewData data, Instant generatedAt) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>AEP failed batches: overview</title>\n<style>")
                .append("body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}")
                .append("td.n{text-align:right}tr.failed td{background:#fdecea}.bar{fill:#4a78b5}.axis{font-size:11px}")
                .append("td.msg{font-family:monospace;white-space:pre-wrap;word-break:break-all;max-width:60em}")
                .append("</style></head><body>\n<h1>AEP failed batches</h1>\n");
        summary(html, data, generatedAt);
        categoryChart(html, data);
        timeline(html, data);
        topMessages(html, data);
        table(html, data);
        return html.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder html, OverviewData data, Instant generatedAt) {
        long completed = data.rows().stream().filter(OverviewData.Row::report).count();
        html.append("<p id=\"summary\">Generated ").append(escape(generatedAt.toString())).append(". On disk: ")
                .append(data.reportsOnDisk()).append(" report(s), ").append(data.deadLettersOnDisk())
                .append(" dead letter(s). ");
        if (data.capped()) {
            html.append("<strong id=\"capped\">Only the newest ").append(data.rows().size()).append(" of ")
                    .append(data.batchesOnDisk()).append(" batches are shown</strong> (aep.overview.max-rows); the")
                    .append(" others are in reports/ and dead-letter/. ");
        } else {
            html.append("All ").append(data.rows().size()).append(" batches are shown. ");
        }
        html.append("The charts count the batches shown (").append(completed).append(" completed, ")
                .append(data.rows().size() - completed).append(" failed).</p>\n");
    }

    private static void categoryChart(StringBuilder html, OverviewData data) {
        Map<String, Long> totals = new LinkedHashMap<>();
        data.categories().forEach(category -> totals.put(category, 0L));
        data.rows().forEach(row -> row.counts().forEach((category, count) -> totals.merge(category, count, Long::sum)));
        long max = Math.max(1, totals.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int height = BAR_HEIGHT * Math.max(1, totals.size()) + 10;
        html.append("<h2>Errors per category</h2>\n<svg id=\"chart-categories\" xmlns=\"http://www.w3.org/2000/svg\"")
                .append(" role=\"img\" aria-label=\"errors per category\" width=\"").append(CHART_WIDTH)
                .append("\" height=\"").append(height).append("\">\n");
        int y = 5;
        int span = CHART_WIDTH - LABEL_WIDTH - 80;
        for (Map.Entry<String, Long> total : totals.entrySet()) {
            long width = total.getValue() == 0 ? 0 : Math.max(1, total.getValue() * span / max);
            html.append("<text class=\"axis\" x=\"0\" y=\"").append(y + 15).append("\">")
                    .append(escape(total.getKey())).append("</text>")
                    .append("<rect class=\"bar\" data-category=\"").append(escape(total.getKey()))
                    .append("\" data-count=\"").append(total.getValue()).append("\" x=\"").append(LABEL_WIDTH)
                    .append("\" y=\"").append(y).append("\" width=\"").append(width).append("\" height=\"")
                    .append(BAR_HEIGHT - 4).append("\"><title>").append(escape(total.getKey())).append(": ")
                    .append(total.getValue()).append("</title></rect>")
                    .append("<text class=\"axis\" x=\"").append(LABEL_WIDTH + width + 4).append("\" y=\"")
                    .append(y + 15).append("\">").append(total.getValue()).append("</text>\n");
            y += BAR_HEIGHT;
        }
        html.append("</svg>\n");
    }

    /** One bar per completed batch shown, oldest left, its height the batch's errors. */
    private static void timeline(StringBuilder html, OverviewData data) {
        List<OverviewData.Row> completed = new ArrayList<>(data.rows().stream().filter(OverviewData.Row::report).toList());
        java.util.Collections.reverse(completed);
        long max = Math.max(1, completed.stream().mapToLong(OverviewData.Row::errors).max().orElse(1));
        int plot = TIMELINE_HEIGHT - 30;
        double step = completed.isEmpty() ? 0 : (double) (CHART_WIDTH - 60) / completed.size();
        html.append("<h2>Errors per batch over time</h2>\n<svg id=\"chart-timeline\" xmlns=\"http://www.w3.org/2000/svg\"")
                .append(" role=\"img\" aria-label=\"errors per batch, oldest first\" width=\"").append(CHART_WIDTH)
                .append("\" height=\"").append(TIMELINE_HEIGHT).append("\">\n")
                .append("<text class=\"axis\" x=\"0\" y=\"12\">").append(max).append("</text>")
                .append("<line x1=\"50\" y1=\"").append(plot + 5).append("\" x2=\"").append(CHART_WIDTH)
                .append("\" y2=\"").append(plot + 5).append("\" stroke=\"#999\"/>\n");
        for (int i = 0; i < completed.size(); i++) {
            OverviewData.Row row = completed.get(i);
            long height = row.errors() == 0 ? 0 : Math.max(1, row.errors() * plot / max);
            html.append("<rect class=\"bar\" data-batch-id=\"").append(escape(row.batchId())).append("\" data-count=\"")
                    .append(row.errors()).append("\" x=\"").append(String.format("%.1f", 55 + i * step))
                    .append("\" y=\"").append(plot + 5 - height).append("\" width=\"")
                    .append(String.format("%.1f", Math.max(1, step * 0.8))).append("\" height=\"").append(height)
                    .append("\"><title>").append(escape(row.batchId())).append(" ")
                    .append(escape(row.endedAt())).append(": ").append(row.errors()).append(" errors</title></rect>\n");
        }
        if (!completed.isEmpty()) {
            html.append("<text class=\"axis\" x=\"50\" y=\"").append(TIMELINE_HEIGHT - 5).append("\">")
                    .append(escape(completed.get(0).endedAt())).append("</text><text class=\"axis\" x=\"")
                    .append(CHART_WIDTH).append("\" text-anchor=\"end\" y=\"").append(TIMELINE_HEIGHT - 5).append("\">")
                    .append(escape(completed.get(completed.size() - 1).endedAt())).append("</text>\n");
        }
        html.append("</svg>\n");
    }

    private static void topMessages(StringBuilder html, OverviewData data) {
        html.append("<h2>Most frequent messages per category</h2>\n<section id=\"top-messages\">\n<p>The ")
                .append(OverviewScan.TOP).append(" most frequent messages of each category in the newest ")
                .append(data.messageBatches()).append(" completed batches shown (messages are grouped by their first ")
                .append(OverviewScan.MESSAGE_CHARS).append(" characters).</p>\n");
        data.topMessages().forEach((category, messages) -> {
            html.append("<h3>").append(escape(category)).append("</h3>\n<table class=\"top\" data-category=\"")
                    .append(escape(category)).append("\"><tr><th>Count</th><th>Message</th></tr>\n");
            for (OverviewData.MessageCount message : messages) {
                html.append("<tr><td class=\"n\">").append(message.count()).append("</td><td class=\"msg\">")
                        .append(escape(message.message())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        });
        html.append("</section>\n");
    }

    private static void table(StringBuilder html, OverviewData data) {
        html.append("<h2>Batches, newest first</h2>\n<table id=\"batches\"><thead><tr><th>Batch</th><th>Status</th>")
                .append("<th>Files</th><th>Errors</th>");
        for (String category : data.categories()) {
            html.append("<th>").append(escape(category)).append("</th>");
        }
        html.append("<th>Started</th><th>Finished</th><th>Outputs</th></tr></thead><tbody>\n");
        for (OverviewData.Row row : data.rows()) {
            html.append("<tr class=\"batch ").append(row.report() ? "completed" : "failed").append("\" data-batch-id=\"")
                    .append(escape(row.batchId())).append("\"><td>").append(escape(row.batchId())).append("</td><td>")
                    .append(escape(row.status()));
            if (row.reason() != null) {
                html.append(": ").append(escape(row.reason()));
            }
            html.append("</td><td class=\"n\">").append(row.report() ? String.valueOf(row.files()) : "")
                    .append("</td><td class=\"n\">").append(row.report() ? String.valueOf(row.errors()) : "").append("</td>");
            for (String category : data.categories()) {
                Long count = row.counts().get(category);
                html.append("<td class=\"n\" data-category=\"").append(escape(category)).append("\">")
                        .append(count == null ? "" : count).append("</td>");
            }
            html.append("<td>").append(escape(row.startedAt() == null ? "" : row.startedAt())).append("</td><td>")
                    .append(escape(row.endedAt())).append("</td><td>");
            links(html, row);
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    /** Relative links (the page sits at the output root); only validated names ever become a path. */
    private static void links(StringBuilder html, OverviewData.Row row) {
        if (!BatchId.isValid(row.batchId())) {
            return;
        }
        if (row.report()) {
            link(html, "reports/" + row.batchId() + ".json", "report");
        }
        if (row.deadLetter()) {
            link(html, "dead-letter/" + row.batchId() + ".json", "dead letter");
        }
        row.counts().forEach((category, count) -> {
            if (count > 0 && OverviewScan.isCategory(category)) {
                link(html, "errors/" + category + "/" + row.batchId() + ".jsonl", category);
            }
        });
    }

    private static void link(StringBuilder html, String href, String text) {
        html.append("<a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a> ");
    }

    /** Text for HTML content and quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
