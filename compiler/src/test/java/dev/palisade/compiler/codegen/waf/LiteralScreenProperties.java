package dev.palisade.compiler.codegen.waf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.waf.WafRequest;
import dev.palisade.engine.waf.WafResult;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

/**
 * Literal screens skip rules that cannot match: the whole CRS at paranoia 4 in detection mode
 * (every rule runs, nothing stops early) with screens and without them must give equal verdicts
 * on random requests built from attack and benign fragments, and on the same requests the
 * generated class (which screens too) must agree.
 */
@AddLifecycleHook(CompiledWafProperties.NeedsTheCoreRuleSet.class)
class LiteralScreenProperties {

    private static WafInterpreter screened;
    private static WafInterpreter unscreened;

    private static synchronized void load() {
        if (screened == null) {
            Diagnostics diagnostics = new Diagnostics();
            IrWaf waf = CrsRuleSet.load(CrsRuleSet.Options.regressionSuite(), diagnostics);
            assertEquals(List.of(), diagnostics.sorted().stream().filter(d -> d.isError()).toList());
            screened = new WafInterpreter(waf);
            unscreened = WafInterpreter.withoutLiteralScreens(waf);
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void screeningNeverChangesAVerdict(@ForAll("requests") WafRequest request) {
        load();
        WafResult expected = unscreened.inspect(request);
        assertEquals(expected, screened.inspect(request), () -> request.method() + " " + request.target());
        Statistics.label("matches").collect(expected.matches().size() > 3 ? "many" : expected.matches().isEmpty() ? "none" : "some");
        Statistics.label("matches").coverage(coverage -> coverage.check("many").count(n -> n > 0));
    }

    @Provide
    Arbitrary<WafRequest> requests() {
        return dev.palisade.compiler.generators.WafRequests.requests();
    }
}
