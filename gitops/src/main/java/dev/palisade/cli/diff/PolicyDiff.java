package dev.palisade.cli.diff;

import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.engine.request.AlpRequest;
import dev.palisade.engine.request.Workload;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compares two compiled versions and prints, per workload, the requests whose ALP decision changed. */
public final class PolicyDiff {
    private final PolicyVersion before;
    private final PolicyVersion after;

    public PolicyDiff(String beforeLabel, PolicyCompiler.Result before, String afterLabel, PolicyCompiler.Result after) {
        this.before = PolicyVersion.of(beforeLabel, before);
        this.after = PolicyVersion.of(afterLabel, after);
    }

    /** Prints the report; returns whether any decision changed. */
    public boolean report(PrintWriter out, int generated, long seed, int examples) {
        Map<String, Workload> workloads = new TreeMap<>(before.workloads());
        workloads.putAll(after.workloads());
        List<AlpRequest> requests = DiffRequests.of(before, after, generated, seed);
        out.println("ALP decisions of " + before.label() + " (before) and " + after.label() + " (after), for "
                + workloads.size() + " workloads on " + requests.size() + " requests each");
        int opened = 0;
        int closed = 0;
        int changedWorkloads = 0;
        for (Map.Entry<String, Workload> workload : workloads.entrySet()) {
            List<DecisionDiff.Change> changes = DecisionDiff.of(workload.getValue(), before, after, requests, examples);
            out.println();
            out.print("workload " + workload.getKey() + " (" + workload.getValue() + "): ");
            if (changes.isEmpty()) {
                out.println("no change");
                continue;
            }
            changedWorkloads++;
            out.println(changes.size() == 1 ? "1 change" : changes.size() + " changes");
            for (DecisionDiff.Change change : changes) {
                if (change.opened()) {
                    opened += change.count();
                } else {
                    closed += change.count();
                }
                out.println("  now " + (change.opened() ? "ALLOWED" : "DENIED") + ", " + change.count()
                        + (change.count() == 1 ? " request" : " requests") + ", for example:");
                for (AlpRequest request : change.examples()) {
                    out.println("    " + describe(request));
                }
                out.println("    before: " + change.before().summary());
                out.println("    after:  " + change.after().summary());
            }
        }
        out.println();
        out.println(changedWorkloads == 0 ? "no decision changed"
                : changedWorkloads + (changedWorkloads == 1 ? " workload" : " workloads") + " changed: " + opened
                        + " requests now allowed, " + closed + " now denied");
        return changedWorkloads > 0;
    }

    private static String describe(AlpRequest request) {
        StringBuilder text = new StringBuilder(request.method()).append(" \"").append(request.path()).append('"');
        if (request.sourceServiceAccount() != null) {
            text.append(" from serviceaccount \"").append(request.sourceServiceAccount()).append('"');
        }
        if (request.sourceNamespace() != null) {
            text.append(" namespace \"").append(request.sourceNamespace()).append('"');
        }
        return text.toString();
    }
}
