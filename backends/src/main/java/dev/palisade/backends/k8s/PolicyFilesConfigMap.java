package dev.palisade.backends.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.Yaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The policy sources as a ConfigMap, and the volume that lays them out as they were in Git. The
 * runtime compiles them itself (hot reload watches the mount), so the cluster runs exactly what
 * was reviewed. Files a {@code waf} block includes ({@code seclang include}) travel with the
 * policies, at the same relative paths; CRS files come from the runtime image, not from Git.
 */
final class PolicyFilesConfigMap {
    static final String NAME = "palisade-policies";
    static final String MOUNT = "/etc/palisade/policies";

    /** A file's ConfigMap key (flat: {@code [-._a-zA-Z0-9]+}) and its path under the mount. */
    record Entry(String key, String path, String text) {}

    private PolicyFilesConfigMap() {}

    /** Every file, keyed and laid out relative to the policy files' common directory. */
    static List<Entry> entries(BuildInput input) {
        Path root = commonDirectory(input.sources().keySet());
        Map<String, String> files = new TreeMap<>();
        input.sources().forEach((name, text) -> files.put(relative(root, name), text));
        List<Entry> entries = new ArrayList<>();
        files.forEach((path, text) -> entries.add(new Entry(path.replace('/', '_'), path, text)));
        return entries;
    }

    static ObjectNode configMap(List<Entry> entries, String namespace) {
        ObjectNode map = Manifests.object("v1", "ConfigMap", NAME, namespace);
        ObjectNode data = map.putObject("data");
        entries.forEach(entry -> data.put(entry.key(), entry.text()));
        return map;
    }

    /** The volume: each key back at its relative path, so includes resolve as they did in Git. */
    static ObjectNode volume(List<Entry> entries) {
        ObjectNode volume = Yaml.object().put("name", "policies");
        ObjectNode configMap = volume.putObject("configMap").put("name", NAME);
        ArrayNode items = configMap.putArray("items");
        entries.forEach(entry -> items.addObject().put("key", entry.key()).put("path", entry.path()));
        return volume;
    }

    private static Path commonDirectory(Iterable<String> names) {
        Path common = null;
        for (String name : names) {
            Path parent = Path.of(name).toAbsolutePath().normalize().getParent();
            if (common == null) {
                common = parent;
            } else {
                while (!parent.startsWith(common)) {
                    common = common.getParent();
                }
            }
        }
        return common == null ? Path.of("").toAbsolutePath() : common;
    }

    private static String relative(Path root, String name) {
        return root.toAbsolutePath().normalize().relativize(Path.of(name).toAbsolutePath().normalize()).toString()
                .replace(java.io.File.separatorChar, '/');
    }
}
