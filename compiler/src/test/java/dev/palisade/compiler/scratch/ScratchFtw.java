package dev.palisade.compiler.scratch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.compiler.interp.waf.WafInterpreter;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.waf.WafRequest;
import dev.palisade.engine.waf.WafResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import org.junit.jupiter.api.Test;

class ScratchFtw {
    @Test
    void run() throws Exception {
        Diagnostics d = new Diagnostics();
        long t0 = System.nanoTime();
        IrWaf waf = CrsRuleSet.load(CrsRuleSet.Options.regressionSuite(), d);
        d.sorted().stream().limit(20).forEach(x -> System.out.println("DIAG " + x));
        WafInterpreter engine = new WafInterpreter(waf);
        System.out.println("loaded " + waf.ruleCount() + " rules in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        ObjectMapper m = new ObjectMapper();
        int pass = 0, fail = 0, skip = 0;
        Map<String, Integer> failByRule = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        String only = System.getProperty("only", "");
        for (String line : Files.readAllLines(Path.of("/tmp/scratch/ftw.jsonl"))) {
            JsonNode n = m.readTree(line);
            String id = n.get("id").asText();
            if (!only.isEmpty() && !id.startsWith(only)) continue;
            if (!n.get("enabled").asBoolean() || n.has("raw") || (n.get("expect").size() == 0 && n.get("noexpect").size() == 0)) { skip++; continue; }
            List<WafRequest.Header> headers = new ArrayList<>();
            for (JsonNode h : n.get("headers")) headers.add(new WafRequest.Header(h.get(0).asText(), h.get(1).asText()));
            byte[] body = Base64.getDecoder().decode(n.get("body").asText());
            WafRequest req = new WafRequest(n.get("method").asText(), n.get("uri").asText(), n.get("version").asText(), headers, body, "127.0.0.1", 40000, "127.0.0.1", 80);
            WafResult r;
            try { r = engine.inspect(req); } catch (RuntimeException e) { fail++; failures.add(id + " EXCEPTION " + e); e.printStackTrace(); continue; }
            Set<Long> fired = new TreeSet<>(r.firedIds());
            boolean ok = true; String why = "";
            for (JsonNode e : n.get("expect")) if (!fired.contains(e.asLong())) { ok = false; why += " missing " + e.asLong(); }
            for (JsonNode e : n.get("noexpect")) if (fired.contains(e.asLong())) { ok = false; why += " unexpected " + e.asLong(); }
            if (ok) pass++; else { fail++; failures.add(id + why + " fired=" + fired + " skipped=" + r.skipped()); failByRule.merge(id.replaceAll("-.*", ""), 1, Integer::sum); }
        }
        System.out.println("PASS " + pass + " FAIL " + fail + " SKIP " + skip);
        System.out.println(failByRule);
        Files.write(Path.of("/tmp/scratch/failures.txt"), failures);
    }
}
