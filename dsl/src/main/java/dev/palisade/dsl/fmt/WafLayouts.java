package dev.palisade.dsl.fmt;

import dev.palisade.dsl.ast.Name;
import dev.palisade.dsl.ast.WafBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code waf} blocks in canonical form; items keep their order, which is ModSecurity's rule order. */
final class WafLayouts {
    /** The lexer's {@code ID}: a member that matches it (and is a {@code name}) needs no quotes. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_.\\-]*");
    /** Keywords the grammar's {@code name} rule does not accept. */
    private static final Set<String> NOT_NAMES =
            Set.of("deny", "policy", "inbound-threshold", "outbound-threshold", "requests-per-interval");

    private final PolicyLayouts layouts;

    WafLayouts(PolicyLayouts layouts) {
        this.layouts = layouts;
    }

    Layout waf(WafBlock waf) {
        List<Layout> items = new ArrayList<>();
        waf.items().forEach(item -> items.add(item(item)));
        return layouts.block("waf", waf.span(), items);
    }

    private Layout item(WafBlock.Item item) {
        if (item instanceof WafBlock.CustomRule rule) {
            List<Layout> ruleItems = new ArrayList<>();
            rule.items().forEach(ruleItem -> ruleItems.add(layouts.line(ruleItem(ruleItem), ruleItem.span())));
            return layouts.block("rule " + rule.id().text() + " " + StringText.of(rule.message()), rule.span(), ruleItems);
        }
        return layouts.line(text(item), item.span());
    }

    private static String text(WafBlock.Item item) {
        if (item instanceof WafBlock.Mode mode) {
            return "mode " + mode.mode().text();
        }
        if (item instanceof WafBlock.Crs crs) {
            StringBuilder text = new StringBuilder("crs");
            for (WafBlock.CrsSetting setting : crs.settings()) {
                text.append(' ').append(setting.key());
                setting.number().ifPresent(number -> text.append(' ').append(number.text()));
                setting.text().ifPresent(string -> text.append(' ').append(StringText.of(string)));
            }
            return text.toString();
        }
        if (item instanceof WafBlock.Exclusion exclusion) {
            StringBuilder text = new StringBuilder("exclude rule ");
            text.append(exclusion.ids().stream()
                    .map(range -> range.first().text() + range.last().map(last -> "-" + last.text()).orElse(""))
                    .collect(Collectors.joining(", ")));
            exclusion.target().ifPresent(target -> text.append(" for ").append(variable(target)));
            if (!exclusion.paths().isEmpty()) {
                text.append(" on path ").append(PolicyLayouts.paths(exclusion.paths()));
            }
            return text.toString();
        }
        if (item instanceof WafBlock.SeclangInclude include) {
            return "seclang include " + StringText.of(include.path());
        }
        return "seclang " + StringText.of(((WafBlock.SeclangInline) item).text());
    }

    private static String ruleItem(WafBlock.RuleItem item) {
        if (item instanceof WafBlock.Phase phase) {
            return "phase " + phase.phase().text();
        }
        if (item instanceof WafBlock.When when) {
            StringBuilder text = new StringBuilder("when ");
            text.append(when.variables().stream().map(WafLayouts::variable).collect(Collectors.joining(", ")));
            if (!when.transformations().isEmpty()) {
                text.append(" | ").append(when.transformations().stream().map(Name::text).collect(Collectors.joining(" ")));
            }
            text.append(when.negated() ? " !@" : " @").append(when.operator().text());
            when.argument().ifPresent(argument -> text.append(' ').append(StringText.of(argument)));
            return text.toString();
        }
        if (item instanceof WafBlock.Deny deny) {
            return "deny" + deny.status().map(status -> " " + status.text()).orElse("");
        }
        WafBlock.RuleAction action = (WafBlock.RuleAction) item;
        return action.name().text()
                + action.number().map(number -> " " + number.text()).orElse("")
                + action.text().map(string -> " " + StringText.of(string)).orElse("");
    }

    /** {@code !&ARGS:member}; the AST keeps the member's value only, so it is quoted when it must be. */
    static String variable(WafBlock.Variable variable) {
        String member = variable.member()
                .map(value -> ":" + (IDENTIFIER.matcher(value).matches() && !NOT_NAMES.contains(value)
                        ? value : StringText.quoted(value)))
                .orElse("");
        return (variable.excluded() ? "!" : "") + (variable.count() ? "&" : "") + variable.collection().text() + member;
    }
}
