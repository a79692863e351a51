package dev.palisade.engine.transform;

/**
 * {@code t:utf8toUnicode}: each UTF-8 multi-byte sequence becomes {@code %uHHHH}, so that a
 * following {@code t:urlDecodeUni} folds it (full-width ASCII to ASCII, the rest to its low byte).
 *
 * <pre>SecRule ARGS "@rx <script" "id:1,phase:2,t:utf8toUnicode,t:urlDecodeUni,deny"</pre>
 *
 * <p>Follows ModSecurity v3 {@code utf8_to_unicode.cc} byte for byte, quirks included, since CRS
 * runs it first in its XSS pipeline:
 * <ul>
 *   <li>the code point in lower-case hex, zero-padded to four digits ({@code é} is
 *       {@code %u00e9}); beyond U+FFFF it has five or six ({@code %u1f600});
 *   <li>a lead byte (0xC0–0xF7) without enough continuation bytes (0x80–0xBF) after it is
 *       dropped, and scanning goes on with the next byte;
 *   <li>a lone continuation byte or 0xF8–0xFF is copied as it is;
 *   <li>overlong forms and surrogates are still converted, and the lead byte is appended after
 *       the {@code %u} form (an overlong surrogate in four bytes gets it twice); lead bytes
 *       0xF5–0xF7 are also written before it;
 *   <li>NUL bytes are dropped (ModSecurity writes them without advancing its output pointer).
 * </ul>
 * Coraza differs on invalid input (it emits {@code %ufffd}); we follow ModSecurity.
 */
final class Utf8toUnicodeTransformation implements Transformation {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public String name() {
        return "utf8toUnicode";
    }

    @Override
    public String apply(String value) {
        int length = value.length();
        int first = 0;
        while (first < length && value.charAt(first) > 0 && value.charAt(first) < 0x80) {
            first++;
        }
        if (first == length) {
            return value;
        }
        StringBuilder out = new StringBuilder(length + 16);
        out.append(value, 0, first);
        int i = first;
        while (i < length) {
            char c = value.charAt(i);
            int sequence = c >= 0xc0 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf7 ? 4 : 1;
            if (sequence == 1) {
                if (c != 0) {
                    out.append(c); // ASCII, or a byte that cannot start a sequence
                }
                i++;
                continue;
            }
            if (sequence == 4 && c >= 0xf5) {
                out.append(c); // beyond U+10FFFF: ModSecurity writes the lead byte first
            }
            if (!continuations(value, i + 1, sequence - 1)) {
                i++;
                continue;
            }
            int codePoint = c & (0xff >> (sequence + 1));
            for (int k = 1; k < sequence; k++) {
                codePoint = (codePoint << 6) | (value.charAt(i + k) & 0x3f);
            }
            appendEscape(out, codePoint);
            if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
                out.append(c);
            }
            int shortest = sequence == 2 ? 0x80 : sequence == 3 ? 0x800 : 0x10000;
            if (codePoint < shortest) {
                out.append(c);
            }
            i += sequence;
        }
        return ByteStrings.unchangedOr(value, out);
    }

    private static boolean continuations(String value, int start, int count) {
        for (int k = start; k < start + count; k++) {
            if (k >= value.length() || (value.charAt(k) & 0xc0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void appendEscape(StringBuilder out, int codePoint) {
        out.append("%u");
        int digits = Math.max(4, (32 - Integer.numberOfLeadingZeros(codePoint) + 3) / 4);
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            out.append(HEX[(codePoint >> shift) & 0xf]);
        }
    }
}
