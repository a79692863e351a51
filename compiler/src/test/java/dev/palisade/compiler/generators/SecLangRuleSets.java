package dev.palisade.compiler.generators;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random small SecLang rule sets that use the constructs the code generator wires together:
 * chains, markers with {@code skipAfter}, {@code skip}, negation, counting, exclusions,
 * {@code multiMatch}, {@code capture}, {@code setvar} arithmetic and deletion, {@code ctl} rule and
 * target removal and engine switches, {@code allow}/{@code deny}/{@code pass}, {@code log}/{@code nolog},
 * an unsupported operator, in phases 1 and 2. Targets and operator arguments are few and small, so
 * {@link #requests()} often match them.
 */
public final class SecLangRuleSets {
    private SecLangRuleSets() {}

    private static final List<String> TARGETS = List.of("ARGS", "ARGS:q", "ARGS_NAMES", "REQUEST_HEADERS:User-Agent",
            "REQUEST_URI", "&ARGS", "TX:score", "ARGS|!ARGS:q", "REQUEST_COOKIES", "ARGS:/^[qx]$/", "&TX:score",
            "REQUEST_METHOD", "TX:0");

    private static final List<String> OPERATORS = List.of("@rx a", "!@rx ^b", "@rx (a+)(b?)", "@contains x", "@eq 1",
            "@gt 0", "!@streq GET", "@pm a b", "@rbl sbl.example.org", "@unconditionalMatch", "@beginsWith /a",
            "@ge 2", "@within GET POST", "@lt 1");

    private static final List<String> TRANSFORMATIONS = List.of("t:lowercase", "t:urlDecode", "t:removeWhitespace",
            "t:length", "t:uppercase", "t:trim");

    private static final List<String> ACTIONS = List.of("setvar:tx.score=+1", "setvar:tx.score=-1", "setvar:!tx.score",
            "setvar:tx.score=%{MATCHED_VAR}", "ctl:ruleRemoveById=%d", "ctl:ruleRemoveTargetById=%d;ARGS:q",
            "ctl:ruleEngine=Off", "ctl:ruleEngine=DetectionOnly", "ctl:ruleRemoveByTag=t%d");

    private static final List<String> DISRUPTIVE = List.of("pass", "pass", "pass", "deny,status:403", "allow", "block");

    /** One link: {@code SecRule VARIABLES "OPERATOR"} and its per-link actions (transformations, flags, setvar, ctl). */
    private static Arbitrary<String[]> link(int id, int count) {
        Arbitrary<String> targets = Arbitraries.of(TARGETS);
        Arbitrary<String> operator = Arbitraries.of(OPERATORS);
        Arbitrary<List<String>> transformations = Arbitraries.of(TRANSFORMATIONS).list().ofMaxSize(2);
        Arbitrary<List<String>> actions = Arbitraries.of(ACTIONS).list().ofMaxSize(2)
                .map(list -> list.stream().map(a -> a.contains("%d")
                        ? String.format(a, 1000 + Math.floorMod(a.length() * 7 + id, count)) : a).toList());
        Arbitrary<List<String>> flags = Arbitraries.of("multiMatch", "capture").list().uniqueElements().ofMaxSize(2);
        return Combinators.combine(targets, operator, transformations, actions, flags).as((t, o, ts, as, fs) -> {
            List<String> all = new ArrayList<>();
            all.addAll(ts);
            all.addAll(fs);
            all.addAll(as);
            return new String[] {"SecRule " + t + " \"" + o + "\"", String.join(",", all)};
        });
    }

    private static Arbitrary<String> rule(int id, int count) {
        Arbitrary<String> meta = Combinators.combine(Arbitraries.of(1, 2), Arbitraries.of(DISRUPTIVE),
                Arbitraries.of("log", "nolog"),
                Arbitraries.of("", "", ",skipAfter:M1", ",skipAfter:M2", ",skip:1", ",skip:2"),
                Arbitraries.of("", ",tag:'t1000'", ",tag:'t1001'"))
                .as((phase, disruptive, log, jump, tag) -> "id:" + id + ",phase:" + phase + "," + disruptive + ","
                        + log + jump + tag + ",msg:'m" + id + " %{MATCHED_VAR_NAME}=%{MATCHED_VAR} s%{tx.score}'"
                        + ",logdata:'%{TX.0}|%{TX.1}'");
        Arbitrary<List<String[]>> links = link(id, count).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Boolean> unconditional = Arbitraries.of(false, false, false, false, true);
        return Combinators.combine(meta, links, unconditional).as((m, chain, secAction) -> {
            if (secAction) {
                return "SecAction \"" + m + ",setvar:tx.score=+2\"";
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < chain.size(); i++) {
                List<String> actions = new ArrayList<>();
                if (i == 0) {
                    actions.add(m);
                }
                if (!chain.get(i)[1].isEmpty()) {
                    actions.add(chain.get(i)[1]);
                }
                if (i < chain.size() - 1) {
                    actions.add("chain");
                }
                text.append(i == 0 ? "" : "\n    ").append(chain.get(i)[0]).append(" \"")
                        .append(String.join(",", actions)).append('"');
            }
            return text.toString();
        });
    }

    /** 2–8 rules with ids 1000… and the markers M1, M2 somewhere among them. */
    public static Arbitrary<String> ruleSets() {
        return Arbitraries.integers().between(2, 8).flatMap(count -> {
            List<Arbitrary<String>> rules = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                rules.add(rule(1000 + i, count));
            }
            return Combinators.combine(Combinators.combine(rules).as(list -> list),
                    Arbitraries.integers().between(0, count), Arbitraries.integers().between(0, count))
                    .as((list, m1, m2) -> {
                        List<String> lines = new ArrayList<>(list);
                        lines.add(Math.max(m1, m2), "SecMarker M2");
                        lines.add(Math.min(m1, m2), "SecMarker M1");
                        return String.join("\n", lines) + "\n";
                    });
        });
    }

    /** Requests with the few values the rules look at. */
    public static Arbitrary<dev.palisade.engine.waf.WafRequest> requests() {
        Arbitrary<String> value = Arbitraries.of("a", "B", "x", "1", "2", "%41", "b%20a", "aab", "", "AXa");
        Arbitrary<String> argument = Combinators.combine(Arbitraries.of("q", "x", "ab", "b"), value).as((n, v) -> n + "=" + v);
        Arbitrary<String> query = argument.list().ofMaxSize(3).map(l -> String.join("&", l));
        return Combinators.combine(Arbitraries.of("GET", "POST", "PUT"), Arbitraries.of("/a", "/b/a", "/"), query,
                Arbitraries.of("", "a", "Bot x"), query).as((method, path, q, agent, body) -> {
                    List<dev.palisade.engine.waf.WafRequest.Header> headers = new ArrayList<>();
                    headers.add(new dev.palisade.engine.waf.WafRequest.Header("Host", "example.com"));
                    if (!agent.isEmpty()) {
                        headers.add(new dev.palisade.engine.waf.WafRequest.Header("User-Agent", agent));
                    }
                    headers.add(new dev.palisade.engine.waf.WafRequest.Header("Cookie", "a=" + agent));
                    byte[] bytes = new byte[0];
                    if (method.equals("POST")) {
                        headers.add(new dev.palisade.engine.waf.WafRequest.Header("Content-Type",
                                "application/x-www-form-urlencoded"));
                        bytes = body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                    }
                    return dev.palisade.engine.waf.WafRequest.of(method, q.isEmpty() ? path : path + "?" + q, headers, bytes);
                });
    }
}
