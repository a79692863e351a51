package dev.palisade.cli;

import dev.palisade.cli.cluster.ClusterComparison;
import dev.palisade.cli.cluster.ClusterComparison.Entry;
import dev.palisade.cli.cluster.ClusterComparison.State;
import dev.palisade.cli.cluster.ClusterException;
import dev.palisade.cli.cluster.ClusterObjects;
import dev.palisade.cli.cluster.ClusterOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code palisade status}: the cluster against the policies, read-only, one line per object. */
@Command(name = "status", description = {
        "Compare the cluster with what the policies emit: in sync, differs (naming the fields), missing, or extra"
                + " (labelled app.kubernetes.io/managed-by=palisade but no longer emitted; `palisade apply` prunes it).",
        "Exit codes: 0 all in sync, " + StatusCommand.OUT_OF_SYNC + " out of sync, 1 policy problems or a cluster error, 2 usage."})
final class StatusCommand implements Callable<Integer> {
    /** Not 3, which every command uses for an internal error. */
    static final int OUT_OF_SYNC = 4;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "policy files or directories (.pal)")
    List<Path> paths;

    @Mixin
    BackendSelection selection;

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BackendSelection.Built built = selection.build(paths, err);
        if (built.parts().isEmpty()) {
            return built.exitCode();
        }
        List<Entry> entries;
        try (KubernetesClient client = cluster.connect()) {
            entries = ClusterComparison.compare(built.objects(), new ClusterObjects(client));
        } catch (ClusterException e) {
            err.println("palisade: " + e.getMessage());
            return Inputs.PROBLEMS;
        }
        Map<State, Integer> counts = new EnumMap<>(State.class);
        for (Entry entry : entries) {
            counts.merge(entry.state(), 1, Integer::sum);
            out.println(switch (entry.state()) {
                case IN_SYNC -> "in sync   " + entry.key();
                case DIFFERS -> "differs   " + entry.key() + ": " + String.join(", ", entry.fields());
                case MISSING -> "missing   " + entry.key();
                case EXTRA -> "extra     " + entry.key() + " (managed by palisade, no longer emitted)";
            });
        }
        out.println(counts.getOrDefault(State.IN_SYNC, 0) + " in sync, " + counts.getOrDefault(State.DIFFERS, 0) + " differ, "
                + counts.getOrDefault(State.MISSING, 0) + " missing, " + counts.getOrDefault(State.EXTRA, 0) + " extra");
        return counts.getOrDefault(State.IN_SYNC, 0) == entries.size() ? 0 : OUT_OF_SYNC;
    }
}
