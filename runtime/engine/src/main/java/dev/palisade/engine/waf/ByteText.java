package dev.palisade.engine.waf;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The WAF's two kinds of string. The engine compares bytes, as ModSecurity does: a request, a
 * SecLang file and everything the WAF IR holds are byte strings, one char a byte ({@code caf%C3%A9}
 * is {@code caf\u00c3\u00a9}). People read and write text: a policy's {@code "café"}, a log line,
 * a YAML file. These are the two crossings, both through UTF-8.
 */
public final class ByteText {
    private ByteText() {}

    /** Text as the bytes the WAF compares: its UTF-8 encoding, one char a byte. */
    public static String bytes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return text;
    }

    /** The text a byte string encodes as UTF-8, or empty when it is not a byte string of valid UTF-8. */
    public static Optional<String> text(String byteString) {
        boolean ascii = true;
        for (int i = 0; i < byteString.length(); i++) {
            char c = byteString.charAt(i);
            if (c > 0xFF) {
                return Optional.empty();
            }
            ascii &= c < 0x80;
        }
        if (ascii) {
            return Optional.of(byteString);
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(byteString.getBytes(StandardCharsets.ISO_8859_1))).toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    /** For display: the text a byte string encodes, or the byte string itself when it is not UTF-8. */
    public static String readable(String byteString) {
        return text(byteString).orElse(byteString);
    }
}
