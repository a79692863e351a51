package dev.palisade.cli.diff;

import dev.palisade.engine.request.AlpRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The requests a diff decides on both sides. By analysis: ALP decides on method, path and caller,
 * and a decision can only change where some rule starts or stops matching, so the requests at
 * and around every rule path of either version (the path, below it, beside it, its parents) with
 * every method and caller either version names, plus one of each the rules do not name, meet
 * every rule boundary. By generation: random requests on top, for what the analysis misses. A
 * workload with a WAF also gets {@link WafProbes}, on the requests here that ALP allows.
 */
final class DiffRequests {
    /** A method no rule names: what "any other method" stands for. */
    static final String OTHER_METHOD = "PROPFIND";

    private DiffRequests() {}

    static List<AlpRequest> of(PolicyVersion before, PolicyVersion after, int generated, long seed) {
        Set<String> paths = new LinkedHashSet<>(List.of("/", "/other"));
        for (String path : union(before.rulePaths(), after.rulePaths())) {
            paths.add(path);
            String base = path.endsWith("/") ? path : path + "/";
            paths.add(base + "x");
            if (!path.equals("/")) {
                paths.add(path.endsWith("/") ? path.substring(0, path.length() - 1) + "x/" : path + "x");
                for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
                    paths.add(path.substring(0, slash));
                }
            }
        }
        Set<String> methods = new LinkedHashSet<>(List.of("GET", "POST", OTHER_METHOD));
        methods.addAll(union(before.methods(), after.methods()));
        Set<List<String>> sources = new LinkedHashSet<>();
        sources.add(java.util.Arrays.asList(null, null));
        sources.add(java.util.Arrays.asList("other", "other"));
        sources.addAll(before.sources());
        sources.addAll(after.sources());
        List<AlpRequest> requests = new ArrayList<>();
        for (String method : methods) {
            for (String path : paths) {
                for (List<String> source : sources) {
                    requests.add(new AlpRequest(method, path, source.get(0), source.get(1)));
                }
            }
        }
        Random random = new Random(seed);
        List<String> known = List.copyOf(paths);
        List<String> knownMethods = List.copyOf(methods);
        List<List<String>> knownSources = List.copyOf(sources);
        for (int i = 0; i < generated; i++) {
            String path = known.get(random.nextInt(known.size()));
            int extra = random.nextInt(3);
            for (int segment = 0; segment < extra; segment++) {
                path = (path.endsWith("/") ? path : path + "/") + Long.toString(random.nextLong() & 0xffff, 36);
            }
            List<String> source = knownSources.get(random.nextInt(knownSources.size()));
            requests.add(new AlpRequest(knownMethods.get(random.nextInt(knownMethods.size())), path, source.get(0), source.get(1)));
        }
        return requests;
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }
}
