package dev.palisade.cli.diff;

import dev.palisade.cli.testing.RequestDecider;
import dev.palisade.cli.testing.TestRequest;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.engine.request.AlpRequest;
import dev.palisade.engine.request.Workload;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares two compiled versions and prints, per workload, what changed in the WAFs that apply to
 * it and the requests whose final decision (ALP, then the WAF, as the runtime decides) changed.
 */
public final class PolicyDiff {
    /** How many distinct requests ALP allows a workload the WAF probes are spread over. */
    private static final int PROBE_TARGETS = 12;

    private final PolicyVersion before;
    private final PolicyVersion after;

    /** @param beforeWafs, afterWafs each version's lowered WAFs by policy name ({@code PolicyWafs.lower}) */
    public PolicyDiff(String beforeLabel, PolicyCompiler.Result before, Map<String, IrWaf> beforeWafs, String afterLabel,
            PolicyCompiler.Result after, Map<String, IrWaf> afterWafs) {
        this.before = PolicyVersion.of(beforeLabel, before, beforeWafs);
        this.after = PolicyVersion.of(afterLabel, after, afterWafs);
    }

    /** Prints the report; returns whether any decision or any WAF changed. */
    public boolean report(PrintWriter out, int generated, long seed, int examples) {
        Map<String, Workload> workloads = new TreeMap<>(before.workloads());
        workloads.putAll(after.workloads());
        List<AlpRequest> requests = DiffRequests.of(before, after, generated, seed);
        out.println("Decisions (ALP, then the WAF) of " + before.label() + " (before) and " + after.label() + " (after), for "
                + workloads.size() + (workloads.size() == 1 ? " workload" : " workloads") + " on " + requests.size() + " requests each");
        int opened = 0;
        int closed = 0;
        int restatus = 0;
        int changedWorkloads = 0;
        int changedWafs = 0;
        for (Map.Entry<String, Workload> entry : workloads.entrySet()) {
            Workload workload = entry.getValue();
            RequestDecider.Target was = before.decider().target(workload);
            RequestDecider.Target is = after.decider().target(workload);
            boolean hasWaf = !before.wafPolicies(was.selection()).isEmpty() || !after.wafPolicies(is.selection()).isEmpty();
            Map<String, List<String>> wafChanges = wafChanges(was, is);
            List<TestRequest> decided = new ArrayList<>();
            requests.forEach(request -> decided.add(ClientRequests.of(request, workload)));
            List<TestRequest> probes = !hasWaf ? List.of() : WafProbes.of(allowed(was, is, requests), workload, seed);
            decided.addAll(probes);
            List<DecisionDiff.Change> changes = DecisionDiff.of(was, is, decided, examples);

            out.println();
            out.print("workload " + entry.getKey() + " (" + workload + "): ");
            String moved = changes.size() == 1 ? "1 change" : changes.size() + " changes";
            out.println(wafChanges.isEmpty() ? (changes.isEmpty() ? "no change" : moved)
                    : "WAF changed, " + (changes.isEmpty() ? "no request moved" : moved));
            wafChanges.forEach((policy, lines) -> {
                out.println("  WAF of policy " + policy + ":");
                lines.forEach(line -> out.println("    " + line));
            });
            if (!probes.isEmpty()) {
                out.println("  WAF probes: " + probes.size() + " requests with attacks and ordinary values (in argument "
                        + WafProbes.ARGUMENT + ", form field " + WafProbes.ARGUMENT + ", User-Agent, cookie "
                        + WafProbes.COOKIE + ") where ALP allows");
            }
            if (changes.isEmpty() && wafChanges.isEmpty()) {
                continue;
            }
            changedWorkloads++;
            changedWafs += wafChanges.isEmpty() ? 0 : 1;
            for (DecisionDiff.Change change : changes) {
                switch (change.kind()) {
                    case OPENED -> opened += change.count();
                    case CLOSED -> closed += change.count();
                    default -> restatus += change.count();
                }
                print(out, change);
            }
        }
        out.println();
        if (changedWorkloads == 0) {
            out.println("no decision changed, no WAF changed");
        } else {
            out.println(changedWorkloads + (changedWorkloads == 1 ? " workload" : " workloads") + " changed: " + opened
                    + " requests now allowed, " + closed + " now denied"
                    + (restatus == 0 ? "" : ", " + restatus + " denied with another status")
                    + (changedWafs == 0 ? "" : "; the WAF of " + changedWafs + (changedWafs == 1 ? " workload" : " workloads")
                            + " changed"));
        }
        return changedWorkloads > 0;
    }

    private static void print(PrintWriter out, DecisionDiff.Change change) {
        String now = change.kind() == DecisionDiff.Kind.OPENED ? "now ALLOWED"
                : change.kind() == DecisionDiff.Kind.CLOSED ? "now DENIED" : "DENIED with another status";
        out.println("  " + now + ", " + change.count() + (change.count() == 1 ? " request" : " requests") + ", for example:");
        change.examples().forEach(example -> out.println("    " + example));
        out.println("    before: " + change.before());
        out.println("    after:  " + change.after());
    }

    /** For each policy with a WAF that selects the workload in either version, what changed in the WAF, if anything. */
    private Map<String, List<String>> wafChanges(RequestDecider.Target was, RequestDecider.Target is) {
        List<String> wafsBefore = before.wafPolicies(was.selection());
        List<String> wafsAfter = after.wafPolicies(is.selection());
        Set<String> policies = new LinkedHashSet<>(wafsBefore);
        policies.addAll(wafsAfter);
        Map<String, List<String>> changes = new LinkedHashMap<>();
        for (String policy : policies) {
            List<String> lines = WafChanges.of(
                    Optional.ofNullable(wafsBefore.contains(policy) ? before.wafBlocks().get(policy) : null),
                    Optional.ofNullable(wafsAfter.contains(policy) ? after.wafBlocks().get(policy) : null));
            if (!lines.isEmpty()) {
                changes.put(policy, lines);
            }
        }
        return changes;
    }

    /** Distinct (method, path) requests that ALP allows the workload in either version, the first few. */
    private List<AlpRequest> allowed(RequestDecider.Target was, RequestDecider.Target is, List<AlpRequest> requests) {
        Map<String, AlpRequest> allowed = new LinkedHashMap<>();
        for (AlpRequest request : requests) {
            if (allowed.size() == PROBE_TARGETS) {
                break;
            }
            boolean passes = before.policy().decide(was.selection(), request).allowed()
                    || after.policy().decide(is.selection(), request).allowed();
            if (passes) {
                allowed.putIfAbsent(request.method() + " " + request.path(), request);
            }
        }
        return List.copyOf(allowed.values());
    }
}
