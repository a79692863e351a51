package dev.palisade.cli;

import dev.palisade.cli.cluster.ClusterComparison;
import dev.palisade.cli.cluster.ClusterComparison.Entry;
import dev.palisade.cli.cluster.ClusterComparison.State;
import dev.palisade.cli.cluster.ClusterException;
import dev.palisade.cli.cluster.ClusterObjects;
import dev.palisade.cli.cluster.ClusterOptions;
import dev.palisade.cli.cluster.ManagedContent;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code palisade apply}: makes the cluster hold exactly what {@code palisade build --stdout}
 * prints, and nothing else of Palisade's.
 *
 * <p>Client-side apply: read each object, create it when absent, replace it (PUT with the
 * {@code resourceVersion} read, so a concurrent change is a conflict instead of a lost write) when
 * a field Palisade owns differs ({@link ManagedContent}), else leave it alone. Server-side apply
 * would merge field ownership on the server, but fabric8's mock API server cannot serve it, so it
 * could not be tested here; and the build is the whole truth for Palisade's objects anyway.
 * Objects labelled as Palisade's that the build no longer has are deleted (pruned) last, and only
 * when every create and update went through.
 */
@Command(name = "apply", description = {
        "Build the policies and apply the objects to a Kubernetes cluster: create what is missing, update what"
                + " differs, delete (prune) objects labelled app.kubernetes.io/managed-by=palisade that are no longer emitted.",
        "Exit codes: 0 applied, 1 policy problems or a cluster error, 2 usage."})
final class ApplyCommand implements Callable<Integer> {
    /** What apply does to an object in each state, as its line starts. */
    private static final Map<State, String> VERBS = Map.of(State.MISSING, "created   ", State.DIFFERS, "updated   ",
            State.IN_SYNC, "unchanged ", State.EXTRA, "pruned    ");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "policy files or directories (.pal)")
    List<Path> paths;

    @Option(names = "--dry-run", description = "print what would change and change nothing")
    boolean dryRun;

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
        String suffix = dryRun ? " (dry run)" : "";
        Map<State, Integer> counts = new EnumMap<>(State.class);
        try (KubernetesClient client = cluster.connect()) {
            ClusterObjects objects = new ClusterObjects(client);
            List<Entry> entries = ClusterComparison.compare(built.objects(), objects);
            List<Entry> extras = new ArrayList<>();
            for (Entry entry : entries) {
                if (entry.state() == State.EXTRA) {
                    extras.add(entry);
                    continue;
                }
                if (!dryRun && entry.state() == State.MISSING) {
                    objects.create(entry.key(), entry.desired());
                } else if (!dryRun && entry.state() == State.DIFFERS) {
                    objects.update(entry.key(), ManagedContent.merge(entry.desired(), entry.live()));
                }
                counts.merge(entry.state(), 1, Integer::sum);
                out.println(VERBS.get(entry.state()) + entry.key() + suffix);
                out.flush();
            }
            // Backwards through the kinds: policies before the Tier that holds them.
            Collections.reverse(extras);
            for (Entry extra : extras) {
                if (!dryRun) {
                    objects.delete(extra.key());
                }
                counts.merge(State.EXTRA, 1, Integer::sum);
                out.println(VERBS.get(State.EXTRA) + extra.key() + suffix);
            }
        } catch (ClusterException e) {
            out.flush();
            err.println("palisade: " + e.getMessage());
            return Inputs.PROBLEMS;
        }
        out.println(counts.getOrDefault(State.MISSING, 0) + " created, " + counts.getOrDefault(State.DIFFERS, 0) + " updated, "
                + counts.getOrDefault(State.IN_SYNC, 0) + " unchanged, " + counts.getOrDefault(State.EXTRA, 0) + " pruned" + suffix);
        return 0;
    }
}
