package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInput.PolicyWaf;
import dev.palisade.backends.BuildInputs;
import dev.palisade.backends.BuildOptions;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.generators.PolicySources;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.lower.waf.LowerSecLang;
import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.seclang.SecLangReader;
import dev.palisade.dsl.seclang.SecLangStatements;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.Assumptions;

/**
 * Differential, for a whole WAFPlugin: a random {@code waf} block with a {@code crs} line, custom
 * rules, exclusions and SecLang; its plugin's {@code before} and {@code after} slots, loaded
 * around the installed Core Rule Set as Calico's WAF places them (CRS setup, {@code before}, CRS
 * rules, {@code after}), give the policy's own WAF IR, rule for rule (spans aside).
 */
class WafPluginRoundTripPropertyTest {
    record Waf(int paranoia, List<String> customRules, List<String> exclusions, List<String> secLang) {
        String source() {
            StringBuilder out = new StringBuilder("policy shop {\n    namespace \"shop\"\n    selector 'app == \"shop\"'\n"
                    + "    waf {\n        crs paranoia " + paranoia + "\n");
            for (int i = 0; i < customRules.size(); i++) {
                out.append("        rule ").append(1001 + i).append(" \"custom ").append(i).append("\" {\n")
                        .append(customRules.get(i)).append("        }\n");
            }
            exclusions.forEach(line -> out.append("        ").append(line).append('\n'));
            for (int i = 0; i < secLang.size(); i++) {
                out.append("        seclang '").append(secLang.get(i).replace("ID", String.valueOf(5001 + i)))
                        .append("'\n");
            }
            return out.append("    }\n}\n").toString();
        }
    }

    @BeforeProperty
    void crsInstalled() {
        Assumptions.assumeTrue(CrsRuleSet.available(CrsRuleSet.Options.debian()),
                "skipped: Debian's CRS is not installed (package `modsecurity-crs`)");
    }

    @Property(tries = 15)
    void thePluginAroundTheCrsIsThePolicysWaf(@ForAll("wafs") Waf waf) {
        PolicyCompiler.Result result = PolicySources.check(waf.source());
        assertFalse(result.diagnostics().hasErrors(), () -> waf.source() + result.diagnostics().sorted());
        Diagnostics diagnostics = new Diagnostics();
        BuildInput input = BuildInputs.from(result, diagnostics);
        List<ObjectNode> objects = WafPolicyResources.emit(input, BuildOptions.defaults(), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> waf.source() + diagnostics.sorted());
        JsonNode spec = objects.get(0).path("spec");

        PolicyWaf policy = input.wafs().get("shop");
        CrsRuleSet.Options crs = policy.crs().orElseThrow();
        Diagnostics reading = new Diagnostics();
        LowerSecLang lower = CrsRuleSet.beginSetup(crs, reading);
        add(lower, "before", spec.path("before").asText(), reading);
        CrsRuleSet.addRules(lower, crs, reading);
        add(lower, "after", spec.path("after").asText(), reading);
        IrWaf read = lower.finish();
        assertFalse(reading.hasErrors(), () -> reading.sorted().toString());
        assertEquals(SpanFreeWafItems.of(policy.ir().items()), SpanFreeWafItems.of(read.items()),
                () -> waf.source() + "\nbefore:\n" + spec.path("before").asText() + "\nafter:\n"
                        + spec.path("after").asText());
    }

    private static void add(LowerSecLang lower, String slot, String text, Diagnostics diagnostics) {
        lower.add(SecLangStatements.of(SecLangReader.read(new SourceFile("<plugin " + slot + ">", text), diagnostics),
                diagnostics), Path.of("/"));
    }

    @Provide
    Arbitrary<Waf> wafs() {
        Arbitrary<String> customRule = Arbitraries.of(
                "            when ARGS:username | lowercase @detectSQLi\n            deny\n",
                "            phase request-headers\n            when REQUEST_HEADERS:User-Agent @pm \"curl wget\"\n"
                        + "            severity \"critical\"\n            deny 406\n",
                "            when ARGS, !ARGS:password @rx \"a\\\"b\"\n            when REQUEST_METHOD @streq \"POST\"\n"
                        + "            tag \"shop/x\"\n");
        // CRS 3.3.4 ids, so the exclusions pass the checks
        Arbitrary<String> exclusion = Arbitraries.of("exclude rule 920350", "exclude rule 913100",
                "exclude rule 941100-941130", "exclude rule 942100 for ARGS:password",
                "exclude rule 942100-942110 for ARGS:q", "exclude rule 942200 for REQUEST_COOKIES:\"/^session/\"");
        Arbitrary<String> secLang = Arbitraries.of(
                "SecRule ARGS:debug \"@streq 1\" \"id:ID,phase:1,deny,status:403\"",
                "SecAction \"id:ID,phase:1,pass,nolog,setvar:tx.shop=1\"",
                "SecRule REQUEST_HEADERS:X-Test \"@contains a, b\" \"id:ID,phase:1,pass,log,msg:shop,t:lowercase\"");
        return Combinators.combine(Arbitraries.integers().between(1, 4), customRule.list().ofMaxSize(2),
                exclusion.list().uniqueElements().ofMaxSize(3), secLang.list().ofMaxSize(2)).as(Waf::new);
    }
}
