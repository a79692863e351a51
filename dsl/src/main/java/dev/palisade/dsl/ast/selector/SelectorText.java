package dev.palisade.dsl.ast.selector;

import dev.palisade.dsl.ast.selector.Selector.All;
import dev.palisade.dsl.ast.selector.Selector.And;
import dev.palisade.dsl.ast.selector.Selector.Contains;
import dev.palisade.dsl.ast.selector.Selector.EndsWith;
import dev.palisade.dsl.ast.selector.Selector.Equals;
import dev.palisade.dsl.ast.selector.Selector.Has;
import dev.palisade.dsl.ast.selector.Selector.In;
import dev.palisade.dsl.ast.selector.Selector.Not;
import dev.palisade.dsl.ast.selector.Selector.NotEquals;
import dev.palisade.dsl.ast.selector.Selector.NotIn;
import dev.palisade.dsl.ast.selector.Selector.Or;
import dev.palisade.dsl.ast.selector.Selector.StartsWith;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Writes a selector in canonical Calico syntax. The output is what backends emit, so it must
 * parse back to the same tree: a right operand of the same precedence is parenthesised because
 * {@code &&} and {@code ||} group to the left.
 */
final class SelectorText {
    /** The characters Calico's tokenizer accepts in a label key. */
    static final Pattern WRITABLE_KEY = Pattern.compile("[A-Za-z0-9_./-]+");

    private static final int OR = 1;
    private static final int AND = 2;
    private static final int UNARY = 3;

    private SelectorText() {
    }

    static String render(Selector selector) {
        StringBuilder out = new StringBuilder();
        write(selector, out);
        return out.toString();
    }

    private static void write(Selector selector, StringBuilder out) {
        if (selector instanceof All) {
            out.append("all()");
        } else if (selector instanceof Has has) {
            out.append("has(").append(has.key()).append(')');
        } else if (selector instanceof Equals equals) {
            comparison(out, equals.key(), "==", equals.value());
        } else if (selector instanceof NotEquals notEquals) {
            comparison(out, notEquals.key(), "!=", notEquals.value());
        } else if (selector instanceof In in) {
            set(out, in.key(), "in", in.values());
        } else if (selector instanceof NotIn notIn) {
            set(out, notIn.key(), "not in", notIn.values());
        } else if (selector instanceof Contains contains) {
            comparison(out, contains.key(), "contains", contains.value());
        } else if (selector instanceof StartsWith startsWith) {
            comparison(out, startsWith.key(), "starts with", startsWith.value());
        } else if (selector instanceof EndsWith endsWith) {
            comparison(out, endsWith.key(), "ends with", endsWith.value());
        } else if (selector instanceof Not not) {
            out.append('!');
            operand(not.operand(), UNARY, out);
        } else if (selector instanceof And and) {
            operand(and.left(), AND, out);
            out.append(" && ");
            operand(and.right(), AND + 1, out);
        } else if (selector instanceof Or or) {
            operand(or.left(), OR, out);
            out.append(" || ");
            operand(or.right(), OR + 1, out);
        } else {
            throw new IllegalStateException("unknown selector " + selector);
        }
    }

    private static void operand(Selector selector, int least, StringBuilder out) {
        boolean parenthesise = precedence(selector) < least;
        if (parenthesise) {
            out.append('(');
        }
        write(selector, out);
        if (parenthesise) {
            out.append(')');
        }
    }

    private static int precedence(Selector selector) {
        if (selector instanceof Or) {
            return OR;
        }
        return selector instanceof And ? AND : UNARY;
    }

    private static void comparison(StringBuilder out, String key, String operator, String value) {
        out.append(key).append(' ').append(operator).append(' ');
        quote(value, out);
    }

    private static void set(StringBuilder out, String key, String operator, Collection<String> values) {
        out.append(key).append(' ').append(operator).append(" {");
        String separator = "";
        for (String value : values) {
            out.append(separator);
            quote(value, out);
            separator = ", ";
        }
        out.append('}');
    }

    /** Double quotes unless the value holds one; Calico has no escapes, so never both. */
    private static void quote(String value, StringBuilder out) {
        char quote = value.indexOf('"') >= 0 ? '\'' : '"';
        out.append(quote).append(value).append(quote);
    }
}
