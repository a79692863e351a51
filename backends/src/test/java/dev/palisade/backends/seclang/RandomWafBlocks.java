package dev.palisade.backends.seclang;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random policies with a {@code waf} block in Palisade's own syntax (no CRS): custom rules with
 * one to three {@code when} conditions (negation, counting, excluded and regex-keyed variables,
 * transformations), every phase, their actions ({@code severity}, {@code tag}, {@code setvar},
 * {@code logdata}, {@code nolog}) and {@code deny} with or without a status; exclusions of those
 * rules, whole or for a target, unscoped or on exact and prefix paths (with regex metacharacters).
 */
final class RandomWafBlocks {
    private RandomWafBlocks() {}

    private static final List<String> VARIABLES = List.of("ARGS", "ARGS:q", "ARGS_NAMES", "REQUEST_HEADERS:User-Agent",
            "REQUEST_URI", "&ARGS", "!ARGS:q", "REQUEST_COOKIES:\"/^sess/\"", "REQUEST_METHOD", "TX:score");
    private static final List<String> TRANSFORMATIONS = List.of("lowercase", "urlDecodeUni", "trim", "removeWhitespace",
            "length", "compressWhitespace");
    private static final List<String> OPERATORS = List.of("@contains \"a, b\"", "@streq \"GET\"", "@rx \"^a.(b|c)$\"",
            "@beginsWith \"/admin\"", "@detectSQLi", "@pm \"x y z\"", "@gt \"0\"", "@within \"GET POST\"");
    private static final List<String> PHASES = List.of("request-headers", "request-body", "response-headers",
            "response-body", "logging");
    private static final List<String> ACTIONS = List.of("severity \"critical\"", "severity \"warning\"",
            "tag \"app/shop\"", "tag \"a, b: c\"", "setvar \"tx.score=+5\"", "setvar \"!tx.flag\"",
            "logdata \"%{MATCHED_VAR_NAME}=%{MATCHED_VAR}\"", "nolog", "log");
    private static final List<String> DENIES = List.of("", "", "deny", "deny 406", "deny 418");
    private static final List<String> PATHS = List.of("prefix \"/login\"", "exact \"/a.b\"", "prefix \"/x(1)+\"",
            "exact \"/\"", "prefix \"/api/v1\"");
    private static final List<String> MESSAGES = List.of("SQL injection", "a, b: c", "100% {bad} | /path", "");

    private static Arbitrary<String> condition() {
        return Combinators.combine(Arbitraries.of(VARIABLES).list().ofMinSize(1).ofMaxSize(3).uniqueElements(),
                Arbitraries.of(TRANSFORMATIONS).list().ofMaxSize(2), Arbitraries.of(false, false, true),
                Arbitraries.of(OPERATORS)).as((variables, transformations, negated, operator) ->
                "when " + String.join(", ", variables)
                        + (transformations.isEmpty() ? "" : " | " + String.join(" ", transformations))
                        + " " + (negated ? "!" : "") + operator);
    }

    private static Arbitrary<String> rule(int id) {
        return Combinators.combine(Arbitraries.of(MESSAGES), Arbitraries.of(PHASES), condition().list().ofMinSize(1)
                .ofMaxSize(3), Arbitraries.of(ACTIONS).list().ofMaxSize(3), Arbitraries.of(DENIES))
                .as((message, phase, conditions, actions, deny) -> {
                    List<String> lines = new ArrayList<>();
                    lines.add("    rule " + id + " \"" + message + "\" {");
                    lines.add("      phase " + phase);
                    conditions.forEach(c -> lines.add("      " + c));
                    actions.forEach(a -> lines.add("      " + a));
                    if (!deny.isEmpty()) {
                        lines.add("      " + deny);
                    }
                    lines.add("    }");
                    return String.join("\n", lines);
                });
    }

    private static Arbitrary<String> exclusion(int rules) {
        return Combinators.combine(Arbitraries.integers().between(0, rules - 1), Arbitraries.of(false, true),
                Arbitraries.of(PATHS).list().ofMaxSize(2).uniqueElements(), Arbitraries.of(false, false, true))
                .as((rule, forTarget, paths, range) -> "    exclude rule " + (100 + rule)
                        + (range ? "-" + (100 + rules) : "") + (forTarget ? " for ARGS:password" : "")
                        + (paths.isEmpty() ? "" : " on path " + String.join(", ", paths)));
    }

    /** A policy file's text: one policy {@code p} whose WAF has 1–4 rules (ids 100…) and up to 3 exclusions. */
    static Arbitrary<String> policies() {
        return Arbitraries.integers().between(1, 4).flatMap(count -> {
            List<Arbitrary<String>> rules = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                rules.add(rule(100 + i));
            }
            return Combinators.combine(Combinators.combine(rules).as(list -> list),
                    exclusion(count).list().ofMaxSize(3), Arbitraries.of("blocking", "detection"))
                    .as((ruleTexts, exclusions, mode) -> "policy p {\n  selector 'app == \"p\"'\n  waf {\n    mode " + mode
                            + "\n" + String.join("\n", ruleTexts) + "\n"
                            + (exclusions.isEmpty() ? "" : String.join("\n", exclusions) + "\n") + "  }\n}\n");
        });
    }
}
