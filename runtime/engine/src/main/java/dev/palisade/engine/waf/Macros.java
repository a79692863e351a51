package dev.palisade.engine.waf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Expands {@code %{tx.score}}, {@code %{MATCHED_VAR}}, {@code %{rule.id}},
 * {@code %{REQUEST_HEADERS.host}}: a variable, or a collection member after a dot (case-insensitive).
 * What does not resolve expands to the empty string.
 */
final class Macros {
    /**
     * A text cut at its macros, parsed once: a rule set expands the same few hundred texts
     * ({@code setvar} values, messages) in every request. {@code literals} has one more entry than
     * {@code references}: literal, reference, literal, …
     */
    private record Template(String[] literals, Reference[] references) {}

    /** {@code %{tx.score}}: the collection upper case, the key as written and lower-cased, the spec to read others. */
    private record Reference(String collection, String key, String memberKey, TargetSpec spec) {}

    /** Texts come from rule sets, so they are few; the bound only guards against a pathological one. */
    private static final int MAX_TEMPLATES = 20_000;
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    private Macros() {}

    static String expand(String text, Transaction tx) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (text.indexOf("%{") < 0) {
            return text;
        }
        Template template = TEMPLATES.get(text);
        if (template == null) {
            template = parse(text);
            if (TEMPLATES.size() < MAX_TEMPLATES) {
                TEMPLATES.put(text, template);
            }
        }
        Reference[] references = template.references();
        String[] literals = template.literals();
        if (references.length == 1 && literals[0].isEmpty() && literals[1].isEmpty()) {
            return resolve(references[0], tx);
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < references.length; i++) {
            out.append(literals[i]).append(resolve(references[i], tx));
        }
        return out.append(literals[references.length]).toString();
    }

    private static Template parse(String text) {
        List<String> literals = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        int from = 0;
        int open = text.indexOf("%{");
        while (open >= 0) {
            int close = text.indexOf('}', open + 2);
            if (close < 0) {
                break;
            }
            literals.add(text.substring(from, open));
            references.add(reference(text.substring(open + 2, close)));
            from = close + 1;
            open = text.indexOf("%{", from);
        }
        literals.add(text.substring(from));
        return new Template(literals.toArray(new String[0]), references.toArray(new Reference[0]));
    }

    private static Reference reference(String text) {
        int dot = text.indexOf('.');
        String collection = (dot < 0 ? text : text.substring(0, dot)).trim().toUpperCase(Locale.ROOT);
        String key = dot < 0 ? null : text.substring(dot + 1).trim();
        TargetSpec spec = collection.equals("RULE") ? null
                : TargetSpec.of(collection, Optional.ofNullable(key), false, false, false);
        return new Reference(collection, key, key == null ? null : key.toLowerCase(Locale.ROOT), spec);
    }

    private static String resolve(Reference reference, Transaction tx) {
        if (reference.spec() == null) {
            return ruleField(tx.currentRule(), reference.memberKey() == null ? "" : reference.memberKey(), tx);
        }
        if (reference.key() != null) {
            Entry entry = tx.memberEntry(reference.collection(), reference.memberKey());
            if (entry != null || isMutable(reference.collection())) {
                return entry == null ? "" : entry.value();
            }
        }
        List<Target> values = new ArrayList<>(1);
        Variables.collectFresh(tx, reference.spec(), values);
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
