package dev.palisade.compiler.waf;

import dev.palisade.compiler.CompilationUnit;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.lower.waf.LowerWafBlock;
import dev.palisade.dsl.ast.PolicyDecl;
import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.diag.Diagnostics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The WAF of each policy that has a {@code waf} block, by policy name, in file order. */
public final class PolicyWafs {
    private PolicyWafs() {}

    /**
     * Lowers every {@code waf} block of a checked unit; mistakes found now (in included and CRS rule
     * files, and their data files) go to {@code diagnostics}.
     */
    public static Map<String, IrWaf> lower(CompilationUnit unit, Diagnostics diagnostics) {
        Map<String, IrWaf> wafs = new LinkedHashMap<>();
        for (PolicyFile file : unit.files()) {
            Path directory = Path.of(file.source().name()).toAbsolutePath().getParent();
            for (PolicyDecl policy : file.policies()) {
                policy.waf().ifPresent(waf -> {
                    IrWaf lowered = LowerWafBlock.lower(waf, directory, diagnostics);
                    WafDataFiles.check(lowered, diagnostics);
                    wafs.put(policy.name().text(), lowered);
                });
            }
        }
        return wafs;
    }
}
