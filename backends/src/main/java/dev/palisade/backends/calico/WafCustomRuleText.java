package dev.palisade.backends.calico;

import dev.palisade.compiler.lower.waf.LowerWafBlock;
import dev.palisade.dsl.ast.WafBlock;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code waf} block's custom rule as SecLang for a Calico WAFPlugin's {@code before} slot, with
 * exactly the actions Palisade's own lowering gives it ({@code LowerWafBlock}): {@code t:none}
 * then the rule's transformations on every link, {@code log} and Palisade's default
 * {@code logdata} unless the rule says otherwise, {@code pass} unless it denies (status 403 by
 * default). A differential test checks that this text lowers to the same WAF IR as the rule.
 *
 * <pre>
 * rule 1001 "SQL injection in login" {              SecRule ARGS:username "@detectSQLi" \
 *     when ARGS:username | lowercase @detectSQLi      "id:1001,phase:2,deny,status:403,log,
 *     deny 403                                         msg:'SQL injection in login',logdata:'...',t:none,t:lowercase"
 * }
 * </pre>
 *
 * <p>Only text that needs no escaping is written: a quote or backslash in a value, a list
 * separator or space in a variable name, or an operator that reads a data file (which Calico's
 * WAF does not have) is an error (P0624) at the rule, never a guess at SecLang's quoting rules.
 */
final class WafCustomRuleText {
    static final String DEFAULT_LOG_DATA = "Matched Data: %{MATCHED_VAR} found within %{MATCHED_VAR_NAME}";

    private static final Pattern PLAIN_MEMBER = Pattern.compile("[^|,\\s\"'\\\\]+");
    private static final Set<String> FILE_OPERATORS = Set.of("pmfromfile", "ipmatchfromfile", "pmf", "ipmatchf");

    private WafCustomRuleText() {}

    /**
     * The rule's SecLang, one directive per line (the checks make every rule have a {@code when});
     * empty, with an error reported, when it cannot be written plainly.
     */
    static Optional<String> render(WafBlock.CustomRule rule, Diagnostics diagnostics) {
        List<String> problems = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<WafBlock.When> whens = rule.items().stream().filter(WafBlock.When.class::isInstance)
                .map(WafBlock.When.class::cast).toList();
        for (WafBlock.When when : whens) {
            links.add(condition(when, problems));
        }
        List<String> head = headActions(rule, problems);
        if (!problems.isEmpty()) {
            diagnostics.error(DiagnosticCode.WAF_RULES_NOT_EMITTED, rule.span(), "custom rule " + rule.id().text()
                    + " cannot be written plainly in a Calico WAFPlugin: " + String.join("; ", problems),
                    "write the rule as SecLang in a `seclang` line, or deploy with the Palisade runtime");
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < links.size(); i++) {
            List<String> actions = new ArrayList<>(i == 0 ? head : List.of());
            actions.add("t:none");
            whens.get(i).transformations().forEach(t -> actions.add("t:" + t.text()));
            if (i < links.size() - 1) {
                actions.add("chain");
            }
            text.append(i == 0 ? "" : "    ").append("SecRule ").append(links.get(i)).append(" \"")
                    .append(String.join(",", actions)).append("\"\n");
        }
        return Optional.of(text.toString());
    }

    private static String condition(WafBlock.When when, List<String> problems) {
        List<String> variables = new ArrayList<>();
        for (WafBlock.Variable v : when.variables()) {
            v.member().filter(m -> !PLAIN_MEMBER.matcher(m).matches())
                    .ifPresent(m -> problems.add("variable member `" + m + "` needs quoting"));
            variables.add((v.excluded() ? "!" : "") + (v.count() ? "&" : "") + v.collection().text()
                    + v.member().map(m -> ":" + m).orElse(""));
        }
        String operator = when.operator().text();
        if (FILE_OPERATORS.contains(operator.toLowerCase(Locale.ROOT))) {
            problems.add("@" + operator + " reads a file Calico's WAF does not have");
        }
        String argument = when.argument().map(a -> a.value()).orElse("");
        plain(argument, "the argument of @" + operator, problems);
        return String.join("|", variables) + " \"" + (when.negated() ? "!" : "") + "@" + operator
                + (argument.isEmpty() ? "" : " " + argument) + "\"";
    }

    /** id, phase, disruptive action, logging and meta data, in the order Palisade's lowering reads them. */
    private static List<String> headActions(WafBlock.CustomRule rule, List<String> problems) {
        List<String> actions = new ArrayList<>();
        actions.add("id:" + rule.id().text());
        int phase = 2;
        String disruptive = "pass";
        boolean log = true;
        String logData = DEFAULT_LOG_DATA;
        String severity = null;
        List<String> rest = new ArrayList<>();
        for (WafBlock.RuleItem item : rule.items()) {
            if (item instanceof WafBlock.Phase p) {
                phase = LowerWafBlock.phaseNumber(p.phase().text());
            } else if (item instanceof WafBlock.Deny deny) {
                disruptive = "deny,status:" + deny.status().map(s -> s.value().orElse(403)).orElse(403L);
            } else if (item instanceof WafBlock.RuleAction action) {
                String value = action.text().map(t -> t.value())
                        .orElseGet(() -> action.number().map(n -> n.text()).orElse(""));
                switch (action.name().text()) {
                    case "severity" -> severity = value.toUpperCase(Locale.ROOT);
                    case "tag" -> rest.add("tag:'" + plain(value, "a tag", problems) + "'");
                    case "log" -> log = true;
                    case "nolog" -> log = false;
                    case "setvar" -> rest.add("setvar:'" + plain(value, "a setvar", problems) + "'");
                    case "logdata" -> logData = value;
                    default -> { }
                }
            }
        }
        actions.add("phase:" + phase);
        actions.add(disruptive);
        actions.add(log ? "log" : "nolog");
        actions.add("msg:'" + plain(rule.message().value(), "the message", problems) + "'");
        actions.add("logdata:'" + plain(logData, "the logdata", problems) + "'");
        if (severity != null) {
            actions.add("severity:'" + plain(severity, "the severity", problems) + "'");
        }
        actions.addAll(rest);
        return actions;
    }

    private static String plain(String value, String what, List<String> problems) {
        if (value.indexOf('\'') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\\') >= 0
                || value.indexOf('\n') >= 0) {
            problems.add(what + " has a quote, backslash or line break");
        }
        return value;
    }
}
