package dev.palisade.compiler.scratch;

import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.waf.WafRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchOne {
    @Test
    void run() {
        WafInterpreter e = new WafInterpreter(CrsRuleSet.load(CrsRuleSet.Options.regressionSuite(), new Diagnostics()));
        String body = "------WebKitFormBoundary\nContent-Disposition: form-data; name=\"field1\"\nContent-Type: text/plain; charset=utf-8\n\nvalue1\n------WebKitFormBoundary--\n";
        WafRequest r = WafRequest.of("POST", "/", List.of(
                new WafRequest.Header("Host", "localhost"),
                new WafRequest.Header("Content-Type", "multipart/form-data; boundary=----WebKitFormBoundary"),
                new WafRequest.Header("Content-Length", "" + body.length())), body.getBytes(StandardCharsets.ISO_8859_1));
        var tx = new dev.palisade.engine.waf.Transaction(r, dev.palisade.engine.waf.EngineMode.ON, dev.palisade.engine.waf.WafLimits.DEFAULT);
        tx.request().processBody();
        tx.request().partHeaders().forEach(h -> System.out.println("MATCH PH [" + h.key() + "] [" + h.value().replace("\r", "\\r").replace("\n", "\\n") + "]"));
        e.inspect(r).matches().forEach(m -> System.out.println("MATCH " + m.id() + " " + m.message() + " | " + m.data().replace("\r", "\\r")));
    }
}
