package dev.palisade.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.cli.Main;
import dev.palisade.cli.report.HtmlReport;
import dev.palisade.cli.report.LiveReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code palisade serve --dashboard} refuses what it cannot serve, says what it does in its help, and
 * its page is {@code palisade report}'s page plus a reload: same policy, same data.
 */
class ServeDashboardOptionTest {

    private record Run(int code, String out, String err) {}

    private static Run palisade(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theDashboardNeedsTheAdminPort() {
        Run run = palisade("serve", "--policies", ScriptedAttackRun.POLICIES.toString(), "--upstream",
                "http://127.0.0.1:9", "--workload-labels", "app=www", "--dashboard");
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("--dashboard is served on the admin port: add --admin HOST:PORT"), run.err());
        Run extAuthz = palisade("serve", "--policies", ScriptedAttackRun.POLICIES.toString(), "--mode", "ext-authz",
                "--workload-labels", "app=www", "--dashboard");
        assertEquals(2, extAuthz.code(), extAuthz.err());
        assertTrue(extAuthz.err().contains("--dashboard is served on the admin port: add --admin HOST:PORT"), extAuthz.err());
    }

    @Test
    void theHelpDescribesTheDashboard() {
        Run help = palisade("serve", "--help");
        // The help wraps its lines: compare with the spaces collapsed.
        String text = (help.out() + help.err()).replaceAll("\\s+", " ");
        assertTrue(text.contains("--dashboard serve a live, read-only report"), text);
        assertTrue(text.contains("/dashboard on the --admin port"), text);
    }

    @Test
    void theLivePageIsTheReportPageReloadingItself() {
        String line = "{\"timestamp\":\"2026-11-24T17:00:00Z\",\"type\":\"alp\",\"source_ip\":\"10.0.0.1\","
                + "\"dest_service\":\"www\",\"dest_namespace\":\"default\",\"method\":\"GET\",\"path\":\"/.git/HEAD\","
                + "\"status\":403,\"action\":\"deny\",\"denied_by\":\"alp\"}";
        String live = new LiveReport("test").render(List.of(line, "not a decision line"));
        String refresh = "<meta http-equiv=\"refresh\" content=\"" + LiveReport.REFRESH_SECONDS + "\">\n";
        assertEquals(1, live.split(Pattern.quote(refresh), -1).length - 1, "one refresh, in the head");
        assertTrue(live.indexOf(refresh) < live.indexOf("</head>"));
        assertTrue(live.contains("default-src 'none'") && !live.contains("connect-src"), "still no fetch allowed");
        assertTrue(live.contains("\\/.git\\/HEAD") || live.contains("/.git/HEAD"), "the line's data is in the page");
        assertTrue(live.contains("\"skippedLines\":1"), "the other line was counted as skipped");
        assertFalse(HtmlReport.render(new ObjectMapper().createObjectNode()).contains("http-equiv=\"refresh\""),
                "palisade report's file does not reload");
    }
}
