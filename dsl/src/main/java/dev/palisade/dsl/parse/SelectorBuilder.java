package dev.palisade.dsl.parse;

import dev.palisade.dsl.ast.selector.Selector;
import dev.palisade.dsl.grammar.SelectorParser.AllContext;
import dev.palisade.dsl.grammar.SelectorParser.AndExprContext;
import dev.palisade.dsl.grammar.SelectorParser.AtomContext;
import dev.palisade.dsl.grammar.SelectorParser.ComparisonContext;
import dev.palisade.dsl.grammar.SelectorParser.ContainsContext;
import dev.palisade.dsl.grammar.SelectorParser.EndsWithContext;
import dev.palisade.dsl.grammar.SelectorParser.EqualsContext;
import dev.palisade.dsl.grammar.SelectorParser.ExprContext;
import dev.palisade.dsl.grammar.SelectorParser.HasContext;
import dev.palisade.dsl.grammar.SelectorParser.InContext;
import dev.palisade.dsl.grammar.SelectorParser.LabelKeyContext;
import dev.palisade.dsl.grammar.SelectorParser.NegationContext;
import dev.palisade.dsl.grammar.SelectorParser.NotEqualsContext;
import dev.palisade.dsl.grammar.SelectorParser.NotInContext;
import dev.palisade.dsl.grammar.SelectorParser.OperatorContext;
import dev.palisade.dsl.grammar.SelectorParser.ParensContext;
import dev.palisade.dsl.grammar.SelectorParser.PrimaryContext;
import dev.palisade.dsl.grammar.SelectorParser.SetContext;
import dev.palisade.dsl.grammar.SelectorParser.StartsWithContext;
import dev.palisade.dsl.grammar.SelectorParser.UnaryContext;
import dev.palisade.dsl.grammar.SelectorParser.ValueContext;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Builds the selector tree from a parse tree that has no syntax errors. Label keys that
 * Kubernetes would refuse are handed to {@code invalidKey} with a message; building goes on so
 * that every bad key is reported, not just the first.
 */
final class SelectorBuilder {
    private final BiConsumer<LabelKeyContext, String> invalidKey;

    SelectorBuilder(BiConsumer<LabelKeyContext, String> invalidKey) {
        this.invalidKey = invalidKey;
    }

    /** {@code a || b || c} groups to the left, as Calico's parser does. */
    Selector expr(ExprContext context) {
        List<AndExprContext> terms = context.andExpr();
        Selector result = and(terms.get(0));
        for (int i = 1; i < terms.size(); i++) {
            result = new Selector.Or(result, and(terms.get(i)));
        }
        return result;
    }

    private Selector and(AndExprContext context) {
        List<UnaryContext> factors = context.unary();
        Selector result = unary(factors.get(0));
        for (int i = 1; i < factors.size(); i++) {
            result = new Selector.And(result, unary(factors.get(i)));
        }
        return result;
    }

    // INVARIANT: recursion here is bounded by the nesting pre-scan in SelectorParser.
    private Selector unary(UnaryContext context) {
        if (context instanceof NegationContext negation) {
            return new Selector.Not(unary(negation.unary()));
        }
        return primary(((AtomContext) context).primary());
    }

    private Selector primary(PrimaryContext context) {
        if (context instanceof AllContext) {
            return new Selector.All();
        }
        if (context instanceof HasContext has) {
            return new Selector.Has(key(has.labelKey()));
        }
        if (context instanceof ParensContext parens) {
            return expr(parens.expr());
        }
        ComparisonContext comparison = (ComparisonContext) context;
        return comparison(key(comparison.labelKey()), comparison.operator());
    }

    private static Selector comparison(String key, OperatorContext operator) {
        if (operator instanceof EqualsContext equals) {
            return new Selector.Equals(key, value(equals.value()));
        } else if (operator instanceof NotEqualsContext notEquals) {
            return new Selector.NotEquals(key, value(notEquals.value()));
        } else if (operator instanceof InContext in) {
            return new Selector.In(key, values(in.set()));
        } else if (operator instanceof NotInContext notIn) {
            return new Selector.NotIn(key, values(notIn.set()));
        } else if (operator instanceof ContainsContext contains) {
            return new Selector.Contains(key, value(contains.value()));
        } else if (operator instanceof StartsWithContext startsWith) {
            return new Selector.StartsWith(key, value(startsWith.value()));
        } else if (operator instanceof EndsWithContext endsWith) {
            return new Selector.EndsWith(key, value(endsWith.value()));
        }
        throw new IllegalStateException("operator missing from the builder: " + operator.getText());
    }

    private String key(LabelKeyContext context) {
        String key = context.getText();
        LabelKeys.problem(key).ifPresent(message -> invalidKey.accept(context, message));
        return key;
    }

    private static List<String> values(SetContext set) {
        return set.value().stream().map(SelectorBuilder::value).toList();
    }

    /** Strips the quotes; Calico has no escapes, so the rest is the value as written. */
    private static String value(ValueContext context) {
        String quoted = context.STRING().getText();
        return quoted.substring(1, quoted.length() - 1);
    }
}
