package dev.palisade.compiler.check;

import dev.palisade.compiler.waf.WafDataFiles;
import dev.palisade.dsl.ast.WafBlock;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.seclang.SecLangStatement;
import java.nio.file.Path;
import java.util.List;

/**
 * The data files of a {@code waf} block's own rules must be readable now ({@link WafDataFiles}):
 * each missing one is an error at its name in the operator's argument. Files are looked for
 * where the lowering will look: next to the file the rule is written in.
 */
final class DataFileChecks {
    private DataFileChecks() {}

    /** A custom rule's {@code when ... @pmFromFile "bots.data"}: relative to the policy file. */
    static void rule(WafBlock.CustomRule rule, Path policyDirectory, Diagnostics diagnostics) {
        for (WafBlock.RuleItem item : rule.items()) {
            if (item instanceof WafBlock.When when && when.argument().isPresent()
                    && WafDataFiles.readsFiles(when.operator().text())) {
                for (WafDataFiles.Name name : WafDataFiles.names(when.argument().get().value())) {
                    WafDataFiles.problem(when.operator().text(), name.text(), policyDirectory).ifPresent(problem ->
                            WafDataFiles.report(when.argument().get().spanOf(name.offset(),
                                    name.offset() + name.text().length()), problem, diagnostics));
                }
            }
        }
    }

    /**
     * SecLang rules: relative to the file each is written in, or to {@code inlineDirectory} (the
     * policy's) for SecLang written inside the policy.
     */
    static void secLang(List<SecLangStatement> statements, Path inlineDirectory, Diagnostics diagnostics) {
        for (SecLangStatement statement : statements) {
            if (statement instanceof SecLangStatement.Rule rule && WafDataFiles.readsFiles(rule.operator().name())) {
                String file = rule.span().file();
                Path parent = Path.of(file).toAbsolutePath().getParent();
                Path directory = parent != null && !file.startsWith("<") ? parent : inlineDirectory;
                for (WafDataFiles.Name name : WafDataFiles.names(rule.operator().argument())) {
                    WafDataFiles.problem(rule.operator().name(), name.text(), directory).ifPresent(problem ->
                            WafDataFiles.report(rule.operator().argumentSpan(), problem, diagnostics));
                }
            }
        }
    }
}
