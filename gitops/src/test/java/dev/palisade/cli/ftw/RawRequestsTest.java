package dev.palisade.cli.ftw;

import static dev.palisade.cli.ftw.FtwInputs.header;
import static dev.palisade.cli.ftw.FtwInputs.host;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Golden bytes, checked against Python ftw 1.3.0 and go-ftw's rules (expected values from Python's urllib). */
class RawRequestsTest {

    private static String build(FtwInput input) {
        return new String(RawRequests.build(input), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aBareGetIsTheRequestLineHeadersAndAnEmptyLine() {
        assertEquals("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", build(FtwInputs.v1("GET", "/", List.of(host()), null)));
    }

    @Test
    void oddMethodsAndVersionsAreWrittenAsGiven() {
        FtwInput input = new FtwInput(FtwFormat.FTW_V1, "127.0.0.1", 80, "http", "\tGET", "\\index.html", "HTTP\\1.0",
                List.of(), Optional.empty(), false, true, Optional.empty(), Optional.empty());
        assertEquals("\tGET \\index.html HTTP\\1.0\r\n\r\n", build(input));
    }

    @Test
    void v1DataListsJoinWithCrlfAndFormBodiesAreReEncodedByParseQsl() throws Exception {
        // data: ["a=1 2", "b=<x>"] → "a=1 2\r\nb=<x>"; Python: urlencode(parse_qsl(data))
        FtwInput input = FtwInputs.v1("POST", "/", List.of(host()), "a=1 2\r\nb=<x>");
        assertEquals("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 22\r\n\r\na=1+2%0D%0Ab%3D%3Cx%3E", build(input));
    }

    @Test
    void v1ParseQslDropsPairsWithoutValueAndKeepsDataWithNoPairs() {
        assertEquals("b=1", body(build(FtwInputs.v1("POST", "/", List.of(), "a=&b=1"))));
        assertEquals("foo bar", body(build(FtwInputs.v1("POST", "/", List.of(), "foo bar"))));
        assertEquals("x=new+%24w&y=a+b%2Fc", body(build(FtwInputs.v1("POST", "/", List.of(), "x=new $w&y=a+b/c"))));
        assertEquals("k=%C3%BC&z=%25zz", body(build(FtwInputs.v1("POST", "/", List.of(), "k=ü&z=%zz"))));
    }

    @Test
    void v1DataWithAPercentEscapeIsSentAsIsWithItsLengthInCharacters() {
        String request = build(FtwInputs.v1("POST", "/", List.of(), "a=%41&b=c d"));
        assertEquals("a=%41&b=c d", body(request));
        assertEquals(true, request.contains("Content-Length: 11\r\n"));
    }

    @Test
    void v1HeaderNamesAreMatchedExactlyAsPythonDictsDo() {
        String request = build(FtwInputs.v1("POST", "/", List.of(header("content-type", "text/plain")), "a=b c"));
        assertEquals("POST / HTTP/1.1\r\ncontent-type: text/plain\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 5\r\n\r\na=b+c", request);
    }

    @Test
    void v1StopMagicAddsNothingAndEncodesNothing() {
        FtwInput input = new FtwInput(FtwFormat.FTW_V1, "127.0.0.1", 80, "http", "POST", "/", "HTTP/1.1", List.of(),
                Optional.of("a=1 2"), true, false, Optional.empty(), Optional.empty());
        assertEquals("POST / HTTP/1.1\r\n\r\na=1 2", build(input));
    }

    @Test
    void v1RawRequestsGoThroughUnicodeEscape() {
        FtwInput input = new FtwInput(FtwFormat.FTW_V1, "127.0.0.1", 80, "http", "GET", "/", "HTTP/1.1", List.of(),
                Optional.empty(), false, true, Optional.empty(), Optional.of("GET / HTTP/1.0\\r\\n\\r\\nx=\u00ac\\x00"));
        byte[] expected = "GET / HTTP/1.0\r\n\r\nx=\u00c2\u00ac\u0000".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, RawRequests.build(input));
    }

    @Test
    void encodedRequestsAreSentByteForByte() {
        byte[] raw = {'G', 'E', 'T', ' ', '/', 0, (byte) 0xff, '\r', '\n'};
        FtwInput input = new FtwInput(FtwFormat.GO_FTW, "127.0.0.1", 80, "http", "GET", "/", "HTTP/1.1", List.of(),
                Optional.empty(), false, true, Optional.of(Base64.getEncoder().encodeToString(raw)), Optional.empty());
        assertArrayEquals(raw, RawRequests.build(input));
    }

    @Test
    void goFtwCompletesHeadersAfterTheGivenOnes() {
        FtwInput input = FtwInputs.v4("POST", "/", List.of(header("Accept", "*/*"), host()), "a=1 2&b", true);
        assertEquals("POST / HTTP/1.1\r\nAccept: */*\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\nContent-Length: 7\r\n\r\n"
                + "a=1+2&b", build(input));
    }

    @Test
    void goFtwLeavesDataWithPlusOrPercentAloneAndCountsBytes() {
        assertEquals("a=1+2 c", body(build(FtwInputs.v4("POST", "/", List.of(), "a=1+2 c", true))));
        String request = build(FtwInputs.v4("POST", "/", List.of(header("Content-Type", "text/plain")), "ü", true));
        assertEquals(true, request.contains("Content-Length: 2\r\n"), request);
    }

    @Test
    void goFtwWithoutAutocompleteAddsNothing() {
        assertEquals("POST / HTTP/1.1\r\nHost: localhost\r\n\r\na=1 2",
                build(FtwInputs.v4("POST", "/", List.of(host()), "a=1 2", false)));
    }

    @Test
    void goFtwGivesMethodsWithABodyAContentLengthAsItsRegexDoes() {
        assertEquals(true, build(FtwInputs.v4("POST", "/", List.of(), null, true)).contains("Content-Length: 0\r\n"));
        // ^POST|PUT|PATCH|DELETE$: PUT anywhere matches
        assertEquals(true, build(FtwInputs.v4("XPUTX", "/", List.of(), null, true)).contains("Content-Length: 0\r\n"));
        assertEquals(false, build(FtwInputs.v4("GET", "/", List.of(), null, true)).contains("Content-Length"));
    }

    @Test
    void goFtwMultipartBodiesGetCrlfAndTemplatesRender() {
        FtwInput input = FtwInputs.v4("POST", "/", List.of(header("Content-Type", "multipart/form-data; boundary=x")),
                "--x\n{{ \"1\" | repeat 3 }}\n--x--\n", true);
        assertEquals("--x\r\n111\r\n--x--\r\n", body(build(input)));
    }

    private static String body(String request) {
        return request.substring(request.indexOf("\r\n\r\n") + 4);
    }
}
