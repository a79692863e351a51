package dev.palisade.dsl.parse;

import dev.palisade.dsl.ast.Name;
import dev.palisade.dsl.ast.NumberLiteral;
import dev.palisade.dsl.ast.PathMatch;
import dev.palisade.dsl.ast.WafBlock;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.grammar.PalisadeParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parse tree → AST for {@code waf} blocks. */
final class WafBuilder {
    private final Literals literals;
    private final Diagnostics diagnostics;

    WafBuilder(Literals literals, Diagnostics diagnostics) {
        this.literals = literals;
        this.diagnostics = diagnostics;
    }

    WafBlock waf(PalisadeParser.WafBlockContext context) {
        List<WafBlock.Item> items = new ArrayList<>();
        for (PalisadeParser.WafItemContext item : context.wafItem()) {
            items.add(item(item));
        }
        return new WafBlock(items, literals.span(context));
    }

    private WafBlock.Item item(PalisadeParser.WafItemContext context) {
        if (context instanceof PalisadeParser.WafModeContext mode) {
            return new WafBlock.Mode(literals.name(mode.name()), literals.span(context));
        }
        if (context instanceof PalisadeParser.CrsSettingsContext crs) {
            List<WafBlock.CrsSetting> settings = new ArrayList<>();
            for (PalisadeParser.CrsSettingContext setting : crs.crsSetting()) {
                settings.add(new WafBlock.CrsSetting(setting.getStart().getText(), literals.span(setting.getStart()),
                        Optional.ofNullable(setting.number()).map(literals::number),
                        Optional.ofNullable(setting.string()).map(literals::string)));
            }
            return new WafBlock.Crs(settings, literals.span(context));
        }
        if (context instanceof PalisadeParser.ExclusionContext exclusion) {
            List<WafBlock.RuleIdRange> ids = new ArrayList<>();
            for (PalisadeParser.RuleIdRangeContext range : exclusion.ruleIdList().ruleIdRange()) {
                NumberLiteral first = literals.number(range.number(0));
                Optional<NumberLiteral> last = range.number().size() > 1
                        ? Optional.of(literals.number(range.number(1))) : Optional.empty();
                ids.add(new WafBlock.RuleIdRange(first, last, literals.span(range)));
            }
            List<PathMatch> paths = new ArrayList<>();
            for (PalisadeParser.PathMatchContext path : exclusion.pathMatch()) {
                PathMatch.Kind kind = path.kind.getType() == PalisadeParser.EXACT ? PathMatch.Kind.EXACT : PathMatch.Kind.PREFIX;
                paths.add(new PathMatch(kind, literals.string(path.string()), literals.span(path)));
            }
            return new WafBlock.Exclusion(ids, Optional.ofNullable(exclusion.variable()).map(this::variable), paths,
                    literals.span(context));
        }
        if (context instanceof PalisadeParser.CustomRuleContext rule) {
            List<WafBlock.RuleItem> items = new ArrayList<>();
            for (PalisadeParser.CustomRuleItemContext item : rule.customRuleItem()) {
                items.add(ruleItem(item));
            }
            return new WafBlock.CustomRule(literals.number(rule.number()), literals.string(rule.string()), items,
                    literals.span(context));
        }
        if (context instanceof PalisadeParser.SeclangIncludeContext include) {
            return new WafBlock.SeclangInclude(literals.string(include.string()), literals.span(context));
        }
        PalisadeParser.SeclangInlineContext inline = (PalisadeParser.SeclangInlineContext) context;
        return new WafBlock.SeclangInline(literals.string(inline.string()), literals.span(context));
    }

    private WafBlock.RuleItem ruleItem(PalisadeParser.CustomRuleItemContext context) {
        if (context instanceof PalisadeParser.RulePhaseContext phase) {
            return new WafBlock.Phase(literals.name(phase.name()), literals.span(context));
        }
        if (context instanceof PalisadeParser.RuleConditionContext when) {
            PalisadeParser.ConditionContext condition = when.condition();
            List<WafBlock.Variable> variables = new ArrayList<>();
            condition.variable().forEach(variable -> variables.add(variable(variable)));
            List<Name> transformations = new ArrayList<>();
            condition.name().forEach(name -> transformations.add(literals.name(name)));
            String operator = condition.OPERATOR().getText().substring(1);
            return new WafBlock.When(variables, transformations, condition.negated != null,
                    new Name(operator, literals.span(condition.OPERATOR().getSymbol())),
                    Optional.ofNullable(condition.string()).map(literals::string), literals.span(context));
        }
        if (context instanceof PalisadeParser.RuleDenyContext deny) {
            return new WafBlock.Deny(Optional.ofNullable(deny.number()).map(literals::number), literals.span(context));
        }
        PalisadeParser.RuleActionContext action = (PalisadeParser.RuleActionContext) context;
        return new WafBlock.RuleAction(literals.name(action.name()),
                Optional.ofNullable(action.number()).map(literals::number),
                Optional.ofNullable(action.string()).map(literals::string), literals.span(context));
    }

    private WafBlock.Variable variable(PalisadeParser.VariableContext context) {
        Optional<String> member = Optional.empty();
        if (context.COLON() != null) {
            member = Optional.of(context.string() != null
                    ? literals.string(context.string()).value()
                    : context.name(1).getText());
        }
        return new WafBlock.Variable(context.BANG() != null, context.AMPERSAND() != null,
                literals.name(context.name(0)), member, literals.span(context));
    }
}
