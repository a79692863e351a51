package dev.palisade.engine.operator.libinjection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the XSS detector calls dangerous: tags that run or load script, attributes that are
 * event handlers or take URLs or styles, and URL schemes that run script. Names are compared
 * ASCII-case-insensitively with NUL bytes skipped, since old browsers ignore NULs in names.
 */
final class XssRules {

    /** What an attribute's value is, for the check that follows it. */
    enum AttributeKind { NONE, BLACK, URL, STYLE, INDIRECT }

    /** Tags that run script, load documents or change how the page is read. */
    private static final List<String> BLACK_TAGS = List.of(
            "APPLET", "BASE", "COMMENT" /* IE, html5sec.org #38 */, "EMBED", "FRAME", "FRAMESET",
            "HANDLER" /* Opera SVG: a script tag */, "IFRAME", "IMPORT", "ISINDEX", "LINK", "LISTENER",
            "META", "NOSCRIPT", "OBJECT", "SCRIPT", "STYLE", "VMLFRAME", "XML", "XSS");

    private static final Map<String, AttributeKind> BLACK_ATTRIBUTES = Map.ofEntries(
            Map.entry("ACTION", AttributeKind.URL), // form
            Map.entry("ATTRIBUTENAME", AttributeKind.INDIRECT), // SVG: names an attribute in its value
            Map.entry("BY", AttributeKind.URL), // SVG
            Map.entry("BACKGROUND", AttributeKind.URL), // IE6, Opera 11
            Map.entry("DATAFORMATAS", AttributeKind.BLACK), // IE
            Map.entry("DATASRC", AttributeKind.BLACK), // IE
            Map.entry("DYNSRC", AttributeKind.URL), // obsolete img attribute
            Map.entry("FILTER", AttributeKind.STYLE), // Opera, SVG inline style
            Map.entry("FORMACTION", AttributeKind.URL), // HTML5
            Map.entry("FOLDER", AttributeKind.URL), // IE, on A
            Map.entry("FROM", AttributeKind.URL), // SVG
            Map.entry("HANDLER", AttributeKind.URL), // SVG Tiny, Opera
            Map.entry("HREF", AttributeKind.URL),
            Map.entry("LOWSRC", AttributeKind.URL), // obsolete img attribute
            Map.entry("POSTER", AttributeKind.URL), // Opera 10, 11
            Map.entry("SRC", AttributeKind.URL),
            Map.entry("STYLE", AttributeKind.STYLE),
            Map.entry("TO", AttributeKind.URL), // SVG
            Map.entry("VALUES", AttributeKind.URL), // SVG
            Map.entry("XLINK:HREF", AttributeKind.URL));

    /** The names of {@link #BLACK_ATTRIBUTES} by length, for the NUL-free fast path. */
    private static final String[][] ATTRIBUTES_BY_LENGTH = byLength(BLACK_ATTRIBUTES.keySet());

    /** URL prefixes that run script or smuggle a document: JAVA covers JAVASCRIPT. */
    private static final List<String> BLACK_URL_PREFIXES = List.of("DATA", "VIEW-SOURCE", "JAVA", "VBSCRIPT");

    private static final List<String> EVENT_NAMES = readEventNames();

    private XssRules() {}

    static boolean isBlackTag(String s, int start, int length) {
        if (length < 3) {
            return false;
        }
        for (String tag : BLACK_TAGS) {
            if (equalsSkippingNul(tag, s, start, length)) {
                return true;
            }
        }
        // Anything SVG or XSL(T).
        return startsWithIgnoreCase(s, start, "SVG") || startsWithIgnoreCase(s, start, "XSL");
    }

