package dev.palisade.cli.ftw;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code palisade ftw}: runs the OWASP CRS regression tests (FTW v1 or go-ftw YAML) in process or
 * against a running server. Exit 0 all good; 1 failures (below the baseline, when one is given); 2
 * usage or input errors (a malformed test file among them: the others still run).
 */
@Command(name = "ftw", description = "Run OWASP CRS regression tests (FTW / go-ftw YAML) against the WAF.")
public final class FtwCommand implements Callable<Integer> {
    static final int PROBLEMS = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "test files or folders (*.yaml, *.yml; recursive)")
    List<Path> paths;

    @Option(names = "--policy", paramLabel = "FILE", description = "policy whose rules join the CRS (in-process only)")
    Path policy;

    @Option(names = "--crs-v4", paramLabel = "DIR",
            description = "run a CRS v4 release (unpacked at DIR) in process at its regression suite's setup"
                    + " instead of Debian's CRS 3.3.4")
    Path crsV4;

    @Option(names = "--target", paramLabel = "URL",
            description = "send the requests to this server (http://127.0.0.1:PORT) instead of the in-process engine")
    String target;

    @Option(names = "--allow-remote-target", description = "allow a --target that is not this machine")
    boolean allowRemoteTarget;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "socket timeout per request with --target (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--overrides", paramLabel = "FILE", description = "expected deviations, go-ftw overrides format")
    Path overridesFile;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "properties file with passed=N: fail below N, ask to raise it above")
    Path baselineFile;

    @Option(names = "--failures", paramLabel = "FILE", description = "write the failures with their reasons here")
    Path failuresFile;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write the results as JUnit XML")
    Path junitFile;

    @Option(names = "--include", paramLabel = "REGEX", description = "run only tests whose id (942100-3) matches")
    String include;

    private final FtwEngines engines;

    public FtwCommand() {
        this(FtwEngines.standard());
    }

    public FtwCommand(FtwEngines engines) {
        this.engines = engines;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(out, err);
        } catch (UsageException usage) {
            err.println("palisade ftw: " + usage.getMessage());
            return USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws UsageException {
        Optional<Pattern> includePattern = includePattern();
        Optional<Integer> baseline = baselineFile == null ? Optional.empty()
                : Optional.of(readOrFail(baselineFile, FtwBaseline::read));
        FtwOverrides overrides = overridesFile == null ? FtwOverrides.none() : readOrFail(overridesFile, FtwOverrides::read);
        FtwTarget ftwTarget = target();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new UsageException(path + ": no such file or directory");
            }
        }
        FtwLoader.Loaded loaded;
        try {
            loaded = FtwLoader.load(paths);
        } catch (IOException e) {
            throw new UsageException("cannot list test files: " + e.getMessage());
        }
        loaded.errors().forEach(error -> err.println("palisade ftw: " + error.render()));
        if (loaded.suites().isEmpty() && loaded.errors().isEmpty()) {
            throw new UsageException("no .yaml test files in " + paths);
        }
        FtwReport report = new FtwReport(new FtwRunner(ftwTarget, overrides, includePattern)
                .run(loaded.suites(), result -> { }));
        report.print(out);
        if (failuresFile != null) {
            try {
                report.writeFailures(failuresFile);
            } catch (IOException e) {
                throw new UsageException("cannot write " + failuresFile + ": " + e.getMessage());
            }
        }
        if (junitFile != null) {
            try {
                FtwJunitXml.write(report.results(), junitFile);
            } catch (IOException e) {
                throw new UsageException("cannot write " + junitFile + ": " + e.getMessage());
            }
        }
        int code = verdict(report, baseline, out, err);
        out.println(report.summary());
        if (!loaded.errors().isEmpty()) {
            err.println("palisade ftw: " + loaded.errors().size() + " test file(s) could not be read (see above)");
            return USAGE;
        }
        return code;
    }

    private int verdict(FtwReport report, Optional<Integer> baseline, PrintWriter out, PrintWriter err) {
        if (baseline.isEmpty()) {
            return report.failed() > 0 ? PROBLEMS : 0;
        }
        int expected = baseline.get();
        if (report.passed() < expected) {
            err.println("palisade ftw: " + report.passed() + " passed, below the baseline of " + expected + " in "
                    + baselineFile);
            return PROBLEMS;
        }
        if (report.passed() > expected) {
            out.println("hint: " + report.passed() + " passed, above the baseline of " + expected
                    + ": raise it with `" + FtwBaseline.KEY + "=" + report.passed() + "` in " + baselineFile);
        }
        return 0;
    }

    private FtwTarget target() throws UsageException {
        if (crsV4 != null && (policy != null || target != null)) {
            throw new UsageException("--crs-v4 is the in-process engine: it takes neither --policy (put the v4 rule"
                    + " set in the policy's waf block instead) nor --target");
        }
        if (target == null) {
            try {
                FtwEngines source = crsV4 == null ? engines : FtwEngines.crsV4(crsV4);
                return new InProcessTarget(source.open(Optional.ofNullable(policy)));
            } catch (FtwEngines.Unavailable unavailable) {
                throw new UsageException(unavailable.getMessage());
            }
        }
        if (policy != null) {
            throw new UsageException("--policy applies to the in-process engine; the server at --target runs its own");
        }
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            throw new UsageException("--target must be http://HOST:PORT, got `" + target + "`");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new UsageException("--target must be http://HOST:PORT, got `" + target + "`");
        }
        if (!allowRemoteTarget && !WireTarget.isLoopback(uri)) {
            throw new UsageException("--target " + target + " is not this machine; the suite sends attacks,"
                    + " so pass --allow-remote-target to mean it");
        }
        if (timeoutSeconds < 1) {
            throw new UsageException("--timeout must be at least 1 second");
        }
        return new WireTarget(uri, Duration.ofSeconds(timeoutSeconds));
    }

    private Optional<Pattern> includePattern() throws UsageException {
        if (include == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(include));
        } catch (PatternSyntaxException e) {
            throw new UsageException("--include is not a valid regex: " + e.getDescription());
        }
    }

    private interface Reader<T> {
        T read(Path file) throws FtwFileException;
    }

    private static <T> T readOrFail(Path file, Reader<T> reader) throws UsageException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + ": no such file");
        }
        try {
            return reader.read(file);
        } catch (FtwFileException e) {
            throw new UsageException(file + (e.line().isPresent() ? ":" + e.line().getAsInt() : "") + ": "
                    + e.getMessage());
        }
    }

    /** A problem with what the user asked for: message shown, exit 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

}
