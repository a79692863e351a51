package dev.palisade.compiler.codegen.waf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.waf.SecLangRuleSets;
import dev.palisade.engine.waf.EngineMode;
import dev.palisade.engine.waf.WafEngine;
import dev.palisade.engine.waf.WafRequest;
import dev.palisade.engine.waf.WafResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** SecLang text → IR, and the interpreter and the compiled engine side by side. */
final class WafRuleSets {
    private WafRuleSets() {}

    /** Lowers {@code seclang}; fails on any diagnostic error. */
    static IrWaf lower(String seclang, EngineMode mode) {
        return SecLangRuleSets.lower(mode, "test.conf", seclang);
    }

    /** Interpreter and compiled engine over one rule set. */
    record Pair(IrWaf waf, WafEngine interpreted, WafEngine compiled) {
        static Pair of(IrWaf waf) {
            return new Pair(waf, new WafInterpreter(waf), WafLoader.load(waf).engine());
        }

        /** Both verdicts must be equal; returns it. */
        WafResult inspect(WafRequest request) {
            WafResult expected = interpreted.inspect(request);
            WafResult actual = compiled.inspect(request);
            assertEquals(expected, actual, () -> "compiled and interpreted differ on\n" + describe(request));
            return actual;
        }
    }

    static WafRequest get(String target, String... headers) {
        return WafRequest.of("GET", target, headers(headers), new byte[0]);
    }

    static WafRequest post(String target, String contentType, String body, String... headers) {
        List<WafRequest.Header> all = new ArrayList<>(headers(headers));
        all.add(new WafRequest.Header("Content-Type", contentType));
        all.add(new WafRequest.Header("Content-Length", Integer.toString(body.length())));
        return WafRequest.of("POST", target, all, body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static List<WafRequest.Header> headers(String... nameValues) {
        List<WafRequest.Header> headers = new ArrayList<>();
        headers.add(new WafRequest.Header("Host", "example.com"));
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            headers.add(new WafRequest.Header(nameValues[i], nameValues[i + 1]));
        }
        return headers;
    }

    /** The request as raw HTTP/1.1 text, non-printable bytes escaped, for failure messages. */
    static String describe(WafRequest request) {
        StringBuilder text = new StringBuilder();
        text.append(request.method()).append(' ').append(request.target()).append(' ').append(request.protocol()).append('\n');
        for (WafRequest.Header header : request.headers()) {
            text.append(header.name()).append(": ").append(header.value()).append('\n');
        }
        text.append('\n').append(new String(request.body(), StandardCharsets.ISO_8859_1));
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(c == '\n' || (c >= 0x20 && c < 0x7f) ? Character.toString(c)
                : String.format("\\x%02x", c)));
        return escaped.toString();
    }
}
