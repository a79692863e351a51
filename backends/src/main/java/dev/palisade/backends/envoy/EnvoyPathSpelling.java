package dev.palisade.backends.envoy;

import java.util.Locale;

/**
 * How a path in Palisade's normal form (a byte string, see {@code PathNormalizer}) reads after
 * Envoy's own normalization ({@code normalize_path}, the Chromium URL path canonicalizer): the
 * spelling RBAC's {@code url_path} matchers must compare with.
 *
 * <p>Envoy's canonicalizer decodes escapes of unreserved characters (RFC 3986 §2.3), keeps the
 * reserved characters it passes through ({@code ! $ & ' ( ) * + , : ; = @ [ ]}) as they arrive,
 * and escapes everything else (space, controls, {@code " # % < > ? ^ ` { | }}, DEL, bytes from
 * 0x80) as {@code %XX} with upper-case hex digits. Palisade instead decodes every escape once.
 * So only paths made of unreserved characters and slashes have one spelling in both: for the
 * others a request can spell the same Palisade path in ways Envoy keeps apart ({@code %21} next
 * to {@code !}, {@code %c3%a9} next to {@code %C3%A9}), see {@link #isUnambiguous}.
 */
final class EnvoyPathSpelling {
    private static final String PASSED_RESERVED = "!$&'()*+,:;=@[]";

    private EnvoyPathSpelling() {}

    /** The Envoy spelling of a normalized path (one byte per char). */
    static String spell(String normalized) {
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == '/' || isUnreserved(c) || PASSED_RESERVED.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c & 0xFF));
            }
        }
        return out.toString();
    }

    /** Whether every request Palisade normalizes to this path reaches RBAC in {@link #spell}'s spelling. */
    static boolean isUnambiguous(String normalized) {
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c != '/' && !isUnreserved(c)) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3986 §2.3: {@code ALPHA / DIGIT / "-" / "." / "_" / "~"}. */
    static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
