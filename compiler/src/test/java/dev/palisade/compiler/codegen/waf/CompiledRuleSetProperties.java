package dev.palisade.compiler.codegen.waf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.compiler.generators.SecLangRuleSets;
import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.lower.waf.LowerSecLang;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.seclang.SecLangReader;
import dev.palisade.dsl.seclang.SecLangStatements;
import dev.palisade.engine.waf.EngineMode;
import dev.palisade.engine.waf.WafEngine;
import dev.palisade.engine.waf.WafRequest;
import dev.palisade.engine.waf.WafResult;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random small rule sets ({@link SecLangRuleSets}) compiled vs {@code WafInterpreter}, each on a few
 * requests: where the CRS property exercises real rules, this one exercises the wiring the CRS
 * rarely uses (skip, allow, ctl:ruleEngine, chains with unsupported operators, negated multiMatch).
 */
class CompiledRuleSetProperties {

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void compiledEqualsInterpreted(@ForAll("ruleSets") String seclang, @ForAll("modes") EngineMode mode,
            @ForAll("requests") List<WafRequest> requests) {
        Diagnostics diagnostics = new Diagnostics();
        LowerSecLang lower = new LowerSecLang(mode, diagnostics);
        lower.add(SecLangStatements.of(SecLangReader.read(new SourceFile("random.conf", seclang), diagnostics), diagnostics),
                Path.of("."));
        IrWaf waf = lower.finish();
        Assume.that(!diagnostics.hasErrors());
        WafEngine interpreted = new WafInterpreter(waf);
        WafEngine compiled = WafLoader.load(waf).engine();
        for (WafRequest request : requests) {
            WafResult expected = interpreted.inspect(request);
            WafResult actual = compiled.inspect(request);
            assertEquals(expected, actual, () -> "compiled and interpreted differ on rules\n" + seclang + "\nrequest\n"
                    + WafRuleSets.describe(request));
            Statistics.label("outcome").collect(expected.interrupted() ? "interrupted"
                    : !expected.skipped().isEmpty() ? "skipped" : expected.matches().isEmpty() ? "nothing" : "logged");
        }
    }

    @Provide
    net.jqwik.api.Arbitrary<String> ruleSets() {
        return SecLangRuleSets.ruleSets();
    }

    @Provide
    net.jqwik.api.Arbitrary<EngineMode> modes() {
        return net.jqwik.api.Arbitraries.of(EngineMode.ON, EngineMode.DETECTION_ONLY);
    }

    @Provide
    net.jqwik.api.Arbitrary<List<WafRequest>> requests() {
        return SecLangRuleSets.requests().list().ofMinSize(1).ofMaxSize(4);
    }
}
