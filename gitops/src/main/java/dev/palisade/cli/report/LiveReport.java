package dev.palisade.cli.report;

import dev.palisade.proxy.admin.DashboardPage;
import java.util.List;

/**
 * {@code palisade serve --dashboard}'s page: {@code palisade report}'s page for the runtime's window
 * of recent decision lines, reloading itself every {@value #REFRESH_SECONDS} seconds. The same reader,
 * aggregation and template as the file report, so the live view and the report never disagree.
 */
public final class LiveReport implements DashboardPage {
    public static final int REFRESH_SECONDS = 10;

    private final String source;

    /** @param source how the page names where its lines come from */
    public LiveReport(String source) {
        this.source = source;
    }

    @Override
    public String render(List<String> lines) {
        ReportData data = new ReportData();
        DecisionLogReader reader = new DecisionLogReader(data::add);
        reader.read(source, lines);
        return HtmlReport.renderRefreshing(data.toJson(source, "the last " + lines.size()
                + " lines, refreshed every " + REFRESH_SECONDS + " s", reader.skipped()), REFRESH_SECONDS);
    }
}
