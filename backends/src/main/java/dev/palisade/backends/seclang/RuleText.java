package dev.palisade.backends.seclang;

import dev.palisade.compiler.ir.waf.Disruptive;
import dev.palisade.compiler.ir.waf.IrWafAction;
import dev.palisade.compiler.ir.waf.IrWafMarker;
import dev.palisade.compiler.ir.waf.IrWafOperator;
import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.compiler.waf.WafDataFiles;
import dev.palisade.engine.waf.ByteText;
import dev.palisade.engine.waf.TargetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One IR rule (with its chain) or marker as SecLang text. Everything the IR resolved is written
 * out, so the text means the same wherever it lands: {@code t:none} first (no
 * {@code SecDefaultAction} transformation leaks in), the disruptive action {@code block} was
 * resolved to, {@code log} or {@code nolog}, and the status of an interrupting rule.
 *
 * <pre>
 * SecRule ARGS:username "@detectSQLi" \
 *     "id:1001,phase:2,deny,status:403,log,t:none,t:urlDecodeUni,msg:'SQL injection in login',..."
 * </pre>
 */
final class RuleText {
    private RuleText() {}

    static String marker(IrWafMarker marker) {
        return "SecMarker " + SecLangQuoting.argument(marker.name());
    }

    /** The rule as ModSecurity reads it, its head carrying {@code id} (the IR's, or one given to an id-less rule). */
    static String rule(IrWafRule head, long id, DataFileNames dataFiles) {
        StringBuilder out = new StringBuilder();
        IrWafRule link = head;
        boolean first = true;
        while (link != null) {
            if (!first) {
                out.append("\n    ");
            }
            List<String> actions = first ? headActions(link, id) : new ArrayList<>();
            linkActions(link, actions);
            if (link.chained().isPresent()) {
                actions.add("chain");
            }
            String actionList = SecLangQuoting.argument(String.join(",", actions));
            if (link.targets().isEmpty() && link.operator().isEmpty()) {
                out.append("SecAction ").append(actionList);
            } else {
                String dataDirectory = link.dataDirectory();
                out.append("SecRule ").append(SecLangQuoting.variables(targets(link.targets()))).append(' ')
                        .append(SecLangQuoting.argument(link.operator().map(o -> operator(o, dataDirectory, dataFiles))
                                .orElse("")))
                        .append(" \\\n        ").append(actionList);
            }
            link = link.chained().orElse(null);
            first = false;
        }
        return out.toString();
    }

    private static List<String> headActions(IrWafRule head, long id) {
        List<String> actions = new ArrayList<>();
        actions.add("id:" + id);
        actions.add("phase:" + head.phase());
        actions.add(head.disruptive().name().toLowerCase(Locale.ROOT));
        // A pass or allow rule's status is never sent; written only when it is not the default.
        if (head.disruptive().interrupts() || head.status() != 403) {
            actions.add("status:" + head.status());
        }
        actions.add(head.log() ? "log" : "nolog");
        return actions;
    }

    private static void linkActions(IrWafRule link, List<String> actions) {
        actions.add("t:none");
        for (String transformation : link.transformations()) {
            actions.add(SecLangQuoting.action("t", transformation, false));
        }
        if (link.capture()) {
            actions.add("capture");
        }
        if (link.multiMatch()) {
            actions.add("multiMatch");
        }
        if (!link.message().isEmpty()) {
            actions.add(SecLangQuoting.action("msg", ByteText.readable(link.message()), true));
        }
        if (!link.logData().isEmpty()) {
            actions.add(SecLangQuoting.action("logdata", ByteText.readable(link.logData()), true));
        }
        for (String tag : link.tags()) {
            actions.add(SecLangQuoting.action("tag", ByteText.readable(tag), true));
        }
        if (!link.severity().isEmpty()) {
            actions.add(SecLangQuoting.action("severity", link.severity(), true));
        }
        for (IrWafAction action : link.actions()) {
            actions.add(SecLangQuoting.action(action.name(), ByteText.readable(action.value()), action.name().equals("setvar")));
        }
        link.skipAfter().ifPresent(marker -> actions.add(SecLangQuoting.action("skipAfter", marker, false)));
        if (link.skip() != 0) {
            actions.add("skip:" + link.skip());
        }
    }

    static String targets(List<TargetSpec> targets) {
        return targets.stream().map(RuleText::target).collect(Collectors.joining("|"));
    }

    private static String target(TargetSpec target) {
        String selector = target.key().map(k -> ":" + (target.keyPattern() != null ? "/" + ByteText.readable(k) + "/"
                : SecLangQuoting.key(ByteText.readable(k)))).orElse("");
        return (target.excluded() ? "!" : "") + (target.count() ? "&" : "") + target.collection() + selector;
    }

    /** {@code [!]@name argument}, data files under their names in the output ({@link DataFileNames}). */
    private static String operator(IrWafOperator operator, String dataDirectory, DataFileNames dataFiles) {
        String argument = operator.argument();
        if (WafDataFiles.readsFiles(operator.name())) {
            argument = dataFiles.argument(argument, dataDirectory);
        } else {
            argument = ByteText.readable(argument);
        }
        return (operator.negated() ? "!" : "") + "@" + operator.name() + (argument.isEmpty() ? "" : " " + argument);
    }

    /** {@code true} for a rule that only a {@code redirect:URL} could express; the IR keeps no URL. */
    static boolean redirects(IrWafRule head) {
        return head.disruptive() == Disruptive.REDIRECT;
    }
}
