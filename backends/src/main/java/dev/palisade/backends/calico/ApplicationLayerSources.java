package dev.palisade.backends.calico;

import dev.palisade.backends.BuildInput;
import dev.palisade.dsl.ast.PolicyDecl;
import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.parse.PolicyParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The policies' declarations, read again from {@link BuildInput#sources()}: the IR keeps what
 * a policy means, and the Calico emitters also need where its {@code log} block, {@code crs} line
 * and WAF rules were written, to put a diagnostic on the line a user must change.
 */
final class ApplicationLayerSources {
    private ApplicationLayerSources() {}

    /** Each policy's declaration by name; the sources were checked, so parsing reports nothing new. */
    static Map<String, PolicyDecl> declarations(BuildInput input) {
        Map<String, PolicyDecl> declarations = new LinkedHashMap<>();
        Diagnostics ignored = new Diagnostics();
        for (Map.Entry<String, String> source : input.sources().entrySet()) {
            PolicyParser.Parsed parsed = PolicyParser.parse(new SourceFile(source.getKey(), source.getValue()), ignored);
            for (PolicyFile file : parsed.ast().stream().toList()) {
                for (PolicyDecl policy : file.policies()) {
                    declarations.putIfAbsent(policy.name().text(), policy);
                }
            }
        }
        return declarations;
    }
}
