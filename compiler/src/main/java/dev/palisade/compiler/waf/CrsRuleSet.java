package dev.palisade.compiler.waf;

import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.lower.waf.LowerSecLang;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.seclang.SecLangReader;
import dev.palisade.dsl.seclang.SecLangSources;
import dev.palisade.dsl.seclang.SecLangStatements;
import dev.palisade.engine.waf.EngineMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The OWASP Core Rule Set as a rule set, loaded in the order Debian's {@code owasp-crs.load}
 * uses: Palisade's engine defaults, {@code crs-setup.conf}, the tuning Palisade generates (paranoia
 * level, thresholds), the optional {@code REQUEST-900} exclusions, {@code rules/*.conf} in name
 * order, the optional {@code RESPONSE-999} exclusions, then the caller's own SecLang.
 */
public final class CrsRuleSet {

    public static final Path DEBIAN_SETUP = Path.of("/etc/modsecurity/crs/crs-setup.conf");
    public static final Path DEBIAN_RULES = Path.of("/usr/share/modsecurity-crs/rules");

    /**
     * @param setup {@code crs-setup.conf}
     * @param rules the directory of {@code *.conf} rule files and their {@code .data} files
     * @param tuning extra {@code tx} settings as SecLang {@code setvar} arguments, e.g. {@code tx.combined_file_sizes=65535}
     */
    public record Options(Path setup, Path rules, int paranoia, int inboundThreshold, int outboundThreshold,
            EngineMode mode, List<String> tuning) {

        /** Debian's CRS at paranoia 1, thresholds 5/4, blocking. */
        public static Options debian() {
            return new Options(DEBIAN_SETUP, DEBIAN_RULES, 1, 5, 4, EngineMode.ON, List.of());
        }

        /** The regression suite's own setup: paranoia 4, detection only, the test container's limits. */
        public static Options regressionSuite() {
            return new Options(DEBIAN_SETUP, DEBIAN_RULES, 4, 5, 4, EngineMode.DETECTION_ONLY,
                    List.of("tx.combined_file_sizes=65535"));
        }
    }

    private CrsRuleSet() {}

    /** Whether the CRS files are where the options say. */
    public static boolean available(Options options) {
        return Files.isReadable(options.setup()) && Files.isDirectory(options.rules());
    }

    public static IrWaf load(Options options, Diagnostics diagnostics) {
        LowerSecLang lower = begin(options, diagnostics);
        return lower.finish();
    }

    /** Everything up to and including the CRS rules; callers add their own SecLang, then {@code finish()}. */
    public static LowerSecLang begin(Options options, Diagnostics diagnostics) {
        LowerSecLang lower = beginSetup(options, diagnostics);
        addRules(lower, options, diagnostics);
        return lower;
    }

    /** Engine defaults, {@code crs-setup.conf}, Palisade's tuning and the REQUEST-900 exclusions. */
    public static LowerSecLang beginSetup(Options options, Diagnostics diagnostics) {
        LowerSecLang lower = new LowerSecLang(options.mode(), diagnostics);
        lower.add(SecLangStatements.of(SecLangReader.read(engineDefaults(), diagnostics), diagnostics), options.rules());
        include(lower, options.setup(), diagnostics);
        lower.add(SecLangStatements.of(SecLangReader.read(tuning(options), diagnostics), diagnostics), options.rules());
        Path exclusionsBefore = options.setup().resolveSibling("REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf");
        if (Files.isReadable(exclusionsBefore)) {
            include(lower, exclusionsBefore, diagnostics);
        }
        // crs-setup.conf may set SecRuleEngine; the caller's mode wins.
        lower.mode(options.mode());
        return lower;
    }

    /** The CRS rule files in name order, then the RESPONSE-999 exclusions. */
    public static void addRules(LowerSecLang lower, Options options, Diagnostics diagnostics) {
        EngineMode mode = lower.mode();
        for (Path file : ruleFiles(options.rules())) {
            include(lower, file, diagnostics);
        }
        Path exclusionsAfter = options.setup().resolveSibling("RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf");
        if (Files.isReadable(exclusionsAfter)) {
            include(lower, exclusionsAfter, diagnostics);
        }
        lower.mode(mode);
    }

    private static void include(LowerSecLang lower, Path file, Diagnostics diagnostics) {
        lower.add(SecLangStatements.of(SecLangSources.load(file, diagnostics).directives(), diagnostics),
                file.toAbsolutePath().getParent());
    }

    private static List<Path> ruleFiles(Path rules) {
        try (Stream<Path> files = Files.list(rules)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SourceFile tuning(Options options) {
        StringBuilder text = new StringBuilder();
        text.append("SecAction \"id:900000,phase:1,nolog,pass,t:none,setvar:tx.paranoia_level=")
                .append(options.paranoia()).append("\"\n");
        text.append("SecAction \"id:900110,phase:1,nolog,pass,t:none,setvar:tx.inbound_anomaly_score_threshold=")
                .append(options.inboundThreshold()).append(",setvar:tx.outbound_anomaly_score_threshold=")
                .append(options.outboundThreshold()).append("\"\n");
        int id = 900_900;
        for (String setting : options.tuning()) {
            text.append("SecAction \"id:").append(id++).append(",phase:1,nolog,pass,t:none,setvar:")
                    .append(setting).append("\"\n");
        }
        return new SourceFile("<palisade crs tuning>", text.toString());
    }

    private static SourceFile engineDefaults() {
        try (InputStream in = CrsRuleSet.class.getResourceAsStream("engine-defaults.conf")) {
            return new SourceFile("<palisade engine-defaults.conf>", new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
