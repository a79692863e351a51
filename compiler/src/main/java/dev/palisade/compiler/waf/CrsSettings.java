package dev.palisade.compiler.waf;

import dev.palisade.dsl.ast.NumberLiteral;
import dev.palisade.dsl.ast.WafBlock;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.diag.Suggestions;
import dev.palisade.engine.waf.EngineMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a {@code waf} block's {@code crs} line, in one place for the checks and the
 * lowering.
 *
 * <pre>
 * crs paranoia 2 inbound-threshold 10                       // Debian's CRS 3.3.4 (the default)
 * crs version 4 dir "/opt/coreruleset-4.28.0"               // a downloaded CRS v4 release
 *     blocking-paranoia 2 detection-paranoia 3 early-blocking
 *     inbound-threshold 10 outbound-threshold 5
 *     arg-length 400 total-arg-length 6400 max-file-size 64100 combined-file-sizes 65535
 * </pre>
 *
 * <p>{@code version 4} needs {@code dir}: the release's directory ({@code crs-setup.conf} or
 * {@code crs-setup.conf.example}, {@code rules/}, optional {@code plugins/}), relative to the
 * policy file. {@code paranoia} is the blocking paranoia level in v4. The limits become the
 * {@code tx} variables of {@code crs-setup.conf}'s SecActions 900300-900350 (both versions);
 * {@code blocking-paranoia}, {@code detection-paranoia} and {@code early-blocking} exist only in v4.
 */
public final class CrsSettings {

    private enum Kind { NUMBER, TEXT, FLAG }

    private record Key(Kind kind, long min, long max, boolean v4Only, String variable) {}

