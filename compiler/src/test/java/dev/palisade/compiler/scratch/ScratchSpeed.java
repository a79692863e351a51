package dev.palisade.compiler.scratch;

import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.waf.WafRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchSpeed {
    @Test
    void run() {
        WafInterpreter e = new WafInterpreter(CrsRuleSet.load(CrsRuleSet.Options.debian(), new Diagnostics()));
        WafRequest r = WafRequest.of("GET", "/search?q=blue+shoes&page=2&sort=price&lang=en&ref=home", List.of(
                new WafRequest.Header("Host", "www.example.com"),
                new WafRequest.Header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"),
                new WafRequest.Header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                new WafRequest.Header("Accept-Language", "en-US,en;q=0.5"),
                new WafRequest.Header("Accept-Encoding", "gzip, deflate, br"),
                new WafRequest.Header("Cookie", "session=abc123; theme=dark")), new byte[0]);
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            int n = 20000;
            for (int i = 0; i < n; i++) e.inspect(r);
            System.out.println("us/op " + (System.nanoTime() - t0) / 1000.0 / n + " " + e.inspect(r).firedIds());
        }
    }
}
