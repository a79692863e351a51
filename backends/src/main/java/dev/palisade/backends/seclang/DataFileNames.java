package dev.palisade.backends.seclang;

import dev.palisade.backends.BackendOutput;
import dev.palisade.backends.BuildDataFiles;
import dev.palisade.backends.BuildInput;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.ir.waf.IrWafItem;
import dev.palisade.compiler.ir.waf.IrWafOperator;
import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.compiler.waf.WafDataFiles;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.waf.ByteText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where the emitted rules find their data files. The policies' own data files are copied under
 * {@code data/}, at their paths relative to the policy sources, and named relative to the
 * {@code .conf} (ModSecurity v3 and Coraza resolve a relative data file against the rule's file):
 * so the output is the same from any checkout and runs wherever the directory is copied. A Core
 * Rule Set's data files stay where it is installed, as its rule files do, and a file the rule
 * names by an absolute path stays at that path.
 */
final class DataFileNames {
    static final String DIRECTORY = "data";

    /** Written name by resolved path, for the files copied into the output. */
    private final Map<Path, String> copied = new TreeMap<>();
    private final Map<String, String> texts = new TreeMap<>();

    private DataFileNames() {}

    /** No copies: every data file named by its resolved path (a rule set rendered on its own). */
    static DataFileNames none() {
        return new DataFileNames();
    }

    /** The names for {@code input}'s data files; one that must be copied but is not text is an error at its rule. */
    static DataFileNames of(BuildInput input, Diagnostics diagnostics) {
        DataFileNames names = new DataFileNames();
        for (BuildDataFiles.UsedFile used : BuildDataFiles.of(input)) {
            Path path = used.file().path();
            String source = input.sources().get(path.toString());
            if (used.carried() == BuildDataFiles.Carried.WITH_SOURCES && source != null) {
                String written = DIRECTORY + "/" + input.relativeToSources(path);
                names.copied.put(path, written);
                names.texts.put(written, source);
            } else if (used.carried() == BuildDataFiles.Carried.NOT_CARRIED
                    && !Path.of(used.file().name()).isAbsolute()) {
                diagnostics.error(DiagnosticCode.SECLANG_INEXACT, used.file().rule().span(), "data file `"
                        + used.file().name() + "` cannot be copied next to the SecLang output: it is not UTF-8 text",
                        "store the file as UTF-8 text");
            }
        }
        return names;
    }

    /** The copies, in path order, as output files of the backend. */
    List<BackendOutput.OutputFile> files() {
        List<BackendOutput.OutputFile> files = new ArrayList<>();
        texts.forEach((path, text) -> files.add(new BackendOutput.OutputFile(path, text)));
        return files;
    }

    /** A file operator's argument as written: each file under its name in the output. */
    String argument(String argument, String dataDirectory) {
        return WafDataFiles.names(argument).stream()
                .map(name -> WafDataFiles.resolve(Path.of(dataDirectory), name.text())
                        .map(resolved -> copied.getOrDefault(resolved, resolved.toString()))
                        .orElse(name.text()))
                .collect(Collectors.joining(" "));
    }

    /**
     * The rule as its written text means when read from a file in {@code directory}: file
     * arguments under their written names, relative to there (for comparing a rule with what its
     * text reads back as).
     */
    IrWafRule applied(IrWafRule rule, Path directory) {
        Optional<IrWafOperator> operator = rule.operator().map(o -> WafDataFiles.readsFiles(o.name())
                ? new IrWafOperator(o.name(), ByteText.bytes(argument(o.argument(), rule.dataDirectory())), o.negated())
                : o);
        return new IrWafRule(rule.id(), rule.phase(), rule.span(), rule.targets(), rule.transformations(), operator,
                rule.message(), rule.logData(), rule.severity(), rule.tags(), rule.disruptive(), rule.status(),
                rule.log(), rule.capture(), rule.multiMatch(), rule.actions(), rule.skipAfter(), rule.skip(),
                rule.chained().map(next -> applied(next, directory)), directory.toString());
    }

    /** {@link #applied(IrWafRule, Path)} for every rule of {@code waf}. */
    IrWaf applied(IrWaf waf, Path directory) {
        return new IrWaf(waf.mode(), waf.limits(), waf.responseBodyAccess(), waf.items().stream()
                .map(item -> item instanceof IrWafRule rule ? (IrWafItem) applied(rule, directory) : item).toList());
    }
}
