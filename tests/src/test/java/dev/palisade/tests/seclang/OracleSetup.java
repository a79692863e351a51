package dev.palisade.tests.seclang;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.backends.BackendOutput;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInputs;
import dev.palisade.backends.BuildOptions;
import dev.palisade.backends.seclang.SecLangBackend;
import dev.palisade.cli.ftw.FtwFormat;
import dev.palisade.cli.ftw.FtwInput;
import dev.palisade.cli.ftw.FtwOutcome;
import dev.palisade.cli.ftw.FtwStage;
import dev.palisade.cli.ftw.InProcessTarget;
import dev.palisade.cli.ftw.WireTarget;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.dsl.diag.Diagnostics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One policy's WAF twice: as the SecLang backend's {@code <policy>.conf} in real ModSecurity
 * ({@link NginxModSecurity}), and in Palisade's interpreter in this process; requests go to both.
 */
final class OracleSetup implements AutoCloseable {
    /**
     * Who decided a request, and with which status: the WAF denied it, the HTTP front end refused it
     * before any rule ran (nginx's own 400 or 413, Palisade's parser), it was let through, or no
     * answer came. Two engines agree only on the same kind and, for denials, the same status: a 400
     * from nginx is not ModSecurity blocking, even where Palisade's WAF denies with 403.
     */
    record Verdict(Kind kind, int status) {
        enum Kind { ALLOW, WAF_DENY, FRONT_END, NO_ANSWER }

        static final Verdict ALLOW = new Verdict(Kind.ALLOW, 0);

        static Verdict deny(int status) {
            return new Verdict(Kind.WAF_DENY, status);
        }

        /** Statuses of requests let through are not compared: the two upstreams answer differently. */
        Verdict {
            status = kind == Kind.ALLOW || kind == Kind.NO_ANSWER ? 0 : status;
        }

        @Override
        public String toString() {
            return kind == Kind.ALLOW || kind == Kind.NO_ANSWER ? kind.toString() : kind + " " + status;
        }
    }

    private static final Pattern INTERVENTION = Pattern.compile("ModSecurity: Access denied with code (\\d+)");

    private final Path dir;
    private final NginxModSecurity nginx;
    final WireTarget modSecurity;
    final InProcessTarget palisade;

    private OracleSetup(Path dir, NginxModSecurity nginx, InProcessTarget palisade) {
        this.dir = dir;
        this.nginx = nginx;
        this.modSecurity = new WireTarget(URI.create("http://127.0.0.1:" + nginx.port()), Duration.ofSeconds(5));
        this.palisade = palisade;
    }

    /** Skips (JUnit assumption) when nginx, its ModSecurity module or Debian's CRS is missing. */
    static void assumeAvailable() {
        String missing = NginxModSecurity.missing();
        assumeTrue(missing.isEmpty(), "skipped: " + missing);
        assumeTrue(Files.isDirectory(Path.of("/usr/share/modsecurity-crs/rules")),
                "skipped: Debian's CRS is not installed (package `modsecurity-crs`)");
    }

    static OracleSetup start(Path policyFile, String policy) throws Exception {
        PolicyCompiler.Result result = PolicyCompiler.check(List.of(policyFile));
        assertTrue(result.ir().isPresent(), () -> result.diagnostics().sorted().toString());
        Diagnostics diagnostics = new Diagnostics();
        BuildInput input = BuildInputs.from(result, diagnostics);
        BackendOutput output = new SecLangBackend().emit(input, BuildOptions.defaults(), diagnostics);
        assertTrue(!diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
        assertTrue(output.files().stream().anyMatch(f -> f.path().equals(policy + ".conf")), policy + ".conf");
        Path dir = Files.createTempDirectory("modsecurity-oracle");
        try {
            // Run as root (CI containers), nginx's worker is `nobody` and writes its temp files here.
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            // The whole emitted directory, as a deployment copies it: the rules name their data files relative to it.
            for (BackendOutput.OutputFile file : output.files()) {
                Files.createDirectories(dir.resolve(file.path()).getParent());
                Files.writeString(dir.resolve(file.path()), file.text(), StandardCharsets.ISO_8859_1);
            }
            Path rules = dir.resolve(policy + ".conf");
            NginxModSecurity nginx = NginxModSecurity.start(dir, rules);
            return new OracleSetup(dir, nginx, new InProcessTarget(new WafInterpreter(input.wafs().get(policy).ir())));
        } catch (Exception | AssertionError e) {
            delete(dir);
            throw e;
        }
    }

    /** The error log so far: ModSecurity writes a line for each rule that matched. */
    String errorLog() throws java.io.IOException {
        return nginx.errorLog();
    }

    /**
     * A request as the CRS regression tests write them: {@code Host} (a name: a number would trip
     * 920350), {@code User-Agent} and {@code Accept}, unless {@code headers} (name, value, ...) gives them.
     */
    static FtwStage request(String method, String uri, Optional<String> form, String... headers) {
        List<FtwInput.Header> all = new ArrayList<>();
        List<String> given = new ArrayList<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            given.add(headers[i].toLowerCase(java.util.Locale.ROOT));
        }
        String[][] defaults = {{"Host", "www.example.com"}, {"User-Agent", "palisade-oracle-test"}, {"Accept", "*/*"}};
        for (String[] header : defaults) {
            if (!given.contains(header[0].toLowerCase(java.util.Locale.ROOT))) {
                all.add(new FtwInput.Header(header[0], header[1]));
            }
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            all.add(new FtwInput.Header(headers[i], headers[i + 1]));
        }
        return new FtwStage(0, new FtwInput(FtwFormat.FTW_V1, "127.0.0.1", 80, "http", method, uri, "HTTP/1.1", all, form,
                false, true, Optional.empty(), Optional.empty()), null);
    }

    /**
     * ModSecurity's verdict: a denial only when its part of the error log ({@code logged}, what nginx
     * wrote while answering) has ModSecurity's intervention line, whose code must be the status sent.
     */
    static Verdict modSecurityVerdict(FtwOutcome outcome, String logged) {
        if (outcome.status().isEmpty()) {
            return new Verdict(Verdict.Kind.NO_ANSWER, 0);
        }
        int status = outcome.status().getAsInt();
        Matcher intervention = INTERVENTION.matcher(logged);
        if (intervention.find()) {
            return Integer.parseInt(intervention.group(1)) == status ? Verdict.deny(status)
                    : new Verdict(Verdict.Kind.FRONT_END, status);
        }
        return status < 400 ? Verdict.ALLOW : new Verdict(Verdict.Kind.FRONT_END, status);
    }

    /**
     * Palisade's verdict: its in-process target answers a refused request without running a rule
     * and a WAF denial with the rules that matched, so a 4xx with matched rules is the WAF's.
     */
    static Verdict palisadeVerdict(FtwOutcome outcome) {
        if (outcome.status().isEmpty()) {
            return new Verdict(Verdict.Kind.NO_ANSWER, 0);
        }
        int status = outcome.status().getAsInt();
        if (status < 400) {
            return Verdict.ALLOW;
        }
        return outcome.firedIds().isEmpty() ? new Verdict(Verdict.Kind.FRONT_END, status) : Verdict.deny(status);
    }

    static String describe(FtwOutcome outcome) {
        return outcome.status().isPresent() ? String.valueOf(outcome.status().getAsInt()) : "no answer";
    }

    @Override
    public void close() throws Exception {
        try {
            nginx.close();
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
