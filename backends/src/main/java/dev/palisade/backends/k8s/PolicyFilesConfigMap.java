package dev.palisade.backends.k8s;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BuildDataFiles;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.Yaml;
import dev.palisade.compiler.ir.waf.IrWafItem;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The policy sources as a ConfigMap, and the volume that lays them out as they were in Git. The
 * runtime compiles them itself (hot reload watches the mount), so the cluster runs exactly what
 * was reviewed. Files a {@code waf} block reads ({@code seclang include}, the data files of
 * {@code @pmFromFile} and {@code @ipMatchFromFile}) travel with the policies, at the same relative
 * paths, so the runtime resolves them as the build did; CRS files come from the runtime image,
 * not from Git. A file the ConfigMap cannot carry is an error (P0680), never left out.
 */
final class PolicyFilesConfigMap {
    static final String NAME = "palisade-policies";
    static final String MOUNT = "/etc/palisade/policies";

    /** What Kubernetes accepts as a ConfigMap key. */
    private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]{1,253}");

    /** Kubernetes refuses a ConfigMap whose data is larger than 1 MiB. */
    static final int MAX_DATA_BYTES = 1 << 20;

    /** A file's ConfigMap key (flat: {@code [-._a-zA-Z0-9]+}) and its path under the mount. */
    record Entry(String key, String path, String text) {}

    private PolicyFilesConfigMap() {}

    /** Every file, keyed and laid out relative to the policy files' common directory. */
    static List<Entry> entries(BuildInput input, Diagnostics diagnostics) {
        Map<String, Span> usedAt = new HashMap<>();
        for (BuildDataFiles.UsedFile used : BuildDataFiles.of(input)) {
            Span span = used.file().rule().span();
            usedAt.putIfAbsent(used.file().path().toString(), span);
            if (used.carried() == BuildDataFiles.Carried.NOT_CARRIED) {
                diagnostics.error(DiagnosticCode.K8S_FILE_NOT_CARRIED, span, "data file `" + used.file().name()
                        + "` cannot be carried to the runtime: " + (Path.of(used.file().name()).isAbsolute()
                                ? "an absolute path names a file of this machine, not of the runtime's pod"
                                : "it is not UTF-8 text, and ConfigMap data is"),
                        "put the file next to the policies and name it relative to the rule's file");
            }
        }
        rulesFilesNotCarried(input, diagnostics);
        Map<String, String> files = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        input.sources().forEach((name, text) -> {
            String path = input.relativeToSources(Path.of(name));
            files.put(path, text);
            names.put(path, name);
        });
        List<Entry> entries = new ArrayList<>();
        Map<String, String> keys = new HashMap<>();
        files.forEach((path, text) -> {
            String key = path.replace('/', '_');
            String name = names.get(path);
            Span span = usedAt.getOrDefault(Path.of(name).toAbsolutePath().normalize().toString(),
                    Span.point(name, 1, 1));
            String other = keys.putIfAbsent(key, path);
            if (!KEY.matcher(key).matches()) {
                diagnostics.error(DiagnosticCode.K8S_FILE_NOT_CARRIED, span, "`" + path + "` cannot be a ConfigMap key:"
                        + " keys are at most 253 of the characters `-._a-zA-Z0-9` (`/` becomes `_`)",
                        "rename the file");
            } else if (other != null) {
                diagnostics.error(DiagnosticCode.K8S_FILE_NOT_CARRIED, span, "`" + path + "` and `" + other
                        + "` would both be the ConfigMap key `" + key + "` (`/` becomes `_`)", "rename one of them");
            } else {
                entries.add(new Entry(key, path, text));
            }
        });
        long bytes = entries.stream().mapToLong(entry -> utf8Length(entry.key()) + utf8Length(entry.text())).sum();
        if (bytes > MAX_DATA_BYTES) {
            Entry largest = entries.stream().max(java.util.Comparator.comparingInt(entry -> entry.text().length()))
                    .orElseThrow();
            String name = names.get(largest.path());
            diagnostics.error(DiagnosticCode.K8S_FILE_NOT_CARRIED, usedAt.getOrDefault(
                    Path.of(name).toAbsolutePath().normalize().toString(), Span.point(name, 1, 1)),
                    "the policies' files are " + bytes + " bytes, more than a ConfigMap holds (" + MAX_DATA_BYTES
                            + "); the largest is `" + largest.path() + "`", "make the data files smaller");
        }
        return entries;
    }

    /** A SecLang file a policy includes that the sources do not hold (it is not UTF-8 text) would be missing in the pod. */
    private static void rulesFilesNotCarried(BuildInput input, Diagnostics diagnostics) {
        java.util.Set<Path> carried = new java.util.HashSet<>();
        input.sources().keySet().forEach(name -> carried.add(Path.of(name).toAbsolutePath().normalize()));
        java.util.Set<Path> reported = new java.util.HashSet<>();
        for (BuildInput.PolicyWaf waf : input.wafs().values()) {
            for (IrWafItem item : waf.ir().items()) {
                String name = item.span().file();
                if (name.startsWith("<")) {
                    continue;
                }
                Path file = Path.of(name).toAbsolutePath().normalize();
                if (!carried.contains(file) && !BuildInput.fromRuleSet(file, input.wafs().values()) && reported.add(file)) {
                    diagnostics.error(DiagnosticCode.K8S_FILE_NOT_CARRIED, item.span(), "`" + name
                            + "` cannot be carried to the runtime: it is not UTF-8 text, and ConfigMap data is",
                            "store the file as UTF-8 text");
                }
            }
        }
    }

    private static long utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    static ObjectNode configMap(List<Entry> entries, String namespace) {
        ObjectNode map = Manifests.object("v1", "ConfigMap", NAME, namespace);
        ObjectNode data = map.putObject("data");
        entries.forEach(entry -> data.put(entry.key(), entry.text()));
        return map;
    }

    /** The volume: each key back at its relative path, so includes and data files resolve as they did in Git. */
    static ObjectNode volume(List<Entry> entries) {
        ObjectNode volume = Yaml.object().put("name", "policies");
        ObjectNode configMap = volume.putObject("configMap").put("name", NAME);
        ArrayNode items = configMap.putArray("items");
        entries.forEach(entry -> items.addObject().put("key", entry.key()).put("path", entry.path()));
        return volume;
    }
}
