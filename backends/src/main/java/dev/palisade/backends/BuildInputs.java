package dev.palisade.backends;

import dev.palisade.backends.BuildInput.BuildWorkload;
import dev.palisade.backends.BuildInput.LogSettings;
import dev.palisade.backends.BuildInput.PolicySpans;
import dev.palisade.backends.BuildInput.PolicyWaf;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.check.CheckLogBlocks;
import dev.palisade.compiler.check.CheckTests;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.lower.waf.LowerWafBlock;
import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.compiler.waf.CrsSettings;
import dev.palisade.compiler.waf.PolicyWafs;
import dev.palisade.compiler.waf.WafDataFiles;
import dev.palisade.dsl.ast.LogBlock;
import dev.palisade.dsl.ast.PolicyDecl;
import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.dsl.ast.WafBlock;
import dev.palisade.dsl.ast.selector.SelectorWitness;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.seclang.SecLangSources;
import dev.palisade.dsl.seclang.SecLangStatement;
import dev.palisade.dsl.seclang.SecLangStatements;
import dev.palisade.engine.request.Workload;
import dev.palisade.engine.waf.ByteText;
import dev.palisade.engine.waf.EngineMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Gathers a {@link BuildInput} from a compilation without errors. */
public final class BuildInputs {
    /** Kubernetes' namespace for objects that name none. */
    public static final String DEFAULT_NAMESPACE = "default";

    private BuildInputs() {}

    /** WAF lowering may find mistakes the checks could not (rule files): they go to {@code diagnostics}. */
    public static BuildInput from(PolicyCompiler.Result result, Diagnostics diagnostics) {
        IrBundle bundle = result.ir().orElseThrow(() -> new IllegalArgumentException("the compilation has errors"));
        Diagnostics lowering = new Diagnostics();
        Map<String, IrWaf> lowered = PolicyWafs.lower(result.unit(), lowering);
        lowering.sources().values().forEach(diagnostics::rememberSource);
        lowering.sorted().forEach(diagnostics::report);
        Map<String, PolicyWaf> wafs = new LinkedHashMap<>();
        Map<String, LogSettings> logs = new LinkedHashMap<>();
        Map<String, PolicySpans> spans = new LinkedHashMap<>();
        for (PolicyFile file : result.unit().files()) {
            Path directory = Path.of(file.source().name()).toAbsolutePath().getParent();
            for (PolicyDecl policy : file.policies()) {
                String name = policy.name().text();
                policy.waf().ifPresent(waf -> wafs.put(name, policyWaf(name, waf, lowered.get(name), directory)));
                policy.log().ifPresent(log -> logs.put(name, logSettings(log)));
                spans.putIfAbsent(name, spans(policy, directory));
            }
        }
        Map<String, String> sources = new LinkedHashMap<>();
        for (SourceFile source : result.sources().values()) {
            sources.put(source.name(), source.text());
        }
        for (SourceFile source : lowering.sources().values()) {
            if (!source.name().startsWith("<") && !BuildInput.fromRuleSet(Path.of(source.name()), wafs.values())) {
                // SecLang is read a byte a char (ISO-8859-1), the sources are UTF-8 text like the
                // policies: the same bytes, or (not UTF-8) left for the backends to report.
                ByteText.text(source.text()).ifPresent(text -> sources.putIfAbsent(source.name(), text));
            }
        }
        // Data files are read where each rule is written, so they travel at their paths like the
        // SecLang files. The sources are text: a data file that is not UTF-8 stays behind, and the
        // backends that must carry it say so.
        BuildInput partial = new BuildInput(bundle, wafs, logs, List.of(), Map.of());
        for (BuildDataFiles.UsedFile used : BuildDataFiles.of(partial)) {
            if (BuildDataFiles.belongsToSources(used.file(), wafs.values())) {
                String name = used.file().path().toString();
                if (!sources.containsKey(name)) {
                    utf8(used.file().path()).ifPresent(text -> sources.put(name, text));
                }
            }
        }
        // The runtime checks the policies' tests too (their corpora must be readable): they travel together.
        for (TestDecl test : result.unit().tests()) {
            for (TestDecl.Property property : test.properties()) {
                for (TestDecl.Quantifier statement : property.statements()) {
                    statement.form().ifPresent(form -> sources.computeIfAbsent(CheckTests.corpusFile(form).toString(),
                            file -> read(Path.of(file))));
                }
            }
        }
        return new BuildInput(bundle, wafs, logs, workloads(bundle), sources, spans);
    }

