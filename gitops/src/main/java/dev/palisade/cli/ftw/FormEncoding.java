package dev.palisade.cli.ftw;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The two reference runners' ways of URL-encoding a form body, byte for byte. */
final class FormEncoding {
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

    private FormEncoding() {}

    /** Whether Python's {@code unquote(data) != data}: only a valid {@code %XX} changes anything. */
    static boolean hasPercentEscape(String data) {
        return PERCENT_ESCAPE.matcher(data).find();
    }

    /**
     * Python 3's {@code urlencode(parse_qsl(data))} for data without {@code %XX}: split on {@code &}
     * (3.9.2+; older versions also split on {@code ;}), drop empty parts, parts without {@code =} and
     * parts with an empty value, turn {@code +} into space, then {@code quote_plus} names and values.
     * Empty when nothing is left (the caller then keeps the data as it was).
     */
    static String pythonUrlencodeParseQsl(String data) {
        List<String> pairs = new ArrayList<>();
        for (String part : data.split("&", -1)) {
            int equals = part.indexOf('=');
            if (part.isEmpty() || equals < 0 || equals == part.length() - 1) {
                continue;
            }
            String name = part.substring(0, equals).replace('+', ' ');
            String value = part.substring(equals + 1).replace('+', ' ');
            pairs.add(queryEscape(name.getBytes(StandardCharsets.UTF_8)) + "="
                    + queryEscape(value.getBytes(StandardCharsets.UTF_8)));
        }
        return String.join("&", pairs);
    }

    /**
     * go-ftw's {@code encodeDataParameters}: only when {@code url.QueryUnescape} would leave the data
     * unchanged (no {@code %} and no {@code +}; a bad escape makes it fail, which also leaves the data
     * alone); then each {@code &}-separated token is escaped, name and value apart, and the trailing
     * {@code &} is dropped.
     */
    static byte[] goEncodeDataParameters(byte[] data) {
        for (byte b : data) {
            if (b == '%' || b == '+') {
                return data;
            }
        }
        StringBuilder escaped = new StringBuilder();
        int start = 0;
        while (start < data.length) {
            int amp = indexOf(data, (byte) '&', start, data.length);
            int end = amp < 0 ? data.length : amp;
            int equals = indexOf(data, (byte) '=', start, end);
            if (equals < 0) {
                escaped.append(queryEscape(slice(data, start, end)));
            } else {
                escaped.append(queryEscape(slice(data, start, equals))).append('=')
                        .append(queryEscape(slice(data, equals + 1, end)));
            }
            escaped.append('&');
            start = amp < 0 ? data.length : amp + 1;
        }
        escaped.setLength(escaped.length() - 1);
        return escaped.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Go's {@code url.QueryEscape} and Python's {@code quote_plus(s, safe='')}: they agree on every byte. */
    static String queryEscape(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static int indexOf(byte[] data, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] slice(byte[] data, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(data, from, to - from);
        return out.toByteArray();
    }
}
