package dev.palisade.cli.tune;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * From what the WAF compares to what a policy says. The WAF sees a request's bytes, one char
 * each ({@code /caf%C3%A9} is {@code /caf\u00c3\u00a9}); a policy is Unicode text that the
 * compiler encodes as UTF-8 before comparing ({@code "/café"}). So a suggested line spells a
 * logged value by decoding its bytes as UTF-8, and a value whose bytes are not UTF-8 has no
 * spelling in a policy at all.
 */
final class PolicyText {
    private PolicyText() {}

    /** The policy text whose UTF-8 bytes are {@code byteString}'s chars, or empty when none is. */
    static Optional<String> of(String byteString) {
        byte[] bytes = byteString.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < byteString.length(); i++) {
            if (byteString.charAt(i) > 0xFF) {
                return Optional.empty(); // not a byte string
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}
