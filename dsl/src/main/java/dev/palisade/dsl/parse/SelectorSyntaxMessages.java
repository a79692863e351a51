package dev.palisade.dsl.parse;

import dev.palisade.dsl.grammar.SelectorLexer;
import dev.palisade.dsl.grammar.SelectorParser.AllContext;
import dev.palisade.dsl.grammar.SelectorParser.ComparisonContext;
import dev.palisade.dsl.grammar.SelectorParser.ContainsContext;
import dev.palisade.dsl.grammar.SelectorParser.EndsWithContext;
import dev.palisade.dsl.grammar.SelectorParser.EqualsContext;
import dev.palisade.dsl.grammar.SelectorParser.HasContext;
import dev.palisade.dsl.grammar.SelectorParser.LabelKeyContext;
import dev.palisade.dsl.grammar.SelectorParser.NotEqualsContext;
import dev.palisade.dsl.grammar.SelectorParser.NotInContext;
import dev.palisade.dsl.grammar.SelectorParser.OperatorContext;
import dev.palisade.dsl.grammar.SelectorParser.ParensContext;
import dev.palisade.dsl.grammar.SelectorParser.PrimaryContext;
import dev.palisade.dsl.grammar.SelectorParser.SelectorContext;
import dev.palisade.dsl.grammar.SelectorParser.SetContext;
import dev.palisade.dsl.grammar.SelectorParser.StartsWithContext;
import dev.palisade.dsl.grammar.SelectorParser.UnaryContext;
import dev.palisade.dsl.grammar.SelectorParser.ValueContext;
import java.util.Locale;
import java.util.Optional;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the parser's first error into a message in selector words. The rule the parser was in
 * says what it expected, so each rule of {@code Selector.g4} has its phrase here; ANTLR's own
 * messages would name token types such as {@code LABEL}.
 */
final class SelectorSyntaxMessages {
    static final String OPERATORS = "`==`, `!=`, `in`, `not in`, `contains`, `starts with` or `ends with`";

    /** A syntax error at a code point index of the selector. */
    record Problem(int index, String message, Optional<String> help) {
        Problem(int index, String message) {
            this(index, message, Optional.empty());
        }

        Problem(int index, String message, String help) {
            this(index, message, Optional.of(help));
        }
    }

    private SelectorSyntaxMessages() {
    }

    static Problem describe(RecognitionException error) {
        Token found = error.getOffendingToken();
        int at = found.getStartIndex();
        RuleContext context = error.getCtx();
        if (found.getType() == SelectorLexer.UNTERMINATED_STRING) {
            String quote = found.getText().substring(0, 1);
            return new Problem(at, "unterminated string in selector", "close the value with `" + quote + "`");
        }
        // Labelled alternatives subclass their rule's context; the rule's own class means the
        // parser had not chosen an alternative yet.
        if (context.getClass() == UnaryContext.class || context.getClass() == PrimaryContext.class) {
            return new Problem(at, "expected a label name, `!`, `has(`, `all()` or `(`, " + found(found));
        }
        if (context instanceof LabelKeyContext) {
            return new Problem(at, "expected a label name after `has(`, " + found(found));
        }
        if (context instanceof HasContext) {
            return new Problem(at, "expected `)` to close `has(`, " + found(found));
        }
        if (context instanceof AllContext) {
            return new Problem(at, "expected `)` after `all(`, " + found(found), "`all()` takes no arguments");
        }
        if (context.getClass() == OperatorContext.class && context.getParent() instanceof ComparisonContext comparison) {
            String label = comparison.labelKey().getText();
            return new Problem(at, "expected " + OPERATORS + " after label `" + label + "`, " + found(found));
        }
        if (context instanceof NotInContext) {
            return new Problem(at, "expected `in` after `not`, " + found(found));
        }
        if (context instanceof StartsWithContext) {
            return new Problem(at, "expected `with` after `starts`, " + found(found));
        }
        if (context instanceof EndsWithContext) {
            return new Problem(at, "expected `with` after `ends`, " + found(found));
        }
        if (context instanceof ValueContext) {
            return new Problem(at, "expected a quoted value after `" + operator(context.getParent()) + "`, " + found(found),
                    "quote values with `\"` or `'`");
        }
        if (context instanceof SetContext set) {
            return inSet(set, found);
        }
        if (context instanceof ParensContext parens) {
            if (found.getType() == Token.EOF) {
                return new Problem(parens.getStart().getStartIndex(), "unbalanced parenthesis", "this `(` is never closed");
            }
            return new Problem(at, "expected `&&`, `||` or `)`, " + found(found));
        }
        if (context instanceof SelectorContext) {
            if (found.getType() == SelectorLexer.RPAREN) {
                return new Problem(at, "unbalanced parenthesis", "this `)` has no matching `(`");
            }
            return new Problem(at, "expected `&&`, `||` or end of selector, " + found(found));
        }
        return new Problem(at, "unexpected " + shown(found) + " in selector");
    }

    private static Problem inSet(SetContext set, Token found) {
        int at = found.getStartIndex();
        if (set.getChildCount() == 0) {
            String operator = set.getParent() instanceof NotInContext ? "not in" : "in";
            return new Problem(at, "expected `{` after `" + operator + "`, " + found(found),
                    "write the values as a set, like `" + operator + " {\"a\", \"b\"}`");
        }
        boolean afterBrace = set.getChild(set.getChildCount() - 1) instanceof TerminalNode last
                && last.getSymbol().getType() == SelectorLexer.LBRACE;
        return new Problem(at, (afterBrace ? "expected a quoted value or `}`, " : "expected `,` or `}`, ") + found(found));
    }

    /** The operator a value follows, as the user wrote it. */
    private static String operator(RuleContext parent) {
        if (parent instanceof EqualsContext) {
            return "==";
        } else if (parent instanceof NotEqualsContext) {
            return "!=";
        } else if (parent instanceof ContainsContext) {
            return "contains";
        } else if (parent instanceof StartsWithContext) {
            return "starts with";
        } else if (parent instanceof EndsWithContext) {
            return "ends with";
        }
        return ",";
    }

    private static String found(Token token) {
        return "found " + shown(token);
    }

    /** The token as the user wrote it, unless it is invisible or too long to quote. */
    private static String shown(Token token) {
        if (token.getType() == Token.EOF) {
            return "end of selector";
        }
        String text = token.getText();
        int first = text.codePointAt(0);
        if (Character.isISOControl(first) || Character.isWhitespace(first) || !Character.isDefined(first)) {
            return String.format(Locale.ROOT, "character U+%04X", first);
        }
        if (text.codePointCount(0, text.length()) > 32) {
            text = text.substring(0, text.offsetByCodePoints(0, 32)) + "…";
        }
        return "`" + text + "`";
    }
}