    private static final Map<String, Key> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("version", new Key(Kind.NUMBER, 3, 4, false, null));
        KEYS.put("dir", new Key(Kind.TEXT, 0, 0, false, null));
        KEYS.put("rules", new Key(Kind.TEXT, 0, 0, false, null));
        KEYS.put("paranoia", new Key(Kind.NUMBER, 1, 4, false, null));
        KEYS.put("blocking-paranoia", new Key(Kind.NUMBER, 1, 4, true, null));
        KEYS.put("detection-paranoia", new Key(Kind.NUMBER, 1, 4, true, "tx.detection_paranoia_level"));
        KEYS.put("early-blocking", new Key(Kind.FLAG, 0, 0, true, "tx.early_blocking"));
        KEYS.put("inbound-threshold", new Key(Kind.NUMBER, 1, 10_000, false, null));
        KEYS.put("outbound-threshold", new Key(Kind.NUMBER, 1, 10_000, false, null));
        KEYS.put("max-num-args", new Key(Kind.NUMBER, 1, 1_000_000, false, "tx.max_num_args"));
        KEYS.put("arg-name-length", new Key(Kind.NUMBER, 1, 1L << 31, false, "tx.arg_name_length"));
        KEYS.put("arg-length", new Key(Kind.NUMBER, 1, 1L << 31, false, "tx.arg_length"));
        KEYS.put("total-arg-length", new Key(Kind.NUMBER, 1, 1L << 31, false, "tx.total_arg_length"));
        KEYS.put("max-file-size", new Key(Kind.NUMBER, 1, 1L << 31, false, "tx.max_file_size"));
        KEYS.put("combined-file-sizes", new Key(Kind.NUMBER, 1, 1L << 31, false, "tx.combined_file_sizes"));
    }

    private CrsSettings() {}

    /** The setting words, in documentation order. */
    public static List<String> keys() {
        return List.copyOf(KEYS.keySet());
    }

    /** The CRS major version the line selects: 4 with {@code version 4}, else 3. */
    public static int version(WafBlock.Crs crs) {
        for (WafBlock.CrsSetting setting : crs.settings()) {
            if (setting.key().equals("version")) {
                long value = setting.number().map(n -> n.value().orElse(3)).orElse(3L);
                return value == 4 ? 4 : 3;
            }
        }
        return 3;
    }

    /** Where the CRS rule files are: {@code rules}, else v4's {@code dir}/rules, else Debian's. */
    public static Path rulesDirectory(WafBlock.Crs crs, Path directory) {
        return options(crs, EngineMode.ON, directory).rules();
    }

    /** Reports unknown, repeated, mistyped and out-of-range settings at their own spans. */
    public static void check(WafBlock.Crs crs, Path directory, Diagnostics diagnostics) {
        int version = 3;
        Map<String, Span> seen = new HashMap<>();
        long blocking = -1;
        long detection = -1;
        Span detectionSpan = null;
        boolean hasDir = false;
        for (WafBlock.CrsSetting setting : crs.settings()) {
            Key key = KEYS.get(setting.key());
            if (key == null) {
                diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, setting.keySpan(),
                        "unknown crs setting `" + setting.key() + "`",
                        Suggestions.didYouMean(setting.key(), keys())
                                .orElse("the crs settings are " + String.join(", ", keys())));
                continue;
            }
            Span first = seen.putIfAbsent(setting.key(), setting.keySpan());
            if (first != null) {
                diagnostics.error(DiagnosticCode.DUPLICATE_SETTING, setting.keySpan(),
                        "crs setting `" + setting.key() + "` is already given at " + first.location());
            }
            if (!valueFits(setting, key, diagnostics)) {
                continue;
            }
            if (key.kind() == Kind.NUMBER) {
                NumberLiteral number = setting.number().get();
                long value = number.value().orElse(-1);
                if (value < key.min() || value > key.max()) {
                    diagnostics.error(DiagnosticCode.OUT_OF_RANGE, number.span(),
                            "`" + setting.key() + " " + number.text() + "` is out of range", range(setting.key(), key));
                    continue;
                }
                switch (setting.key()) {
                    case "version" -> version = (int) value;
                    case "paranoia", "blocking-paranoia" -> blocking = value;
                    case "detection-paranoia" -> {
                        detection = value;
                        detectionSpan = number.span();
                    }
                    default -> { }
                }
            }
            if (setting.key().equals("dir")) {
                hasDir = true;
                String text = setting.text().get().value();
                Path dir = directory.resolve(text);
                Span span = setting.text().get().span();
                if (!Files.isDirectory(dir)) {
                    diagnostics.error(DiagnosticCode.MISSING_FILE, span, "CRS directory `" + text + "` not found",
                            "download a CRS v4 release (github.com/coreruleset/coreruleset/releases), unpack it, and"
                                    + " give its directory; paths are relative to the policy file's directory");
                } else if (!Files.isDirectory(dir.resolve("rules"))) {
                    diagnostics.error(DiagnosticCode.MISSING_FILE, span, "`" + text + "` has no rules/ directory",
                            "give the directory of an unpacked CRS v4 release (it holds rules/ and crs-setup.conf.example)");
                } else if (!Files.isReadable(dir.resolve("crs-setup.conf"))
                        && !Files.isReadable(dir.resolve("crs-setup.conf.example"))) {
                    diagnostics.error(DiagnosticCode.MISSING_FILE, span,
                            "`" + text + "` has neither crs-setup.conf nor crs-setup.conf.example",
                            "give the directory of an unpacked CRS v4 release");
                }
            }
        }
        for (WafBlock.CrsSetting setting : crs.settings()) {
            Key key = KEYS.get(setting.key());
            if (key == null) {
                continue;
            }
            if (version < 4 && (key.v4Only() || setting.key().equals("dir"))) {
                diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, setting.keySpan(),
                        "`" + setting.key() + "` needs CRS v4", "add `version 4 dir \"PATH\"` to this crs line;"
                                + " Debian's CRS 3.3.4 has one paranoia level (`paranoia N`)");
            }
        }
        if (version < 4) {
            CrsRuleSet.Options options = options(crs, EngineMode.ON, directory);
            if (!Files.isDirectory(options.rules()) || !Files.isReadable(options.setup())) {
                String missing = !Files.isDirectory(options.rules()) ? options.rules().toString() : options.setup().toString();
                diagnostics.error(DiagnosticCode.MISSING_FILE, crs.span(),
                        "the OWASP Core Rule Set is not installed: `" + missing + "` not found",
                        "install Debian's CRS (`sudo apt-get install modsecurity-crs`), or give a CRS 3.x copy"
                                + " with `rules \"DIR\"`, or a v4 release with `version 4 dir \"DIR\"`");
            }
        }
        if (version >= 4 && !hasDir) {
            diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, seen.get("version"), "`crs version 4` needs `dir \"PATH\"`",
                    "Debian packages only CRS 3.3.4: download a v4 release and give its directory");
        }
        if (seen.containsKey("paranoia") && seen.containsKey("blocking-paranoia")) {
            diagnostics.error(DiagnosticCode.DUPLICATE_SETTING, seen.get("blocking-paranoia"),
                    "`paranoia` and `blocking-paranoia` are the same setting in CRS v4", "give one of them");
        }
        if (detection >= 0 && detection < Math.max(blocking, 1)) {
            diagnostics.error(DiagnosticCode.OUT_OF_RANGE, detectionSpan, "detection paranoia " + detection
                    + " is below the blocking paranoia level " + Math.max(blocking, 1),
                    "the detection paranoia level is the blocking one or higher (CRS logs more than it blocks)");
        }
    }

    private static boolean valueFits(WafBlock.CrsSetting setting, Key key, Diagnostics diagnostics) {
        boolean hasNumber = setting.number().isPresent();
        boolean hasText = setting.text().isPresent();
        String problem = switch (key.kind()) {
            case NUMBER -> hasNumber ? null : "a number";
            case TEXT -> hasText ? null : "a \"PATH\"";
            case FLAG -> hasNumber || hasText ? "no value" : null;
        };
        if (problem == null) {
            return true;
        }
        Span span = setting.number().map(NumberLiteral::span)
                .or(() -> setting.text().map(t -> t.span())).orElse(setting.keySpan());
        diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, span, "crs setting `" + setting.key() + "` takes " + problem,
                "e.g. " + example(setting.key(), key));
        return false;
    }

    private static String range(String name, Key key) {
        if (name.endsWith("paranoia")) {
            return "the Core Rule Set has paranoia levels 1 to 4";
        }
        if (name.equals("version")) {
            return "versions 3 (Debian's CRS 3.3.4, the default) and 4 (a downloaded release) are supported";
        }
        if (name.endsWith("threshold")) {
            return "thresholds are from 1 to 10000; the Core Rule Set's default is 5 inbound, 4 outbound";
        }
        return "from " + key.min() + " to " + key.max();
    }

    private static String example(String name, Key key) {
        return switch (key.kind()) {
            case NUMBER -> "`" + name + " " + (name.equals("version") ? 4 : name.endsWith("paranoia") ? 2 : 400) + "`";
            case TEXT -> "`" + name + " \"/opt/coreruleset-4.28.0\"`";
            case FLAG -> "`" + name + "`";
        };
    }

    /** The CRS options a checked crs line lowers to (Debian's 3.3.4 unless {@code version 4}). */
    public static CrsRuleSet.Options options(WafBlock.Crs crs, EngineMode mode, Path directory) {
        int version = version(crs);
        CrsRuleSet.Options defaults = CrsRuleSet.Options.debian();
        for (WafBlock.CrsSetting setting : crs.settings()) {
            if (version >= 4 && setting.key().equals("dir") && setting.text().isPresent()) {
                defaults = CrsRuleSet.Options.v4(directory.resolve(setting.text().get().value()));
            }
        }
        int paranoia = defaults.paranoia();
        int inbound = defaults.inboundThreshold();
        int outbound = defaults.outboundThreshold();
        Path rules = defaults.rules();
        Path setup = defaults.setup();
        List<String> tuning = new ArrayList<>();
        for (WafBlock.CrsSetting setting : crs.settings()) {
            Key key = KEYS.get(setting.key());
            long number = setting.number().map(n -> n.value().orElse(0)).orElse(0L);
            switch (setting.key()) {
                case "paranoia", "blocking-paranoia" -> paranoia = (int) number;
                case "inbound-threshold" -> inbound = (int) number;
                case "outbound-threshold" -> outbound = (int) number;
                case "rules" -> rules = setting.text().map(t -> directory.resolve(t.value())).orElse(rules);
                case "setup" -> setup = setting.text().map(t -> directory.resolve(t.value())).orElse(setup);
                default -> {
                    if (key != null && key.variable() != null) {
                        tuning.add(key.variable() + "=" + (key.kind() == Kind.FLAG ? 1 : number));
                    }
                }
            }
        }
        return new CrsRuleSet.Options(setup, rules, paranoia, inbound, outbound, mode, tuning, defaults.version(),
                defaults.plugins(), defaults.responseBodyMimeTypes());
    }
}
