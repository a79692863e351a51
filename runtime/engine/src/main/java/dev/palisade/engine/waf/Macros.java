package dev.palisade.engine.waf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Expands {@code %{tx.score}}, {@code %{MATCHED_VAR}}, {@code %{rule.id}},
 * {@code %{REQUEST_HEADERS.host}}: a variable, or a collection member after a dot (case-insensitive).
 * What does not resolve expands to the empty string.
 */
final class Macros {
    private Macros() {}

    static String expand(String text, Transaction tx) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int open = text.indexOf("%{");
        if (open < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int from = 0;
        while (open >= 0) {
            int close = text.indexOf('}', open + 2);
            if (close < 0) {
                break;
            }
            out.append(text, from, open);
            out.append(resolve(text.substring(open + 2, close), tx));
            from = close + 1;
            open = text.indexOf("%{", from);
        }
        out.append(text, from, text.length());
        return out.toString();
    }

    private static String resolve(String reference, Transaction tx) {
        int dot = reference.indexOf('.');
        String collection = (dot < 0 ? reference : reference.substring(0, dot)).trim().toUpperCase(Locale.ROOT);
        String key = dot < 0 ? null : reference.substring(dot + 1).trim();
        if (collection.equals("RULE")) {
            return ruleField(tx.currentRule(), key == null ? "" : key.toLowerCase(Locale.ROOT), tx);
        }
        if (key != null) {
            String mutable = tx.collectionGet(collection, key);
            if (mutable != null || isMutable(collection)) {
                return mutable == null ? "" : mutable;
            }
        }
        List<Target> values = new ArrayList<>(1);
        Variables.collectFresh(tx, TargetSpec.of(collection, Optional.ofNullable(key), false, false, false), values);
        return values.isEmpty() ? "" : values.get(0).value();
    }

    private static boolean isMutable(String collection) {
        return switch (collection) {
            case "TX", "IP", "GLOBAL", "SESSION", "USER", "RESOURCE" -> true;
            default -> false;
        };
    }

    private static String ruleField(RuleInfo rule, String field, Transaction tx) {
        if (rule == null) {
            return "";
        }
        return switch (field) {
            case "id" -> Long.toString(rule.id());
            case "msg" -> expand(rule.message(), tx);
            case "logdata" -> expand(rule.logData(), tx);
            case "severity" -> rule.severity();
            case "phase" -> Integer.toString(rule.phase());
            default -> "";
        };
    }
}