    static AttributeKind attributeKind(String s, int start, int length) {
        if (length < 2) {
            return AttributeKind.NONE;
        }
        if (length >= 5) {
            if (startsWithIgnoreCase(s, start, "ON")) {
                // Upstream compares the event name's length of input after "on", so "onclickx"
                // is still an event handler; so do we.
                for (String event : EVENT_NAMES) {
                    if (equalsSkippingNul(event, s, start + 2, event.length())) {
                        return AttributeKind.BLACK;
                    }
                }
            }
            // xmlns and xlink attributes can create arbitrary elements.
            if (equalsSkippingNul("XMLNS", s, start, 5) || equalsSkippingNul("XLINK", s, start, 5)) {
                return AttributeKind.BLACK;
            }
        }
        // Without NULs to skip only names of the token's own length can match: check those alone.
        boolean hasNul = false;
        for (int i = start; i < start + length; i++) {
            hasNul |= s.charAt(i) == 0;
        }
        if (!hasNul) {
            if (length >= ATTRIBUTES_BY_LENGTH.length) {
                return AttributeKind.NONE;
            }
            for (String name : ATTRIBUTES_BY_LENGTH[length]) {
                if (equalsSkippingNul(name, s, start, length)) {
                    return BLACK_ATTRIBUTES.get(name);
                }
            }
            return AttributeKind.NONE;
        }
        for (Map.Entry<String, AttributeKind> entry : BLACK_ATTRIBUTES.entrySet()) {
            if (equalsSkippingNul(entry.getKey(), s, start, length)) {
                return entry.getValue();
            }
        }
        return AttributeKind.NONE;
    }

    /** Whether a URL value starts with a dangerous scheme, after white space and HTML entities. */
    static boolean isBlackUrl(String s, int start, int length) {
        int end = start + length;
        int p = start;
        // Skip control bytes, space and bytes above 126: Opera took UTF-8 spaces, EUC-JP drops some.
        while (p < end && (s.charAt(p) <= 32 || s.charAt(p) >= 127)) {
            p++;
        }
        for (String prefix : BLACK_URL_PREFIXES) {
            if (htmlDecodedStartsWith(prefix, s, p, end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the HTML-entity-decoded text {@code s[from, end)} starts with {@code prefix}
     * (upper case), ignoring leading controls and spaces, NULs and newlines anywhere.
     */
    static boolean htmlDecodedStartsWith(String prefix, String s, int from, int end) {
        int matched = 0;
        boolean first = true;
        int p = from;
        while (p < end) {
            if (matched == prefix.length()) {
                return true;
            }
            long decoded = HtmlEntities.decodeAt(s, p, end);
            int c = HtmlEntities.value(decoded);
            p += HtmlEntities.consumed(decoded);
            if (first && c <= 32) {
                continue;
            }
            first = false;
            if (c == 0 || c == '\n') {
                continue; // browsers drop these inside a scheme
            }
            if (c >= 'a' && c <= 'z') {
                c -= 0x20;
            }
            // Upstream compares the low byte only, so &#x14A; stands for 'J': kept, it only adds detections.
            if (prefix.charAt(matched) != (char) (c & 0xff)) {
                return false;
            }
            matched++;
        }
        return matched == prefix.length();
    }

    /**
     * Whether {@code s[from, from + n)} without its NULs equals {@code upper}, case-insensitively.
     * Reading past the input's end is a mismatch.
     */
    static boolean equalsSkippingNul(String upper, String s, int from, int n) {
        int matched = 0;
        for (int i = from; i < from + n; i++) {
            if (i >= s.length()) {
                return false;
            }
            char c = s.charAt(i);
            if (c == 0) {
                continue;
            }
            if (c >= 'a' && c <= 'z') {
                c -= 0x20;
            }
            if (matched >= upper.length() || upper.charAt(matched) != c) {
                return false;
            }
            matched++;
        }
        return matched == upper.length();
    }

    private static boolean startsWithIgnoreCase(String s, int from, String upper) {
        if (from + upper.length() > s.length()) {
            return false;
        }
        for (int i = 0; i < upper.length(); i++) {
            char c = s.charAt(from + i);
            if (c >= 'a' && c <= 'z') {
                c -= 0x20;
            }
            if (c != upper.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String[][] byLength(Set<String> names) {
        int max = names.stream().mapToInt(String::length).max().orElse(0);
        String[][] table = new String[max + 1][];
        for (int n = 0; n <= max; n++) {
            final int length = n;
            table[n] = names.stream().filter(name -> name.length() == length).sorted().toArray(String[]::new);
        }
        return table;
    }

    private static List<String> readEventNames() {
        String name = "/dev/palisade/engine/operator/libinjection/xss_event_handlers.txt";
        try (InputStream in = XssRules.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
