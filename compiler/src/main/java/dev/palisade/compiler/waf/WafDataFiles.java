package dev.palisade.compiler.waf;

import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.ir.waf.IrWafItem;
import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import dev.palisade.engine.operator.DataFiles;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The data files a WAF reads: {@code @pmFromFile bots.data} (alias {@code @pmf}) and
 * {@code @ipMatchFromFile nets.data} (alias {@code @ipMatchF}) name files, separated by spaces,
 * relative to the file the rule is written in (a policy, an included SecLang file, a CRS rule
 * file), as ModSecurity resolves them. A file the engine cannot read would leave the rule never
 * matching, so every one must be readable when the policies are checked and built.
 */
public final class WafDataFiles {
    private static final Set<String> OPERATORS = Set.of("pmfromfile", "pmf", "ipmatchfromfile", "ipmatchf");

    private WafDataFiles() {}

    /**
     * One file one rule reads.
     *
     * @param name as written in the rule
     * @param path resolved against the rule's data directory, normalized
     */
    public record DataFile(IrWafRule rule, String name, Path path) {}

    /** Whether {@code @operator} reads its argument's files. */
    public static boolean readsFiles(String operator) {
        return OPERATORS.contains(operator.toLowerCase(Locale.ROOT));
    }

    /** The file names of a file operator's argument, with their offsets in it (split on spaces, as the engine does). */
    public static List<Name> names(String argument) {
        List<Name> names = new ArrayList<>();
        int at = 0;
        for (String name : argument.split(" ", -1)) {
            if (!name.isEmpty()) {
                names.add(new Name(name, at));
            }
            at += name.length() + 1;
        }
        return names;
    }

    /** A file name in an operator argument, at {@code offset}. */
    public record Name(String text, int offset) {}

    /** Every data file the rules of {@code waf} read (chained rules included), in rule order. */
    public static List<DataFile> of(IrWaf waf) {
        List<DataFile> files = new ArrayList<>();
        for (IrWafRule rule : fileRules(waf)) {
            for (Name name : names(rule.operator().orElseThrow().argument())) {
                resolve(Path.of(rule.dataDirectory()), name.text())
                        .ifPresent(path -> files.add(new DataFile(rule, name.text(), path)));
            }
        }
        return files;
    }

    /** The rules and chained rules of {@code waf} whose operator reads files. */
    private static List<IrWafRule> fileRules(IrWaf waf) {
        List<IrWafRule> rules = new ArrayList<>();
        for (IrWafItem item : waf.items()) {
            for (Optional<IrWafRule> link = item instanceof IrWafRule rule ? Optional.of(rule) : Optional.empty();
                    link.isPresent(); link = link.get().chained()) {
                if (link.get().operator().isPresent() && readsFiles(link.get().operator().get().name())) {
                    rules.add(link.get());
                }
            }
        }
        return rules;
    }

    /**
     * The problem with data file {@code name} of a rule whose files are relative to
     * {@code directory}, or empty when the engine can read it.
     */
    public static Optional<String> problem(String operator, String name, Path directory) {
        if (name.startsWith("http://") || name.startsWith("https://")) {
            return Optional.of("`@" + operator + "` cannot fetch `" + name + "`: remote data files are not supported");
        }
        Optional<Path> path = resolve(directory, name);
        if (path.isEmpty() || !Files.isRegularFile(path.get()) || !Files.isReadable(path.get())) {
            return Optional.of("data file `" + name + "` of `@" + operator + "` cannot be read"
                    + path.map(p -> " (looked for `" + shown(p) + "`)").orElse(""));
        }
        return Optional.empty();
    }

    /**
     * Reports every data file of {@code waf} the engine could not read, at its rule. The policy's
     * own rules were checked with their operator's column before lowering; this also covers the
     * Core Rule Set's files, which the checks do not read.
     */
    public static void check(IrWaf waf, Diagnostics diagnostics) {
        for (IrWafRule rule : fileRules(waf)) {
            String operator = rule.operator().orElseThrow().name();
            for (Name name : names(rule.operator().orElseThrow().argument())) {
                problem(operator, name.text(), Path.of(rule.dataDirectory()))
                        .ifPresent(problem -> report(rule.span(), problem, diagnostics));
            }
        }
    }

    /** The error for an unreadable data file, with the hint every place that reports one gives. */
    public static void report(Span span, String problem, Diagnostics diagnostics) {
        diagnostics.error(DiagnosticCode.UNREADABLE_DATA_FILE, span, problem,
                "data files are relative to the file the rule is written in; without the file the rule never matches");
    }

    /**
     * Where the engine opens data file {@code name} of a rule whose files are relative to
     * {@code directory}; empty when the name is no path here.
     */
    public static Optional<Path> resolve(Path directory, String name) {
        try {
            return Optional.of(DataFiles.path(directory, name).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** A path as a user would type it here: relative to the working directory when below it. */
    private static String shown(Path path) {
        Path here = Path.of("").toAbsolutePath();
        return path.startsWith(here) ? here.relativize(path).toString() : path.toString();
    }
}
