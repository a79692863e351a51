package dev.palisade.cli.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the cluster has against what a build emits, object by object: the one comparison both
 * {@code palisade status} reports and {@code palisade apply} acts on, so an apply leaves status
 * in sync by construction.
 */
public final class ClusterComparison {
    /** Where one object stands. */
    public enum State { MISSING, DIFFERS, IN_SYNC, EXTRA }

    /**
     * One object.
     *
     * @param desired the object as Palisade applies it (labels and digests set); null for {@link State#EXTRA}
     * @param live the cluster's copy; null for {@link State#MISSING}
     * @param fields the owned fields that differ ({@link State#DIFFERS} only)
     */
    public record Entry(ObjectKey key, State state, List<String> fields, ObjectNode desired, ObjectNode live) {}

    private ClusterComparison() {}

    /**
     * Emitted objects first, in emitted order; then the extras: objects labelled as Palisade's, of
     * every kind Palisade can emit or emitted now, in any namespace, that this build no longer has.
     * Extras are searched in every namespace because a removed policy may have been the last one in
     * its namespace, which then no longer appears in the build at all. Extras come in
     * {@link ManagedKinds#all()} order, sorted by namespace and name within a kind.
     */
    public static List<Entry> compare(List<ObjectNode> emitted, ClusterObjects cluster) {
        Map<ObjectKey, Entry> entries = new LinkedHashMap<>();
        Set<ClusterKind> kinds = new LinkedHashSet<>(ManagedKinds.all());
        for (ObjectNode object : emitted) {
            ObjectNode desired = ManagedContent.prepare(object);
            ClusterKind kind = cluster.kindOf(desired.path("apiVersion").asText(), desired.path("kind").asText());
            kinds.add(kind);
            ObjectKey key = cluster.keyOf(kind, desired);
            if (entries.containsKey(key)) {
                throw new ClusterException("the build has " + key + " twice; every object needs its own name");
            }
            Optional<ObjectNode> live = cluster.get(key);
            if (live.isEmpty()) {
                entries.put(key, new Entry(key, State.MISSING, List.of(), desired, null));
            } else {
                List<String> fields = ManagedContent.differences(desired, live.get());
                entries.put(key, new Entry(key, fields.isEmpty() ? State.IN_SYNC : State.DIFFERS, fields, desired, live.get()));
            }
        }
        List<Entry> extras = new ArrayList<>();
        for (ClusterKind kind : kinds) {
            List<ObjectKey> stale = new ArrayList<>();
            Map<ObjectKey, ObjectNode> live = new LinkedHashMap<>();
            for (ObjectNode object : cluster.listManaged(kind)) {
                ObjectKey key = ObjectKey.of(kind, object);
                if (!entries.containsKey(key)) {
                    stale.add(key);
                    live.put(key, object);
                }
            }
            stale.sort(Comparator.comparing(ObjectKey::namespace).thenComparing(ObjectKey::name));
            stale.forEach(key -> extras.add(new Entry(key, State.EXTRA, List.of(), null, live.get(key))));
        }
        List<Entry> all = new ArrayList<>(entries.values());
        all.addAll(extras);
        return all;
    }
}
