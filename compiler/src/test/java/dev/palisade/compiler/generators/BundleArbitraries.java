package dev.palisade.compiler.generators;

import dev.palisade.compiler.generators.BundleSpec.PathSpec;
import dev.palisade.compiler.generators.BundleSpec.PolicySpec;
import dev.palisade.compiler.generators.BundleSpec.RuleSpec;
import dev.palisade.compiler.generators.BundleSpec.TierSpec;
import dev.palisade.engine.request.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random bundles, workloads and requests. Values come from small pools so that rules overlap,
 * selectors select and requests hit rules: random paths would almost never match anything.
 * Requests are built from the bundle's own paths, then mutated the way attackers and sloppy
 * clients mutate them (case, dot segments, encodings, slashes, matrix parameters).
 */
public final class BundleArbitraries {
    /** Depth and width of what is generated. */
    public static final int MAX_POLICIES = 4;
    public static final int MAX_RULES = 6;

    static final List<String> PATHS = List.of("/", "/a", "/a/b", "/ab", "/a/b/c", "/pub", "/public", "/x/y", "/é",
            "/sp%20ace", "/a/");
    static final List<String> SELECTORS = List.of("all()", "app == \"a\"", "app in {\"a\", \"b\"}", "has(tier)",
            "!has(tier)", "tier != \"web\"", "app == \"a\" && tier == \"api\"", "app == \"b\" || tier == \"web\"",
            "app not in {\"b\"}");
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "DELETE", "\"PROPFIND\"", "*");

    private BundleArbitraries() {}

    public static Arbitrary<BundleSpec> bundles() {
        Arbitrary<List<TierSpec>> tiers = Combinators.combine(
                        Arbitraries.of(10, 100, 2_000_000), Arbitraries.of(true, false), Arbitraries.of(0, 1, 2))
                .as((order, pass, count) -> {
                    List<TierSpec> list = new ArrayList<>();
                    if (count >= 1) {
                        list.add(new TierSpec("platform", order, pass));
                    }
                    if (count >= 2) {
                        list.add(new TierSpec("security", order == 10 ? 50 : 5, !pass));
                    }
                    return list;
                });
        return tiers.flatMap(declared -> policy(declared).list().ofMinSize(1).ofMaxSize(MAX_POLICIES).map(policies -> {
            List<PolicySpec> named = new ArrayList<>();
            for (int i = 0; i < policies.size(); i++) {
                PolicySpec p = policies.get(i);
                named.add(new PolicySpec("p" + i, p.tier(), p.order(), p.namespace(), p.selector(), p.alp()));
            }
            return new BundleSpec(declared, named);
        }));
    }

    private static Arbitrary<PolicySpec> policy(List<TierSpec> tiers) {
        List<Optional<String>> tierChoices = new ArrayList<>();
        tierChoices.add(Optional.empty());
        tiers.forEach(tier -> tierChoices.add(Optional.of(tier.name())));
        Arbitrary<Optional<List<RuleSpec>>> alp = rule().list().ofMaxSize(MAX_RULES)
                .map(Optional::of).injectNull(0.1).map(rules -> rules == null ? Optional.empty() : rules);
        return Combinators.combine(
                        Arbitraries.of(tierChoices),
                        Arbitraries.integers().between(1, 3).optional(0.5),
                        Arbitraries.of("ns1", "ns2").optional(0.3),
                        Arbitraries.of(SELECTORS),
                        alp)
                .as((tier, order, namespace, selector, rules) -> new PolicySpec("p", tier, order, namespace, selector, rules));
    }

    private static Arbitrary<RuleSpec> rule() {
        Arbitrary<List<String>> methods = Arbitraries.of(METHODS).set().ofMaxSize(3).map(set -> List.copyOf(set));
        Arbitrary<List<PathSpec>> paths = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(PATHS))
                .as(PathSpec::new).list().ofMaxSize(3);
        Arbitrary<List<String>> accounts = Arbitraries.of("sa1", "sa2").set().ofMinSize(1).ofMaxSize(2)
                .map(set -> List.copyOf(set));
        return Combinators.combine(Arbitraries.integers().between(0, 9), methods, paths,
                        accounts.list().ofMaxSize(1), Arbitraries.of("ns1", "ns2").list().ofMaxSize(1))
                .as((roll, m, p, sa, ns) -> {
                    boolean deny = roll < 3;
                    List<String> source = sa.isEmpty() || roll % 3 != 0 ? List.of() : sa.get(0);
                    List<String> namespaces = roll == 7 ? ns : List.of();
                    // A deny of everything would contradict every allow: keep denies specific.
                    List<PathSpec> rulePaths = deny && p.isEmpty() && m.isEmpty() ? List.of(new PathSpec(true, "/x/y")) : p;
                    return new RuleSpec(deny, m, rulePaths, source, namespaces);
                });
    }

    public static Arbitrary<Workload> workloads() {
        return Combinators.combine(Arbitraries.of("a", "b", null), Arbitraries.of("web", "api", null),
                        Arbitraries.of("ns1", "ns2"))
                .as((app, tier, namespace) -> {
                    Map<String, String> labels = new LinkedHashMap<>();
                    if (app != null) {
                        labels.put("app", app);
                    }
                    if (tier != null) {
                        labels.put("tier", tier);
                    }
                    return new Workload(labels, namespace);
                });
    }

    /** The workloads one differential property checks a bundle for: one to three. */
    public static Arbitrary<List<Workload>> workloadSets() {
        return workloads().list().ofMinSize(1).ofMaxSize(3);
    }

    /** The requests one differential property sends per bundle and workload: one to 25. */
    public static Arbitrary<List<RawRequest>> requestBatches() {
        return requests().list().ofMinSize(1).ofMaxSize(25);
    }

    /** A request as a client would send it: method, raw request-target, and who sends it. */
    public record RawRequest(String method, String target, String serviceAccount, String namespace) {
        @Override
        public String toString() {
            return method + " " + target + " HTTP/1.1 (from serviceaccount " + serviceAccount + ", namespace " + namespace + ")";
        }
    }

    public static Arbitrary<RawRequest> requests() {
        Arbitrary<String> methods = Arbitraries.of("GET", "HEAD", "POST", "DELETE", "PROPFIND", "OPTIONS", "get");
        Arbitrary<String> targets = Combinators.combine(Arbitraries.of(PATHS), Arbitraries.of(Mutation.values()),
                        Arbitraries.of(Mutation.values()), Arbitraries.strings().ofMaxLength(6))
                .as((path, first, second, noise) -> second.apply(first.apply(path, noise), noise));
        return Combinators.combine(methods, targets, Arbitraries.of("sa1", "sa2", "sa3").injectNull(0.3),
                        Arbitraries.of("ns1", "ns2").injectNull(0.3))
                .as(RawRequest::new);
    }

    /** Ways requests differ from the paths in rules. */
    enum Mutation {
        NONE, APPEND_SEGMENT, UPPERCASE, DOT_SEGMENT, DOUBLE_SLASH, ENCODE_LETTER, DOT_DOT, MATRIX, TRAILING_SLASH,
        QUERY, DOUBLE_ENCODED_DOT, BACKSLASH, NOISE, ENCODED_UTF8;

        String apply(String path, String noise) {
            return switch (this) {
                case NONE -> path;
                case APPEND_SEGMENT -> path + "/z";
                case UPPERCASE -> path.toUpperCase(java.util.Locale.ROOT);
                case DOT_SEGMENT -> "/." + path;
                case DOUBLE_SLASH -> "/" + path;
                case ENCODE_LETTER -> path.replaceFirst("a", "%61");
                case DOT_DOT -> "/%2e%2e" + path;
                case MATRIX -> path + ";jsessionid=1";
                case TRAILING_SLASH -> path + "/";
                case QUERY -> path + "?q=/a";
                case DOUBLE_ENCODED_DOT -> path + "/%252e";
                case BACKSLASH -> path.replace('/', '\\');
                case NOISE -> path + noise;
                case ENCODED_UTF8 -> path.replace("é", "%C3%A9");
            };
        }
    }
}