    /** Where the policy's selector and blocks were written, and the operators of its SecLang that read data files. */
    private static PolicySpans spans(PolicyDecl policy, Path directory) {
        Optional<Span> crs = Optional.empty();
        Map<Span, Span> dataFileOperators = new LinkedHashMap<>();
        Diagnostics ignored = new Diagnostics(); // read and reported by the checks and the lowering already
        for (WafBlock.Item item : policy.waf().map(WafBlock::items).orElse(List.of())) {
            if (item instanceof WafBlock.Crs line && crs.isEmpty()) {
                crs = Optional.of(line.span());
            } else if (item instanceof WafBlock.SeclangInline inline) {
                dataFileOperators(LowerWafBlock.inlineStatements(inline, ignored), dataFileOperators);
            } else if (item instanceof WafBlock.SeclangInclude include) {
                // The same reading as the lowering's, so the rules' spans are their IR rules' spans.
                dataFileOperators(SecLangStatements.of(SecLangSources.load(directory.resolve(include.path().value()),
                        ignored).directives(), ignored), dataFileOperators);
            }
        }
        return new PolicySpans(policy.selector().map(selector -> selector.span()),
                policy.waf().map(WafBlock::span), crs, policy.log().map(LogBlock::span), dataFileOperators);
    }

    private static void dataFileOperators(List<SecLangStatement> statements, Map<Span, Span> operators) {
        for (SecLangStatement statement : statements) {
            if (statement instanceof SecLangStatement.Rule rule && WafDataFiles.readsFiles(rule.operator().name())) {
                operators.put(rule.span(), rule.operator().nameSpan());
            }
        }
    }

    /** A data file as text, or empty when it cannot be read or is not UTF-8. */
    private static Optional<String> utf8(Path file) {
        try {
            return ByteText.text(new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException unreadable) {
            return Optional.empty();
        }
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            // The check pass read it a moment ago; failing now is the file system's doing.
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PolicyWaf policyWaf(String name, WafBlock waf, IrWaf ir, Path directory) {
        EngineMode mode = EngineMode.ON;
        Optional<CrsRuleSet.Options> crs = Optional.empty();
        for (WafBlock.Item item : waf.items()) {
            if (item instanceof WafBlock.Mode m && m.mode().text().equals("detection")) {
                mode = EngineMode.DETECTION_ONLY;
            }
        }
        for (WafBlock.Item item : waf.items()) {
            if (item instanceof WafBlock.Crs c) {
                crs = Optional.of(CrsSettings.options(c, mode, directory));
            }
        }
        return new PolicyWaf(name, ir, mode, crs);
    }

    static LogSettings logSettings(LogBlock log) {
        return new LogSettings(CheckLogBlocks.intervalSeconds(log), CheckLogBlocks.requestsPerInterval(log));
    }

    /**
     * One workload per policy whose selector names labels: {@code all()} selects every workload
     * and so names none of its own. Policies that name no namespace deploy to {@code default}.
     */
    static List<BuildWorkload> workloads(IrBundle bundle) {
        List<BuildWorkload> workloads = new ArrayList<>();
        for (IrPolicy policy : bundle.policies()) {
            Optional<Map<String, String>> labels = SelectorWitness.find(policy.selector());
            if (labels.isPresent() && !labels.get().isEmpty()) {
                workloads.add(new BuildWorkload(policy.name(),
                        new Workload(new TreeMap<>(labels.get()), policy.namespace().orElse(DEFAULT_NAMESPACE))));
            }
        }
        return workloads;
    }
}
