package dev.palisade.compiler.scratch;

import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.operator.Operators;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchRx {
    @Test
    void run() throws Exception {
        var waf = CrsRuleSet.load(CrsRuleSet.Options.regressionSuite(), new Diagnostics());
        for (var item : waf.items()) {
            if (item instanceof IrWafRule r && r.id() == Long.getLong("rule", 922110)) {
                String p = r.operator().get().argument();
                System.out.println("PATTERN " + p);
                var op = Operators.create("rx", p, Path.of("."));
                for (String v : System.getProperty("values", "text/plain; charset=utf-8|text/plain|text/plain; charset=utf-8x").split("\\|")) {
                    System.out.println("VALUE [" + v + "] -> " + op.evaluate(v, null));
                }
                var jp = java.util.regex.Pattern.compile(p.replace("\\x0b", "\\x{0b}"), java.util.regex.Pattern.DOTALL);
                System.out.println("plain java: " + jp.matcher("text/plain; charset=utf-8").find());
            }
        }
    }
}
