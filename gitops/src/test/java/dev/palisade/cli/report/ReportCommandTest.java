package dev.palisade.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code palisade report}: its flags, its summary line, and bad input. */
class ReportCommandTest {
    private static final String LINE = "{\"timestamp\":\"2026-11-24T17:%02d:00Z\",\"type\":\"alp\",\"source_ip\":\"10.0.0.1\","
            + "\"dest_service\":\"%s\",\"dest_namespace\":\"default\",\"method\":\"GET\",\"path\":\"/x\",\"status\":%d,"
            + "\"action\":\"%s\"}";
    private static final String SUMMARY = "{\"timestamp\":\"2026-11-24T17:05:00Z\",\"type\":\"summary\",\"requests\":40,"
            + "\"logged\":2,\"not_logged\":38}";

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void filtersKeepTheLinesAskedFor(@TempDir Path directory) throws IOException {
        Path log = directory.resolve("decisions.log");
        Files.writeString(log, String.join("\n", String.format(LINE, 1, "www", 200, "allow"),
                String.format(LINE, 2, "www", 403, "deny"), String.format(LINE, 3, "orders", 200, "allow"),
                String.format(LINE, 9, "www", 200, "allow"), SUMMARY, "\u00ff\u00fe not a line"));
        Path html = directory.resolve("report.html");
        Result all = run("report", log.toString(), "-o", html.toString());
        assertEquals(0, all.code(), all::toString);
        assertTrue(all.out().startsWith("palisade report: 4 requests logged (3 allowed, 0 detected only, 1 denied by ALP, "
                + "0 blocked by the WAF, 0 rejected), 38 requests not logged individually, 1 lines skipped; wrote "), all.out());
        assertTrue(Files.readString(html).contains("<svg") || Files.readString(html).contains("createElementNS"));

        Result some = run("report", log.toString(), "-o", html.toString(), "--service", "www",
                "--since", "2026-11-24T17:02:00Z", "--until", "2026-11-24T17:09:00Z");
        assertEquals(0, some.code(), some::toString);
        // Only the denial at 17:02; the summary names no service, so a service filter leaves it out.
        assertTrue(some.out().startsWith("palisade report: 1 requests logged (0 allowed, 0 detected only, 1 denied by ALP"),
                some.out());
        assertTrue(some.out().contains(" 0 requests not logged individually"), some.out());
        assertTrue(Files.readString(html).contains("service www since 2026-11-24T17:02:00Z until 2026-11-24T17:09:00Z"));
    }

    @Test
    void aDashReadsStandardInput(@TempDir Path directory) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream((String.format(LINE, 1, "www", 403, "deny") + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        try {
            Result result = run("report", "-", "-o", directory.resolve("r.html").toString());
            assertEquals(0, result.code(), result::toString);
            assertTrue(result.out().contains("1 requests logged (0 allowed, 0 detected only, 1 denied by ALP"));
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void badInputIsAMessageNotACrash(@TempDir Path directory) {
        Result missing = run("report", directory.resolve("absent.log").toString(), "-o",
                directory.resolve("r.html").toString());
        assertEquals(1, missing.code(), missing::toString);
        assertTrue(missing.err().contains("absent.log: no such file"), missing.err());

        Result badTime = run("report", "x.log", "-o", "r.html", "--since", "yesterday");
        assertEquals(2, badTime.code(), badTime::toString);
        assertTrue(badTime.err().contains("ISO-8601 instant such as 2026-11-24T17:00:00Z: yesterday"), badTime.err());
    }
}
