package dev.palisade.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.compiler.interp.ReferenceInterpreter;
import dev.palisade.compiler.generators.PolicySources;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.Selection;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.decision.Reason;
import dev.palisade.engine.request.AlpRequest;
import dev.palisade.engine.request.Workload;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How several policies selecting one workload combine, checked on both engines: tiers in order,
 * first matching policy within a tier, deny before allow within a policy, tier defaults, default
 * deny once any ALP rule applies, and no restriction when none does.
 */
class CombinationTest {
    private static final String BUNDLE = """
            tier platform order 100 default pass
            tier strict order 200

            policy guard {
                tier platform
                selector 'all()'
                alp { deny path prefix "/debug" }
            }
            policy first {
                tier strict
                order 1
                selector 'app == "api"'
                alp { allow GET path prefix "/v1" }
            }
            policy second {
                tier strict
                order 2
                selector 'app == "api"'
                alp {
                    allow GET, POST path prefix "/v1", prefix "/v2"
                    deny POST path prefix "/v1/admin"
                }
            }
            policy scoped {
                namespace "team"
                selector 'app == "web"'
                alp { allow GET from serviceaccount "frontend" }
            }
            policy waf-only {
                selector 'app == "static"'
            }
            """;

    record Case(String name, Map<String, String> labels, String namespace, String method, String target,
            String serviceAccount, String sourceNamespace, boolean allowed, Reason reason, String policy, int rule) {}

    static Stream<Case> cases() {
        Map<String, String> api = Map.of("app", "api");
        Map<String, String> web = Map.of("app", "web");
        return Stream.of(
                new Case("platform tier denies first", api, "shop", "GET", "/debug/x", null, null, false, Reason.RULE, "guard", 0),
                new Case("platform passes, first policy in order allows", api, "shop", "GET", "/v1/x", null, null, true, Reason.RULE, "first", 0),
                new Case("first policy has no match, second decides", api, "shop", "POST", "/v2", null, null, true, Reason.RULE, "second", 0),
                new Case("deny wins inside a policy whatever the order", api, "shop", "POST", "/v1/admin/x", null, null, false, Reason.RULE, "second", 1),
                new Case("nothing matches: the tier's default denies", api, "shop", "DELETE", "/v1", null, null, false, Reason.TIER_DEFAULT, null, -1),
                new Case("a workload only the pass tier selects: end of tiers denies", Map.of("app", "other"), "shop", "GET", "/", null, null, false, Reason.END_OF_TIERS, null, -1),
                new Case("namespaced policy in its namespace, caller from there", web, "team", "GET", "/", "frontend", "team", true, Reason.RULE, "scoped", 0),
                new Case("service account from another namespace does not match", web, "team", "GET", "/", "frontend", "elsewhere", false, Reason.TIER_DEFAULT, null, -1),
                new Case("unknown caller does not match a source condition", web, "team", "GET", "/", null, null, false, Reason.TIER_DEFAULT, null, -1),
                new Case("namespaced policy does not select other namespaces", web, "other", "GET", "/", "frontend", "other", false, Reason.END_OF_TIERS, null, -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bothEnginesDecide(Case c) {
        IrBundle ir = PolicySources.ir(BUNDLE).orElseThrow();
        for (CompiledPolicy engine : List.of(new ReferenceInterpreter(ir), PolicyCompiler.load(ir, Optional.empty()).policy())) {
            Selection selection = engine.select(new Workload(c.labels(), c.namespace()));
            Decision decision = engine.decide(selection,
                    AlpRequest.of(c.method(), c.target(), c.serviceAccount(), c.sourceNamespace()));
            String what = engine.getClass().getSimpleName() + ": " + decision.summary();
            assertEquals(c.allowed(), decision.allowed(), what);
            assertEquals(c.reason(), decision.reason(), what);
            assertEquals(c.policy(), decision.policy(), what);
            assertEquals(c.rule(), decision.rule(), what);
        }
    }

    @org.junit.jupiter.api.Test
    void aWorkloadWithoutAlpPoliciesIsNotRestricted() {
        IrBundle ir = PolicySources.ir(BUNDLE.replace("selector 'all()'", "selector 'app == \"none\"'"))
                .orElseThrow();
        CompiledPolicy compiled = PolicyCompiler.load(ir, Optional.empty()).policy();
        Selection selection = compiled.select(new Workload(Map.of("app", "static"), "default"));
        assertTrue(selection.applies(ir.policies().stream().filter(p -> p.name().equals("waf-only")).findFirst().orElseThrow().index()));
        assertEquals(Decision.NO_POLICY, compiled.decide(selection, AlpRequest.of("DELETE", "/anything")));
    }
}
