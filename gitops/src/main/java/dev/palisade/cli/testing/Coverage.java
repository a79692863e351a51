package dev.palisade.cli.testing;

import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.compiler.ir.IrRule;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.ir.waf.IrWafItem;
import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.decision.Reason;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rules the tests exercised: an ALP rule when it decided a test's request (example or
 * generated), a custom WAF rule (one written in a policy file, not the CRS) when it fired.
 */
public final class Coverage {
    /** A rule that can be covered: how to name it, and where it is written. */
    public record Rule(String name, String location) {}

    private final Map<String, Rule> alpRules = new LinkedHashMap<>();
    private final Map<Long, Rule> wafRules = new LinkedHashMap<>();
    private final Set<String> coveredAlp = new HashSet<>();
    private final Set<Long> coveredWaf = new HashSet<>();

    public Coverage(IrBundle bundle, Map<String, IrWaf> wafs) {
        for (IrPolicy policy : bundle.policies()) {
            policy.alp().ifPresent(alp -> {
                for (IrRule rule : alp.rules()) {
                    alpRules.put(key(policy.name(), rule.index()),
                            new Rule("policy " + policy.name() + " rule " + (rule.index() + 1) + ": " + rule.text(),
                                    rule.span().location()));
                }
            });
        }
        wafs.forEach((policy, waf) -> {
            for (IrWafItem item : waf.items()) {
                if (item instanceof IrWafRule rule && rule.id() > 0 && rule.span().file().endsWith(".pal")) {
                    wafRules.put(rule.id(), new Rule("policy " + policy + " WAF rule " + rule.id() + " \"" + rule.message() + "\"",
                            rule.span().location()));
                }
            }
        });
    }

    public synchronized void record(RequestDecider.Outcome outcome) {
        Decision alp = outcome.alp();
        if (alp.reason() == Reason.RULE) {
            coveredAlp.add(key(alp.policy(), alp.rule()));
        }
        outcome.waf().ifPresent(result -> coveredWaf.addAll(result.firedIds()));
    }

    public int total() {
        return alpRules.size() + wafRules.size();
    }

    public synchronized int covered() {
        return (int) (alpRules.keySet().stream().filter(coveredAlp::contains).count()
                + wafRules.keySet().stream().filter(coveredWaf::contains).count());
    }

    /** Percent of rules exercised; 100 when there are none to exercise. */
    public synchronized double percent() {
        return total() == 0 ? 100 : 100.0 * covered() / total();
    }

    public synchronized List<Rule> uncovered() {
        List<Rule> alp = alpRules.entrySet().stream().filter(e -> !coveredAlp.contains(e.getKey())).map(Map.Entry::getValue).toList();
        List<Rule> waf = wafRules.entrySet().stream().filter(e -> !coveredWaf.contains(e.getKey())).map(Map.Entry::getValue).toList();
        return java.util.stream.Stream.concat(alp.stream(), waf.stream()).toList();
    }

    public String summary() {
        return String.format("coverage: %d of %d rules exercised (%d ALP, %d custom WAF), %.0f%%",
                covered(), total(), alpRules.size(), wafRules.size(), Math.floor(percent()));
    }

    private static String key(String policy, int rule) {
        return policy + "#" + rule;
    }
}
