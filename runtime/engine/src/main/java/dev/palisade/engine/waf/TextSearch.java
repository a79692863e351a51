package dev.palisade.engine.waf;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code ctl:ruleRemoveByTag}/{@code ByMsg} argument: a regular expression searched in a rule's
 * tags or message, as ModSecurity v2 reads it; one that does not compile is taken literally. Most
 * are plain words ({@code attack-sqli}, {@code xss-perf-disable}), searched as text: every rule
 * asks before it runs, and a {@link java.util.regex.Matcher} per tag cost more than the rule.
 * Compiled once per distinct text, not per request.
 */
final class TextSearch {
    /** Texts come from rule sets; the bound only keeps a pathological one from growing the cache. */
    private static final int MAX_CACHED = 1024;
    private static final Map<String, TextSearch> CACHE = new ConcurrentHashMap<>();
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_\\-/:, ]*");

    private final String literal;
    private final Pattern pattern;

    private TextSearch(String literal, Pattern pattern) {
        this.literal = literal;
        this.pattern = pattern;
    }

    static TextSearch of(String text) {
        TextSearch search = CACHE.get(text);
        if (search == null) {
            search = compile(text);
            if (CACHE.size() < MAX_CACHED) {
                CACHE.put(text, search);
            }
        }
        return search;
    }

    private static TextSearch compile(String text) {
        if (PLAIN.matcher(text).matches()) {
            return new TextSearch(text, null);
        }
        try {
            return new TextSearch(null, Pattern.compile(text));
        } catch (PatternSyntaxException e) {
            return new TextSearch(text, null);
        }
    }

    boolean foundIn(String subject) {
        return literal != null ? subject.contains(literal) : pattern.matcher(subject).find();
    }
}
