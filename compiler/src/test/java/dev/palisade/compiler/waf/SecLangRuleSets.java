package dev.palisade.compiler.waf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.lower.waf.LowerSecLang;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.seclang.SecLangReader;
import dev.palisade.dsl.seclang.SecLangStatements;
import dev.palisade.engine.waf.EngineMode;
import dev.palisade.engine.waf.WafRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: SecLang text to IR, and requests written briefly. */
public final class SecLangRuleSets {
    private SecLangRuleSets() {}

    /** Lowers {@code seclang} (as file {@code rules.conf}); fails on any error. */
    public static IrWaf lower(EngineMode mode, String seclang) {
        return lower(mode, "rules.conf", seclang);
    }

    /** Lowers {@code seclang} as the file {@code fileName} (what spans and generated comments name). */
    public static IrWaf lower(EngineMode mode, String fileName, String seclang) {
        Diagnostics diagnostics = new Diagnostics();
        LowerSecLang lower = new LowerSecLang(mode, diagnostics);
        lower.add(SecLangStatements.of(SecLangReader.read(new SourceFile(fileName, seclang), diagnostics), diagnostics),
                Path.of("."));
        IrWaf waf = lower.finish();
        assertEquals(List.of(), diagnostics.sorted().stream().filter(d -> d.isError()).toList(),
                "the rule set has errors:\n" + seclang);
        return waf;
    }

    /** {@code GET /path?query} with a Host header and any {@code "Name: value"} headers. */
    static WafRequest get(String target, String... headers) {
        return request("GET", target, "", headers);
    }

    static WafRequest post(String target, String form, String... headers) {
        String[] all = new String[headers.length + 1];
        all[0] = "Content-Type: application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 1, headers.length);
        return request("POST", target, form, all);
    }

    static WafRequest request(String method, String target, String body, String... headers) {
        List<WafRequest.Header> list = new ArrayList<>();
        list.add(new WafRequest.Header("Host", "www.example.com"));
        for (String header : headers) {
            int colon = header.indexOf(':');
            list.add(new WafRequest.Header(header.substring(0, colon), header.substring(colon + 1).strip()));
        }
        return WafRequest.of(method, target, list, body.getBytes(StandardCharsets.ISO_8859_1));
    }
}
