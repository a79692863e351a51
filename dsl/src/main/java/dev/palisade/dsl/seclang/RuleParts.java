package dev.palisade.dsl.seclang;

import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.seclang.SecLangStatement.ActionItem;
import dev.palisade.dsl.seclang.SecLangStatement.Operator;
import dev.palisade.dsl.seclang.SecLangStatement.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inside of a rule's arguments: variable lists ({@code A|!B:x|C:/re|gex/}), the operator, and
 * action lists ({@code id:1,msg:'a, b',t:none}), each with spans into the argument.
 */
final class RuleParts {
    private RuleParts() {}

    static List<Variable> variables(StringLiteral argument, Diagnostics diagnostics) {
        String text = argument.value();
        List<Variable> variables = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            boolean excluded = text.charAt(i) == '!';
            if (excluded) {
                i++;
            }
            boolean count = i < text.length() && text.charAt(i) == '&';
            if (count) {
                i++;
            }
            int nameStart = i;
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                i++;
            }
            if (i == nameStart) {
                diagnostics.error(DiagnosticCode.SYNTAX, argument.spanAt(i), "expected a variable name such as `ARGS`");
                return List.of();
            }
            String collection = text.substring(nameStart, i);
            Optional<String> key = Optional.empty();
            boolean regex = false;
            if (i < text.length() && text.charAt(i) == ':') {
                i++;
                int keyStart = i;
                // XML:/xpath is a path, not a /regex/.
                if (i < text.length() && text.charAt(i) == '/' && !collection.equals("XML")) {
                    int close = closingSlash(text, i + 1);
                    if (close < 0) {
                        diagnostics.error(DiagnosticCode.SYNTAX, argument.spanAt(i), "regular expression key is not closed with `/`");
                        return List.of();
                    }
                    key = Optional.of(text.substring(i + 1, close));
                    regex = true;
                    i = close + 1;
                } else if (i < text.length() && text.charAt(i) == '\'') {
                    int close = text.indexOf('\'', i + 1);
                    if (close < 0) {
                        diagnostics.error(DiagnosticCode.SYNTAX, argument.spanAt(i), "quoted key is not closed with `'`");
                        return List.of();
                    }
                    key = Optional.of(text.substring(i + 1, close));
                    i = close + 1;
                } else {
                    while (i < text.length() && text.charAt(i) != '|') {
                        i++;
                    }
                    key = Optional.of(text.substring(keyStart, i));
                }
            }
            variables.add(new Variable(excluded, count, collection, key, regex, argument.spanOf(start, i)));
            if (i < text.length()) {
                if (text.charAt(i) != '|') {
                    diagnostics.error(DiagnosticCode.SYNTAX, argument.spanAt(i), "expected `|` between variables");
                    return List.of();
                }
                i++;
            }
        }
        return variables;
    }

    /** The slash that ends a {@code /regex/} key: unescaped, and followed by {@code |} or the end. */
    private static int closingSlash(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '/' && (i + 1 == text.length() || text.charAt(i + 1) == '|')) {
                return i;
            }
        }
        return -1;
    }

    static Operator operator(StringLiteral argument) {
        String text = argument.value();
        int i = 0;
        boolean negated = text.startsWith("!");
        if (negated) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '@') {
            int nameStart = i + 1;
            int nameEnd = nameStart;
            while (nameEnd < text.length() && !Character.isWhitespace(text.charAt(nameEnd))) {
                nameEnd++;
            }
            int argumentStart = Math.min(text.length(), nameEnd + 1);
            return new Operator(negated, text.substring(nameStart, nameEnd), text.substring(argumentStart),
                    argument.spanOf(i, nameEnd), argument.spanOf(argumentStart, text.length()));
        }
        // ModSecurity: an operator without `@` is a regular expression.
        return new Operator(negated, "rx", text.substring(i), argument.spanOf(0, i), argument.spanOf(i, text.length()));
    }

    static List<ActionItem> actions(StringLiteral argument, Diagnostics diagnostics) {
        String text = argument.value();
        List<ActionItem> actions = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            boolean quoted = false;
            StringBuilder value = null;
            int nameEnd = -1;
            while (i < text.length() && (quoted || text.charAt(i) != ',')) {
                char c = text.charAt(i);
                if (nameEnd < 0 && c == ':') {
                    nameEnd = i;
                    value = new StringBuilder();
                } else if (value != null && c == '\'' && !(quoted && i > 0 && text.charAt(i - 1) == '\\')) {
                    quoted = !quoted;
                } else if (value != null) {
                    value.append(c);
                }
                i++;
            }
            if (quoted) {
                diagnostics.error(DiagnosticCode.SYNTAX, argument.spanAt(start), "action value is not closed with `'`");
                return List.of();
            }
            String name = text.substring(start, nameEnd < 0 ? i : nameEnd).trim();
            if (name.isEmpty()) {
                if (i < text.length() || start < text.length()) {
                    diagnostics.error(DiagnosticCode.SYNTAX, argument.spanAt(start), "empty action in the list");
                    return List.of();
                }
            } else {
                actions.add(new ActionItem(name, Optional.ofNullable(value).map(v -> v.toString().trim()),
                        argument.spanOf(start, i)));
            }
            i++;
        }
        return actions;
    }
}
