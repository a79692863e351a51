package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BuildInputs;
import dev.palisade.backends.BuildOptions;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.generators.PolicySources;
import dev.palisade.dsl.diag.Diagnostics;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random {@code waf} blocks: every object is valid for its CRD, and the policy's mode,
 * paranoia level, thresholds and unscoped exclusions all arrive, each in its place (the policy's
 * fields, the plugin's {@code config}, the plugin's {@code after} as removals by id, read from the
 * IR, which holds only what the exclusions did).
 */
class WafPolicyPropertyTest {
    record Crs(int paranoia, int inbound, int outbound) {}

    record Waf(boolean detection, Optional<Crs> crs, List<Integer> removed, Optional<String> namespace) {
        String source() {
            StringBuilder out = new StringBuilder("policy shop-waf {\n");
            namespace.ifPresent(n -> out.append("    namespace \"").append(n).append("\"\n"));
            out.append("    selector 'app == \"shop\"'\n    waf {\n        mode ")
                    .append(detection ? "detection" : "blocking").append('\n');
            crs.ifPresent(c -> out.append("        crs paranoia ").append(c.paranoia()).append(" inbound-threshold ")
                    .append(c.inbound()).append(" outbound-threshold ").append(c.outbound()).append('\n'));
            removed.forEach(id -> out.append("        exclude rule ").append(id).append('\n'));
            out.append("    }\n}\n");
            return out.toString();
        }
    }

    @Property(tries = 40)
    void everySettingArrivesInItsPlace(@ForAll("wafs") Waf waf) {
        Diagnostics diagnostics = new Diagnostics();
        List<ObjectNode> objects = emit(waf.source(), diagnostics);
        CalicoSchemas.ifPresent().ifPresent(schemas -> objects.forEach(o -> assertEquals(List.of(),
                schemas.problems(o), o::toString)));

        // Without a crs line there is no CRS rule to exclude: the IR, and so the plugin, has nothing of them.
        boolean hasPlugin = waf.crs().isPresent();
        assertEquals(hasPlugin ? 2 : 1, objects.size());
        JsonNode policy = objects.get(objects.size() - 1);
        JsonNode spec = policy.get("spec");
        assertEquals(waf.namespace().isPresent() ? "WAFPolicy" : "GlobalWAFPolicy", policy.get("kind").asText());
        assertEquals(waf.namespace().orElse(""), policy.path("metadata").path("namespace").asText());
        assertEquals(waf.detection() ? "Detect" : "Block",
                spec.path(waf.namespace().isPresent() ? "action" : "defaultAction").asText());
        assertEquals(waf.crs().isPresent() ? "Enabled" : "Disabled", spec.path("coreRuleSet").path("state").asText());
        assertEquals(waf.crs().map(Crs::paranoia).orElse(0), spec.path("coreRuleSet").path("paranoiaLevel").asInt());
        assertEquals(hasPlugin, spec.has("plugins"));
        if (!hasPlugin) {
            return;
        }
        JsonNode plugin = objects.get(0).get("spec");
        assertEquals(spec.path("plugins").get(0).path("name").asText(), objects.get(0).path("metadata").path("name")
                .asText());
        assertEquals(waf.crs().map(c -> "SecAction \"id:900110,phase:1,pass,t:none,nolog,"
                + "setvar:tx.inbound_anomaly_score_threshold=" + c.inbound()
                + ",setvar:tx.outbound_anomaly_score_threshold=" + c.outbound() + "\"\n").orElse(""),
                plugin.path("config").asText());
        // The exclusions as the IR holds them: rules gone, one directive each (no two of these ids are neighbours).
        StringBuilder after = new StringBuilder();
        waf.removed().stream().sorted().forEach(id -> after.append("SecRuleRemoveById ").append(id).append('\n'));
        assertEquals(after.toString(), plugin.path("after").asText());
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
    }

    @Provide
    Arbitrary<Waf> wafs() {
        Arbitrary<Crs> crs = Combinators.combine(Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(1, 10_000), Arbitraries.integers().between(1, 10_000)).as(Crs::new);
        // CRS 3.3.4 rule ids, so the exclusions pass the checks
        Arbitrary<List<Integer>> removed = Arbitraries.of(920350, 942100, 941100, 913100, 930120).list()
                .uniqueElements().ofMaxSize(3);
        return Combinators.combine(Arbitraries.of(true, false), crs.optional(0.7), removed,
                Arbitraries.of("shop", "payments").optional(0.5)).as(Waf::new);
    }

    private static List<ObjectNode> emit(String source, Diagnostics diagnostics) {
        PolicyCompiler.Result result = PolicySources.check(source);
        assertFalse(result.diagnostics().hasErrors(), () -> source + result.diagnostics().sorted());
        return WafPolicyResources.emit(BuildInputs.from(result, diagnostics), BuildOptions.defaults(), diagnostics);
    }
}
