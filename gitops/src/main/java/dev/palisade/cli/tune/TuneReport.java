package dev.palisade.cli.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;

/** The ranked findings as text for people, or as JSON for scripts. Suggestions only: nothing is applied. */
public final class TuneReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TuneReport() {}

    public static void text(PrintWriter out, List<Finding> findings, boolean policyGiven) {
        if (findings.isEmpty()) {
            out.println("no WAF rule fired on a benign request: nothing to tune");
            return;
        }
        int rank = 0;
        for (Finding finding : findings) {
            rank++;
            out.println();
            out.printf("%d. rule %d%s fired on %d benign request%s to %s%s, through %s; paths %s%n", rank,
                    finding.ruleId(), finding.message() == null ? "" : " \"" + finding.message() + "\"", finding.count(),
                    finding.count() == 1 ? "" : "s", where(finding),
                    finding.namespace() == null ? "" : " (namespace " + finding.namespace() + ")",
                    finding.variable().orElse("a variable its log does not name (the whole rule is excluded)"),
                    String.join(", ", finding.paths()));
            out.println("   suggested, in the waf block of "
                    + finding.policy().map(name -> "policy " + name + (policyGiven ? "" : " (named by the log)"))
                            .orElse(policyGiven
                            ? "the policy for service " + finding.service() + " (none of the given policies' WAFs selects it)"
                            : "the policy for service " + finding.service()) + ":");
            out.println("       " + finding.exclusion().toPalisade());
            finding.checked().ifPresent(ok -> out.println("   palisade check: " + (ok ? "accepted" : "REJECTED")));
            if (finding.checked().orElse(false)) {
                if (finding.weakened().isEmpty()) {
                    out.println("   weakens no test");
                } else {
                    out.println("   WEAKENS " + finding.weakened().size() + " test" + (finding.weakened().size() == 1 ? "" : "s")
                            + " (pass now, fail with it):");
                    finding.weakened().forEach(test -> out.println("       " + test));
                }
            }
            out.println("   seen at " + String.join(", ", finding.examples())
                    + (finding.count() > finding.examples().size() ? ", …" : ""));
        }
    }

    public static void json(PrintWriter out, List<Finding> findings) {
        ArrayNode array = JSON.createArrayNode();
        for (Finding finding : findings) {
            ObjectNode node = array.addObject();
            node.put("rule", finding.ruleId());
            node.put("message", finding.message());
            node.put("variable", finding.variable().orElse(null));
            node.put("service", finding.service());
            node.put("namespace", finding.namespace());
            node.put("count", finding.count());
            finding.paths().forEach(node.putArray("paths")::add);
            node.put("policy", finding.policy().orElse(null));
            node.put("suggestion", finding.exclusion().toPalisade());
            finding.checked().ifPresent(ok -> node.put("check_accepts", ok));
            finding.weakened().forEach(node.putArray("weakens")::add);
            finding.examples().forEach(node.putArray("examples")::add);
        }
        try {
            out.println(JSON.writeValueAsString(array));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String where(Finding finding) {
        return finding.service() == null ? "an unnamed service" : "service " + finding.service();
    }
}
