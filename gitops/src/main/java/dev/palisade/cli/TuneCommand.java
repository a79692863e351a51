package dev.palisade.cli;

import dev.palisade.cli.tune.BenignMarks;
import dev.palisade.cli.tune.Finding;
import dev.palisade.cli.tune.Findings;
import dev.palisade.cli.tune.PolicyTests;
import dev.palisade.cli.tune.TuneLogReader;
import dev.palisade.cli.tune.TuneReport;
import dev.palisade.cli.tune.Tuner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "tune", description = {"Find the WAF rules that fire on benign traffic and suggest, for each, the "
        + "narrowest exclusion in Palisade syntax, ranked by how many benign requests it fired on.",
        "Benign means: a logged request whose request_id is in a --benign file or whose path is under a --benign-path, "
        + "or (with --policy) a test case expected to be allowed. With --policy, each suggestion is also added to a "
        + "temporary copy of the policy, checked, and the policy's tests are run to list the ones it would weaken.",
        "Nothing is applied: the policy files are not written.",
        "Exits 0 when it ran, 1 when a log or the policy could not be read, 2 on a usage error."})
final class TuneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "LOG", description = "decision logs from detection mode; - reads standard input")
    List<String> logs = new ArrayList<>();

    @Option(names = "--benign", paramLabel = "FILE", description = "request ids marked benign, one a line (# comments)")
    List<Path> benignFiles = new ArrayList<>();

    @Option(names = "--benign-path", paramLabel = "PREFIX",
            description = "requests to this path or under it are benign (repeatable)")
    List<String> benignPaths = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "PATH", description = "the policy file or directory the traffic ran under")
    Path policy;

    @Option(names = "--json", description = "write the findings as JSON")
    boolean json;

    @Option(names = "--tries", defaultValue = "200", paramLabel = "N",
            description = "generated requests per property when running the tests (default: ${DEFAULT-VALUE})")
    int tries;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "the properties' seed, the same before and after each suggestion (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (logs.isEmpty() && policy == null) {
            err.println("palisade: tune needs decision logs, a --policy, or both");
            return Inputs.USAGE;
        }
        if (!logs.isEmpty() && benignFiles.isEmpty() && benignPaths.isEmpty()) {
            err.println("palisade: say which logged requests are benign: --benign FILE (request ids) or --benign-path PREFIX");
            return Inputs.USAGE;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Path file : benignFiles) {
            try {
                Files.readAllLines(file).stream().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(ids::add);
            } catch (IOException unreadable) {
                err.println("palisade: " + file + ": cannot read: " + unreadable.getMessage());
                return Inputs.PROBLEMS;
            }
        }
        Findings findings = new Findings();
        TuneLogReader counting = new TuneLogReader(new BenignMarks(ids, benignPaths), findings::add);
        if (!LogFiles.readAll(logs, counting::read, err)) {
            return Inputs.PROBLEMS;
        }
        long fromLogs = counting.benign();
        counting.firstSkipped().forEach(problem -> err.println("palisade: skipped " + problem));
        Optional<Tuner> tuner = Optional.empty();
        int fromTests = 0;
        if (policy != null) {
            Optional<List<Path>> files = Inputs.policyFiles(List.of(policy), err);
            if (files.isEmpty()) {
                return Inputs.PROBLEMS;
            }
            List<String> problems = new ArrayList<>();
            Optional<PolicyTests> tests = PolicyTests.compile(files.get(), problems);
            if (tests.isEmpty()) {
                problems.forEach(problem -> err.println("palisade: " + problem));
                err.println("palisade: the policy does not pass palisade check; fix it first");
                return Inputs.PROBLEMS;
            }
            List<dev.palisade.cli.tune.BenignRequest> cases = tests.get().benignCases();
            cases.forEach(findings::add);
            fromTests = cases.size();
            tuner = Optional.of(new Tuner(policy, tests.get(), seed, tries));
        }
        List<Finding> ranked = new ArrayList<>();
        UnaryOperator<Finding> place = tuner.isPresent() ? tuner.get()::place : UnaryOperator.identity();
        for (Finding finding : findings.ranked(place)) {
            ranked.add(tuner.isPresent() ? tuner.get().assess(finding) : finding);
        }
        if (json) {
            TuneReport.json(out, ranked);
        } else {
            out.printf("palisade tune: %d decisions read, %d benign requests with WAF rules firing (%d from logs, "
                    + "%d from tests allowed by the policy); suggestions only, nothing is applied%n",
                    counting.decisions(), fromLogs + fromTests, fromLogs, fromTests);
            TuneReport.text(out, ranked, policy != null);
        }
        return 0;
    }
}
