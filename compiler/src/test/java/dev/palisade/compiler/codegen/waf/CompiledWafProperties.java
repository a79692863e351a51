package dev.palisade.compiler.codegen.waf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.compiler.codegen.waf.WafRuleSets.Pair;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.waf.WafRequest;
import dev.palisade.engine.waf.WafResult;
import java.util.List;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import net.jqwik.api.statistics.Statistics;

/**
 * The whole OWASP CRS compiled once per configuration, against {@code WafInterpreter} on random
 * requests built from attack and benign fragments ({@code WafRequests}): the verdicts
 * ({@link WafResult}: interruption, every logged match with message and data, skipped rules) must
 * be equal. Paranoia 1 blocking is the default deployment; paranoia 4 detection runs every rule
 * and never stops early, so it compares the most scoring and logging.
 */
@AddLifecycleHook(CompiledWafProperties.NeedsTheCoreRuleSet.class)
class CompiledWafProperties {

    private static Pair paranoia1Blocking;
    private static Pair paranoia4Detection;

    private static synchronized Pair paranoia1Blocking() {
        if (paranoia1Blocking == null) {
            paranoia1Blocking = Pair.of(crs(CrsRuleSet.Options.debian()));
        }
        return paranoia1Blocking;
    }

    private static synchronized Pair paranoia4Detection() {
        if (paranoia4Detection == null) {
            paranoia4Detection = Pair.of(crs(CrsRuleSet.Options.regressionSuite()));
        }
        return paranoia4Detection;
    }

    private static IrWaf crs(CrsRuleSet.Options options) {
        Diagnostics diagnostics = new Diagnostics();
        IrWaf waf = CrsRuleSet.load(options, diagnostics);
        assertEquals(List.of(), diagnostics.sorted().stream().filter(d -> d.isError()).toList());
        return waf;
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void paranoia1BlockingCompiledEqualsInterpreted(@ForAll("requests") WafRequest request) {
        WafResult result = paranoia1Blocking().inspect(request);
        Statistics.label("verdict").collect(result.interrupted() ? "blocked" : result.matches().isEmpty() ? "clean" : "logged");
        Statistics.label("verdict").coverage(coverage -> coverage.check("blocked").count(n -> n > 0));
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void paranoia4DetectionCompiledEqualsInterpreted(@ForAll("requests") WafRequest request) {
        WafResult result = paranoia4Detection().inspect(request);
        Statistics.label("matches").collect(result.matches().size() > 3 ? "many" : result.matches().size() > 0 ? "some" : "none");
        Statistics.label("matches").coverage(coverage -> coverage.check("many").count(n -> n > 0));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<WafRequest> requests() {
        return dev.palisade.compiler.generators.WafRequests.requests();
    }

    @Example
    void anSqlInjectionIsBlockedByBoth() {
        WafResult result = paranoia1Blocking().inspect(WafRuleSets.get("/search?q=%27%20or%201%3D1--",
                "User-Agent", "Mozilla/5.0", "Accept", "text/html"));
        assertEquals(true, result.interrupted(), result::toString);
    }

    @Example
    void aBenignRequestPassesBoth() {
        WafResult result = paranoia1Blocking().inspect(WafRuleSets.get("/products?page=2&sort=name",
                "User-Agent", "Mozilla/5.0", "Accept", "text/html"));
        assertEquals(List.of(), result.matches(), result::toString);
    }

    /** Skips the class with a reason when the CRS is not installed. */
    static final class NeedsTheCoreRuleSet implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return CrsRuleSet.available(CrsRuleSet.Options.debian())
                    ? SkipResult.doNotSkip()
                    : SkipResult.skip("no OWASP CRS at " + CrsRuleSet.DEBIAN_RULES
                            + " (install Debian's modsecurity-crs package)");
        }
    }
}
