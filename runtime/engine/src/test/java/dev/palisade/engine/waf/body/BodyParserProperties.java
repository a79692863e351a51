package dev.palisade.engine.waf.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Every processor takes any bytes without throwing, and its output is made of byte strings. */
class BodyParserProperties {

    private static final String[] PIECES = {
        "--XX", "--XX--", "\r\n", "\n", "\r", "Content-Disposition: form-data; name=\"a\"",
        "Content-Disposition: form-data; name=\"f\"; filename=\"x\"", "Content-Type: text/plain", " ", "\t", "\0",
        "name='q'", ";", "=", "\"", "\\", "filename*=utf-8''x", "{", "}", "[", "]", ":", ",", "\"k\"", "1", "null",
        "<r a=\"1\">", "</r>", "<!DOCTYPE r [<!ENTITY e \"x\">]>", "&e;", "%", "%41", "+", "&", "\u00c3\u00a9", "\u00ff",
    };

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<String> bytes = Arbitraries.strings().withCharRange('\0', '\u00ff').ofMaxLength(5_000);
        Arbitrary<String> pieces = Arbitraries.of(PIECES).list().ofMaxSize(300).map(list -> String.join("", list));
        return Arbitraries.frequencyOf(Tuple.of(1, bytes), Tuple.of(2, pieces))
                .map(text -> text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("multipart/form-data; boundary=XX", "multipart/form-data; boundary=\"XX\"",
                "multipart/form-data boundary = XX", "multipart/form-data; boundary=XX; charset=x",
                "multipart/form-data; boundary=", "multipart/form-data", "text/plain");
    }

    @Property(tries = 500)
    void multipartNeverThrows(@ForAll("contentTypes") String contentType, @ForAll("bodies") byte[] body) {
        BodyParseResult result = MultipartParser.parse(contentType, body, BodyLimits.defaults().withMaxParts(50));
        assertEquals(result.error(), !result.errorMessage().isEmpty());
        result.arguments().forEach(argument -> assertBytes(argument.name() + argument.value()));
        result.files().forEach(file -> assertTrue(file.size() >= 0 && file.size() <= body.length));
        result.flags().values().forEach(value -> assertTrue(value >= 0 && value <= 2));
    }

    @Property(tries = 500)
    void jsonNeverThrows(@ForAll("bodies") byte[] body) {
        BodyParseResult result = JsonBody.parse(body, 16);
        assertNotNull(result.errorMessage());
        result.arguments().forEach(argument -> assertBytes(argument.name() + argument.value()));
    }

    @Property(tries = 300)
    void xmlNeverThrows(@ForAll("bodies") byte[] body) {
        BodyParseResult result = XmlBody.parse(body);
        result.xmlDocument().ifPresent(xml -> {
            xml.select("/*").forEach(BodyParserProperties::assertBytes);
            xml.select("//@*").forEach(BodyParserProperties::assertBytes);
        });
    }

    @Property(tries = 500)
    void urlencodedHasOnePieceBeforeEverySeparatorAndOneForTheRest(@ForAll("bodies") byte[] body) {
        UrlEncodedForm.Parsed parsed = UrlEncodedForm.parse(body, '&');
        parsed.arguments().forEach(argument -> assertBytes(argument.name() + argument.value()));
        String text = new String(body, StandardCharsets.ISO_8859_1);
        long separators = text.chars().filter(c -> c == '&').count();
        long rest = text.isEmpty() || text.endsWith("&") ? 0 : 1;
        assertEquals(separators + rest, parsed.arguments().size());
    }

    @Property(tries = 500)
    void cookiesNeverThrow(@ForAll("bodies") byte[] body) {
        Cookies.parse(new String(body, StandardCharsets.ISO_8859_1))
                .forEach(cookie -> assertTrue(!cookie.name().isEmpty() && !ByteString.isSpace(cookie.name().charAt(0))));
    }

    private static void assertBytes(String value) {
        for (int i = 0; i < value.length(); i++) {
            assertTrue(value.charAt(i) <= 0xff, "not a byte string");
        }
    }
}
