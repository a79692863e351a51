package dev.palisade.cli.ftw;

import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.compiler.waf.PolicyWafs;
import dev.palisade.dsl.diag.DiagnosticRenderer;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.engine.waf.WafEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code palisade ftw} gets its in-process engine: the Core Rule Set at paranoia level 4 in
 * detection mode, as the reference suite ran it, plus the rules of {@code --policy} when given.
 *
 * <p>The seam the WAF engine plugs into: {@link #standard()} is the one place to change when the
 * engine exists. Tests pass their own.
 */
@FunctionalInterface
public interface FtwEngines {

    WafEngine open(Optional<Path> policy) throws Unavailable;

    /** No engine can be had; the message is shown to the user as is. */
    final class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message);
        }
    }

    /**
     * {@code palisade ftw --crs-v4 DIR}: the CRS v4 release unpacked at {@code DIR} at its regression
     * suite's own setup ({@link CrsRuleSet.Options#v4RegressionSuite(Path)}: detection only, blocking
     * paranoia 4, response bodies of text types and JSON, the suite's argument and file limits).
     * Takes no policy.
     */
    static FtwEngines crsV4(Path dir) {
        return policy -> {
            CrsRuleSet.Options options = CrsRuleSet.Options.v4RegressionSuite(dir);
            if (!CrsRuleSet.available(options)) {
                throw new Unavailable("--crs-v4 " + dir + ": not a CRS v4 release (need crs-setup.conf or"
                        + " crs-setup.conf.example, and rules/)");
            }
            Diagnostics diagnostics = new Diagnostics();
            IrWaf waf = CrsRuleSet.load(options, diagnostics);
            if (diagnostics.hasErrors()) {
                DiagnosticRenderer renderer = new DiagnosticRenderer(diagnostics.sources());
                StringBuilder message = new StringBuilder("the rule set has errors:\n");
                diagnostics.sorted().forEach(d -> message.append(renderer.render(d)).append('\n'));
                throw new Unavailable(message.toString().strip());
            }
            return new WafInterpreter(waf);
        };
    }

    /**
     * The engine {@code palisade ftw} uses without {@code --target}: Debian's CRS at the suite's own
     * setup ({@link CrsRuleSet.Options#regressionSuite()}), or the first {@code waf} block of the
     * policy file, as it would run in {@code palisade serve}.
     */
    static FtwEngines standard() {
        return policy -> {
            Diagnostics diagnostics = new Diagnostics();
            IrWaf waf;
            Map<String, SourceFile> sources;
            if (policy.isEmpty()) {
                CrsRuleSet.Options options = CrsRuleSet.Options.regressionSuite();
                if (!CrsRuleSet.available(options)) {
                    throw new Unavailable("the OWASP Core Rule Set is not installed (" + options.rules()
                            + "); install Debian's modsecurity-crs package, or pass --policy FILE");
                }
                waf = CrsRuleSet.load(options, diagnostics);
                sources = diagnostics.sources();
            } else {
                PolicyCompiler.Result checked = PolicyCompiler.check(List.of(policy.get()));
                diagnostics = checked.diagnostics();
                Map<String, IrWaf> wafs = checked.diagnostics().hasErrors() ? Map.of()
                        : PolicyWafs.lower(checked.unit(), diagnostics);
                sources = new java.util.HashMap<>(checked.sources());
                sources.putAll(diagnostics.sources());
                if (!diagnostics.hasErrors() && wafs.isEmpty()) {
                    throw new Unavailable(policy.get() + ": no policy in this file has a waf block");
                }
                waf = wafs.isEmpty() ? null : wafs.values().iterator().next();
            }
            if (diagnostics.hasErrors()) {
                DiagnosticRenderer renderer = new DiagnosticRenderer(sources);
                StringBuilder message = new StringBuilder("the rule set has errors:\n");
                diagnostics.sorted().forEach(d -> message.append(renderer.render(d)).append('\n'));
                throw new Unavailable(message.toString().strip());
            }
            return new WafInterpreter(waf);
        };
    }
}
