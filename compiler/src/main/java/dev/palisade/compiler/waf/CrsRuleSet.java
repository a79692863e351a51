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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The OWASP Core Rule Set as a rule set, loaded in the order Debian's {@code owasp-crs.load}
 * uses: Palisade's engine defaults, {@code crs-setup.conf}, the tuning Palisade generates (paranoia
 * level, thresholds), the optional {@code REQUEST-900} exclusions, {@code rules/*.conf} in name
 * order, the optional {@code RESPONSE-999} exclusions, then the caller's own SecLang.
 *
 * <p>CRS v4 (a downloaded release, {@link Options#v4(Path)}) loads in the order its documentation
 * gives for plugins: engine defaults, {@code crs-setup.conf}, Palisade's tuning, then
 * {@code plugins/*-config.conf}, {@code plugins/*-before.conf}, the rules, and
 * {@code plugins/*-after.conf} (each group in name order). Its tuning uses v4's variables
 * ({@code tx.blocking_paranoia_level}, ...) under the ids {@code crs-setup.conf.example} documents
 * for them (900000 blocking paranoia, 900001 detection paranoia, 900110 thresholds, 900120 early
 * blocking, 900300-900350 argument and file limits; anything else from 900900).
 */
public final class CrsRuleSet {

    public static final Path DEBIAN_SETUP = Path.of("/etc/modsecurity/crs/crs-setup.conf");
    public static final Path DEBIAN_RULES = Path.of("/usr/share/modsecurity-crs/rules");

    /**
     * @param setup {@code crs-setup.conf}
     * @param rules the directory of {@code *.conf} rule files and their {@code .data} files
     * @param tuning extra {@code tx} settings as SecLang {@code setvar} arguments, e.g. {@code tx.combined_file_sizes=65535}
     * @param version the CRS major version: 3 (Debian's 3.3.4) or 4
     * @param plugins v4's {@code plugins} directory, when there is one
     * @param responseBodyMimeTypes {@code SecResponseBodyMimeType} after the setup; empty keeps the engine default
     */
    public record Options(Path setup, Path rules, int paranoia, int inboundThreshold, int outboundThreshold,
            EngineMode mode, List<String> tuning, int version, Optional<Path> plugins,
            List<String> responseBodyMimeTypes) {

        public Options {
            tuning = List.copyOf(tuning);
            responseBodyMimeTypes = List.copyOf(responseBodyMimeTypes);
        }

        /** A CRS 3 rule set. */
        public Options(Path setup, Path rules, int paranoia, int inboundThreshold, int outboundThreshold,
                EngineMode mode, List<String> tuning) {
            this(setup, rules, paranoia, inboundThreshold, outboundThreshold, mode, tuning, 3, Optional.empty(),
                    List.of());
        }

        /**
         * A CRS v4 release unpacked at {@code dir}: {@code crs-setup.conf} (else
         * {@code crs-setup.conf.example}), {@code rules/}, and {@code plugins/} when present; blocking
         * paranoia 1, thresholds 5/4, blocking.
         */
        public static Options v4(Path dir) {
            Path setup = dir.resolve("crs-setup.conf");
            if (!Files.exists(setup)) {
                setup = dir.resolve("crs-setup.conf.example");
            }
            Path plugins = dir.resolve("plugins");
            return new Options(setup, dir.resolve("rules"), 1, 5, 4, EngineMode.ON, List.of(), 4,
                    Files.isDirectory(plugins) ? Optional.of(plugins) : Optional.empty(), List.of());
        }

        /**
         * The v4 regression suite's own setup (CRS's {@code tests/docker-compose.yml}): detection only,
         * blocking and detection paranoia 4, response bodies of text types and JSON read, ARG_LENGTH
         * 400, TOTAL_ARG_LENGTH 6400, MAX_FILE_SIZE 64100, COMBINED_FILE_SIZES 65535.
         */
        public static Options v4RegressionSuite(Path dir) {
            Options v4 = v4(dir);
            return new Options(v4.setup(), v4.rules(), 4, 5, 4, EngineMode.DETECTION_ONLY,
                    List.of("tx.detection_paranoia_level=4", "tx.arg_length=400", "tx.total_arg_length=6400",
                            "tx.max_file_size=64100", "tx.combined_file_sizes=65535"),
                    4, v4.plugins(), List.of("text/plain", "text/html", "text/xml", "application/json"));
        }

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
        for (Path file : setupFilesAfterTuning(options)) {
            include(lower, file, diagnostics);
        }
        // crs-setup.conf may set SecRuleEngine; the caller's mode wins.
        lower.mode(options.mode());
        return lower;
    }

    /** The CRS rule files in name order, then the RESPONSE-999 exclusions. */
    public static void addRules(LowerSecLang lower, Options options, Diagnostics diagnostics) {
        EngineMode mode = lower.mode();
        for (Path file : ruleGroupFiles(options)) {
            include(lower, file, diagnostics);
        }
        lower.mode(mode);
    }

    /**
     * The setup group's files after {@code crs-setup.conf} and Palisade's tuning, in load order:
     * v4's plugin {@code *-config.conf} and {@code *-before.conf} files, then the REQUEST-900
     * exclusions beside the setup file (when there are any).
     */
    public static List<Path> setupFilesAfterTuning(Options options) {
        List<Path> files = new ArrayList<>();
        options.plugins().ifPresent(plugins -> {
            files.addAll(plugins(plugins, "-config.conf"));
            files.addAll(plugins(plugins, "-before.conf"));
        });
        Path exclusionsBefore = options.setup().resolveSibling("REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf");
        if (Files.isReadable(exclusionsBefore)) {
            files.add(exclusionsBefore);
        }
        return files;
    }

    /**
     * The rules group's files in load order: {@code rules/*.conf} by name, v4's plugin
     * {@code *-after.conf} files, then the RESPONSE-999 exclusions beside the setup file.
     */
    public static List<Path> ruleGroupFiles(Options options) {
        List<Path> files = new ArrayList<>(ruleFiles(options.rules()));
        options.plugins().ifPresent(plugins -> files.addAll(plugins(plugins, "-after.conf")));
        Path exclusionsAfter = options.setup().resolveSibling("RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf");
        if (Files.isReadable(exclusionsAfter)) {
            files.add(exclusionsAfter);
        }
        return files;
    }

    private static void include(LowerSecLang lower, Path file, Diagnostics diagnostics) {
        lower.add(SecLangStatements.of(SecLangSources.load(file, diagnostics).directives(), diagnostics),
                file.toAbsolutePath().getParent());
    }

    /** {@code plugins/*SUFFIX} in name order (CRS: {@code Include plugins/*-config.conf} and so on). */
    static List<Path> plugins(Path plugins, String suffix) {
        try (Stream<Path> files = Files.list(plugins)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The id {@code crs-setup.conf.example} (v4) gives the SecAction that sets a tuning setting's
     * variable ({@code tx.arg_length=400} → 900320), or empty for a variable it does not list.
     */
    public static Optional<Integer> documentedSetupId(String setting) {
        String variable = setting.substring(0, Math.max(0, setting.indexOf('='))).toLowerCase(java.util.Locale.ROOT);
        return Optional.ofNullable(V4_SETUP_IDS.get(variable));
    }

    private static final Map<String, Integer> V4_SETUP_IDS = Map.of(
            "tx.detection_paranoia_level", 900_001,
            "tx.early_blocking", 900_120,
            "tx.max_num_args", 900_300,
            "tx.arg_name_length", 900_310,
            "tx.arg_length", 900_320,
            "tx.total_arg_length", 900_330,
            "tx.max_file_size", 900_340,
            "tx.combined_file_sizes", 900_350);

    private static List<Path> ruleFiles(Path rules) {
        try (Stream<Path> files = Files.list(rules)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SourceFile tuning(Options options) {
        StringBuilder text = new StringBuilder();
        boolean v4 = options.version() >= 4;
        text.append("SecAction \"id:900000,phase:1,nolog,pass,t:none,setvar:")
                .append(v4 ? "tx.blocking_paranoia_level=" : "tx.paranoia_level=")
                .append(options.paranoia()).append("\"\n");
        text.append("SecAction \"id:900110,phase:1,nolog,pass,t:none,setvar:tx.inbound_anomaly_score_threshold=")
                .append(options.inboundThreshold()).append(",setvar:tx.outbound_anomaly_score_threshold=")
                .append(options.outboundThreshold()).append("\"\n");
        int id = 900_900;
        for (String setting : options.tuning()) {
            Integer documented = v4 ? documentedSetupId(setting).orElse(null) : null;
            text.append("SecAction \"id:").append(documented != null ? documented : id++).append(",phase:1,nolog,pass,t:none,setvar:")
                    .append(setting).append("\"\n");
        }
        if (!options.responseBodyMimeTypes().isEmpty()) {
            text.append("SecResponseBodyMimeType ").append(String.join(" ", options.responseBodyMimeTypes())).append('\n');
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
