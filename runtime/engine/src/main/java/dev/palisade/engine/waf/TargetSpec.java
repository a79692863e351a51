package dev.palisade.engine.waf;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One entry of a rule's variable list, ready to select: {@code ARGS}, {@code ARGS:q},
 * {@code REQUEST_COOKIES:/__utm/}, {@code !ARGS:password}, {@code &TX:foo}.
 *
 * <p>Keys select case-insensitively, literal or regular-expression, as ModSecurity does (v2
 * compiles key patterns with {@code PCRE_CASELESS}). {@code XML:/xpath} keeps its path as the key.
 *
 * <p>Built once per rule set ({@link #of}) and compared by text; collections look members up by
 * {@link #memberKey}, folded once here rather than per request.
 */
public final class TargetSpec {
    private final String collection;
    private final Optional<String> key;
    private final Pattern keyPattern;
    private final boolean excluded;
    private final boolean count;
    private final Predicate<String> selector;
    private final String memberKey;
    private final String text;
    private final boolean changesWithinAPhase;

    private TargetSpec(String collection, Optional<String> key, Pattern keyPattern, boolean excluded, boolean count,
            Predicate<String> selector) {
        this.collection = collection.toUpperCase(Locale.ROOT);
        this.key = Objects.requireNonNull(key, "key");
        this.keyPattern = keyPattern;
        this.excluded = excluded;
        this.count = count;
        this.selector = Objects.requireNonNull(selector, "selector");
        this.memberKey = key.map(k -> k.toLowerCase(Locale.ROOT)).orElse(null);
        String keyText = key.map(k -> ":" + (keyPattern != null ? "/" + k + "/" : k)).orElse("");
        this.text = (excluded ? "!" : "") + (count ? "&" : "") + this.collection + keyText;
        this.changesWithinAPhase = Variables.changesWithinAPhase(this.collection);
    }

    /** The variable's name, upper case ({@code ARGS}). */
    public String collection() {
        return collection;
    }

    /** The selector, if any. */
    public Optional<String> key() {
        return key;
    }

    /** The compiled selector when it is a {@code /regex/}, else {@code null}. */
    public Pattern keyPattern() {
        return keyPattern;
    }

    public boolean excluded() {
        return excluded;
    }

    public boolean count() {
        return count;
    }

    /** Whether the collection's values may change within a phase: see {@link Variables#cacheable}. */
    boolean changesWithinAPhase() {
        return changesWithinAPhase;
    }

    /** The key lower-cased, as collections index their members, or {@code null} without a key. */
    public String memberKey() {
        return memberKey;
    }

    /** Literal text a regex key may be, optionally anchored at the start: {@code __utm}, {@code ^header_name_}. */
    private static final Pattern PLAIN_KEY = Pattern.compile("\\^?[A-Za-z0-9_-]+");

    /**
     * Builds a spec, compiling a regex key.
     *
     * @throws IllegalArgumentException when the key pattern does not compile
     */
    public static TargetSpec of(String collection, Optional<String> key, boolean keyIsRegex, boolean excluded,
            boolean count) {
        Pattern pattern = null;
        if (keyIsRegex && key.isPresent()) {
            try {
                pattern = Pattern.compile(key.get(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad key pattern /" + key.get() + "/: " + e.getDescription(), e);
            }
        }
        return new TargetSpec(collection, key, pattern, excluded, count, selector(key, pattern));
    }

    /**
     * How names are selected, decided once: any name, one name (case-insensitively), or the key
     * pattern; a pattern that is plain text (most CRS key patterns are) is searched without a
     * {@link java.util.regex.Matcher}, which costs more to make than the search itself.
     */
    private static Predicate<String> selector(Optional<String> key, Pattern pattern) {
        if (key.isEmpty()) {
            return name -> true;
        }
        String text = key.get();
        if (pattern == null) {
            return text::equalsIgnoreCase;
        }
        if (PLAIN_KEY.matcher(text).matches()) {
            boolean anchored = text.startsWith("^");
            String literal = anchored ? text.substring(1) : text;
            return anchored ? name -> name.regionMatches(true, 0, literal, 0, literal.length())
                    : name -> containsIgnoreCase(name, literal);
        }
        return name -> pattern.matcher(name).find();
    }

    private static boolean containsIgnoreCase(String name, String literal) {
        for (int at = 0; at + literal.length() <= name.length(); at++) {
            if (name.regionMatches(true, at, literal, 0, literal.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a member named {@code name} is selected by this spec's key (any, when there is none). */
    public boolean selects(String name) {
        return selector.test(name);
    }

    /** {@code ARGS:q}, {@code !ARGS:/re/}, {@code &TX}: the SecLang spelling. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TargetSpec that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
