package dev.palisade.engine.operator.libinjection;

/**
 * Cross-site scripting detection after libinjection, behind ModSecurity's {@code @detectXSS}:
 *
 * <pre>
 * SecRule ARGS "@detectXSS" "id:941100,phase:2,block,msg:'XSS Attack Detected via libinjection'"
 * </pre>
 *
 * <p>The input is tokenized as HTML5 from five starting points (as page text, and as the inside of
 * an unquoted, single-, double- or back-quoted attribute value, where injected text usually
 * lands). It is XSS when a token is: a doctype; a tag that runs or loads script
 * ({@code <script>}, {@code <iframe>}, any {@code <svg…>}, …); a value of an event-handler
 * attribute ({@code onerror=…}), of {@code style}, or of a URL attribute ({@code href}, {@code src},
 * …) starting with {@code javascript:}, {@code vbscript:}, {@code data:} or {@code view-source:}
 * (after HTML entities); or an IE conditional comment, XML entity or import.
 *
 * <p><b>Input:</b> bytes as chars (ISO-8859-1), as for {@link SqlInjectionDetector}. Thread-safe.
 */
public final class XssDetector {

    private XssDetector() {}

    /** Whether {@code input} (bytes as chars) contains XSS in any of the five contexts. */
    public static boolean detect(String input) {
        for (Html5Tokenizer.Start start : Html5Tokenizer.Start.values()) {
            if (detect(input, start)) {
                return true;
            }
        }
        return false;
    }

    static boolean detect(String s, Html5Tokenizer.Start start) {
        Html5Tokenizer tokens = new Html5Tokenizer(s, start);
        XssRules.AttributeKind attribute = XssRules.AttributeKind.NONE;
        while (tokens.next()) {
            int from = tokens.tokenStart;
            int length = tokens.tokenLength;
            switch (tokens.tokenType) {
                case DOCTYPE:
                    return true;
                case TAG_NAME_OPEN:
                    if (XssRules.isBlackTag(s, from, length)) {
                        return true;
                    }
                    attribute = XssRules.AttributeKind.NONE;
                    break;
                case ATTR_NAME:
                    attribute = XssRules.attributeKind(s, from, length);
                    break;
                case ATTR_VALUE:
                    if (isBlackValue(attribute, s, from, length)) {
                        return true;
                    }
                    attribute = XssRules.AttributeKind.NONE;
                    break;
                case TAG_COMMENT:
                    if (isBlackComment(s, from, length)) {
                        return true;
                    }
                    attribute = XssRules.AttributeKind.NONE;
                    break;
                default:
                    attribute = XssRules.AttributeKind.NONE;
            }
        }
        return false;
    }

    private static boolean isBlackValue(XssRules.AttributeKind attribute, String s, int from, int length) {
        switch (attribute) {
            case BLACK:
            case STYLE: // CSS expressions and url() can run script in old browsers: any style is refused
                return true;
            case URL:
                return XssRules.isBlackUrl(s, from, length);
            case INDIRECT: // SVG attributeName="onload": the value names a dangerous attribute
                return XssRules.attributeKind(s, from, length) != XssRules.AttributeKind.NONE;
            default:
                return false;
        }
    }

    private static boolean isBlackComment(String s, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (s.charAt(i) == '`') {
                return true; // IE ends tags at a back quote
            }
        }
        if (length > 3) {
            char c0 = s.charAt(from);
            char c1 = (char) (s.charAt(from + 1) | 0x20);
            char c2 = (char) (s.charAt(from + 2) | 0x20);
            if (c0 == '[' && c1 == 'i' && c2 == 'f') {
                return true; // IE conditional comment <!--[if ...
            }
            if ((c0 | 0x20) == 'x' && c1 == 'm' && c2 == 'l') {
                return true;
            }
        }
        if (length > 5) {
            // IE's <?import pseudo-tag and XML entity declarations.
            return XssRules.equalsSkippingNul("IMPORT", s, from, 6) || XssRules.equalsSkippingNul("ENTITY", s, from, 6);
        }
        return false;
    }
}
