package dev.palisade.cli;

import dev.palisade.cli.report.DecisionLogReader;
import dev.palisade.cli.report.HtmlReport;
import dev.palisade.cli.report.Outcome;
import dev.palisade.cli.report.ReportData;
import dev.palisade.cli.report.ReportFilter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", description = {"Turn decision logs (the JSON lines of palisade serve) into one "
        + "self-contained HTML page: decisions over time, response codes, denied paths, attacks by type, WAF rules, "
        + "sources and services, with filters. The page needs no network to open.",
        "Exits 0 when the report was written, 1 when a log could not be read, 2 on a usage error."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "decision log files; - reads standard input")
    List<String> logs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "the HTML file to write")
    Path output;

    @Option(names = "--service", paramLabel = "S", description = "only lines whose dest_service is S")
    String service;

    @Option(names = "--namespace", paramLabel = "N", description = "only lines whose dest_namespace is N")
    String namespace;

    @Option(names = "--since", paramLabel = "ISO",
            description = "only lines at or after this instant (2026-11-24T17:00:00Z)")
    String since;

    @Option(names = "--until", paramLabel = "ISO", description = "only lines before this instant")
    String until;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportFilter filter;
        try {
            filter = new ReportFilter(service, namespace, instant(since), instant(until));
        } catch (DateTimeParseException bad) {
            err.println("palisade: --since and --until take an ISO-8601 instant such as 2026-11-24T17:00:00Z: "
                    + bad.getParsedString());
            return Inputs.USAGE;
        }
        ReportData data = new ReportData();
        DecisionLogReader reader = new DecisionLogReader(entry -> {
            if (filter.admits(entry)) {
                data.add(entry);
            }
        });
        if (!LogFiles.readAll(logs, reader::read, err)) {
            return Inputs.PROBLEMS;
        }
        reader.firstSkipped().forEach(problem -> err.println("palisade: skipped " + problem));
        if (reader.skipped() > reader.firstSkipped().size()) {
            err.println("palisade: skipped " + (reader.skipped() - reader.firstSkipped().size()) + " more lines");
        }
        String page = HtmlReport.render(data.toJson(String.join(", ", logs), filter.describe(), reader.skipped()));
        try {
            Files.writeString(output, page, StandardCharsets.UTF_8);
        } catch (IOException unwritable) {
            err.println("palisade: " + output + ": cannot write: " + unwritable.getMessage());
            return Inputs.PROBLEMS;
        }
        out.printf("palisade report: %d requests logged (%d allowed, %d detected only, %d denied by ALP, "
                + "%d blocked by the WAF, %d rejected), %d requests not logged individually, %d lines skipped; "
                + "wrote %s%n", data.lines(), data.total(Outcome.ALLOWED), data.total(Outcome.DETECTED_ONLY),
                data.total(Outcome.DENIED_BY_ALP), data.total(Outcome.BLOCKED_BY_WAF), data.total(Outcome.REJECTED),
                data.notLogged(), reader.skipped(), output);
        return 0;
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
