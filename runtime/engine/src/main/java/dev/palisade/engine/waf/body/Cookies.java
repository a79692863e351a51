package dev.palisade.engine.waf.body;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code REQUEST_COOKIES} and {@code REQUEST_COOKIES_NAMES} from {@code Cookie} headers, as
 * libmodsecurity 3.0.9's {@code Transaction::addRequestHeader} splits them:
 *
 * <pre>SecRule REQUEST_COOKIES|!REQUEST_COOKIES:/__utm/ "@rx ..." "id:1,phase:1,deny"</pre>
 *
 * <ul>
 *   <li>Split at {@code ;} like C++'s {@code getline} (no piece after a final {@code ;}); trailing
 *       whitespace after the last cookie-pair is dropped; empty pieces are skipped.</li>
 *   <li>A piece splits at its first {@code =}; without one, it is a name with an empty value.</li>
 *   <li>Leading whitespace ({@code isspace}) is trimmed off the name, as v2 does; nothing else is
 *       trimmed, so {@code a =b} names {@code "a "} and {@code a= b} has the value {@code " b"}.</li>
 *   <li>A piece whose name is then empty ({@code =x}, {@code "  "}) is skipped.</li>
 *   <li>Values are kept raw: no URL decoding, no unquoting. v3 has no version-1 cookie handling:
 *       {@code $Version}, {@code $Path} are ordinary cookies (v2 treated them specially).</li>
 * </ul>
 *
 * <p>Each {@code Cookie} header is parsed on its own, in header order.
 */
public final class Cookies {

    private Cookies() {}

    /** The cookies of one {@code Cookie} header value (a byte string), in order, duplicates kept. */
    public static List<Argument> parse(String headerValue) {
        List<Argument> cookies = new ArrayList<>();
        parseInto(headerValue, cookies);
        return cookies;
    }

    /** The cookies of several {@code Cookie} header values, in header order. */
    public static List<Argument> parseAll(List<String> headerValues) {
        List<Argument> cookies = new ArrayList<>();
        for (String value : headerValues) {
            parseInto(value, cookies);
        }
        return cookies;
    }

    /** {@code REQUEST_COOKIES_NAMES}: the names of {@code cookies}, in order. */
    public static List<String> names(List<Argument> cookies) {
        List<String> names = new ArrayList<>(cookies.size());
        for (Argument cookie : cookies) {
            names.add(cookie.name());
        }
        return names;
    }

    private static void parseInto(String value, List<Argument> cookies) {
        List<String> pieces = new ArrayList<>();
        int length = value.length();
        int start = 0;
        while (start < length) {
            int end = value.indexOf(';', start);
            if (end < 0) {
                end = length;
            }
            pieces.add(value.substring(start, end));
            start = end + 1;
        }
        if (!pieces.isEmpty()) {
            String last = pieces.get(pieces.size() - 1);
            int end = last.length();
            while (end > 0 && ByteString.isSpace(last.charAt(end - 1))) {
                end--;
            }
            pieces.set(pieces.size() - 1, last.substring(0, end));
        }
        for (String piece : pieces) {
            if (piece.isEmpty()) {
                continue;
            }
            int equals = piece.indexOf('=');
            String name = equals < 0 ? piece : piece.substring(0, equals);
            String cookieValue = equals < 0 ? "" : piece.substring(equals + 1);
            int first = 0;
            while (first < name.length() && ByteString.isSpace(name.charAt(first))) {
                first++;
            }
            name = name.substring(first);
            if (!name.isEmpty()) {
                cookies.add(new Argument(name, cookieValue));
            }
        }
    }
}
