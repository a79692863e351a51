package dev.palisade.cli.ftw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.palisade.engine.waf.WafRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawRequestParserTest {

    private static ParsedRequest parse(String text) {
        return RawRequestParser.parse(text.getBytes(StandardCharsets.ISO_8859_1), 8080);
    }

    private static WafRequest accepted(String text) {
        return assertInstanceOf(ParsedRequest.Accepted.class, parse(text)).request();
    }

    private static String refused(String text) {
        ParsedRequest.Refused refused = assertInstanceOf(ParsedRequest.Refused.class, parse(text));
        assertEquals(400, refused.status());
        return refused.reason();
    }

    @Test
    void aPlainRequestKeepsItsHeadersInOrderAndTheAddresses() {
        WafRequest request = accepted("GET /a?b=c HTTP/1.1\r\nHost: localhost\r\nX-A: 1\r\nx-a:  2 \r\n\r\n");
        assertEquals("GET", request.method());
        assertEquals("/a?b=c", request.target());
        assertEquals("HTTP/1.1", request.protocol());
        assertEquals(List.of(new WafRequest.Header("Host", "localhost"), new WafRequest.Header("X-A", "1"),
                new WafRequest.Header("x-a", "2")), request.headers());
        assertEquals("127.0.0.1", request.remoteAddress());
        assertEquals(8080, request.serverPort());
    }

    @Test
    void oddButValidMethodTokensPassAsSent() {
        assertEquals("|GET", accepted("|GET / HTTP/1.1\r\nHost: x\r\n\r\n").method());
        assertEquals("REALLYLONGUNREALMETHOD", accepted("REALLYLONGUNREALMETHOD / HTTP/1.0\r\n\r\n").method());
    }

    @Test
    void whatApacheRefusedIsRefusedWith400() {
        refused("\tGET / HTTP/1.1\r\nHost: x\r\n\r\n");
        refused("     GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        refused("G(T / HTTP/1.1\r\nHost: x\r\n\r\n");
        refused("GET \\ HTTP/1.1\r\nHost: x\r\n\r\n");
        refused("GET /a#tag HTTP/1.1\r\nHost: x\r\n\r\n");
        refused("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n");
        refused("GET / HTTP/0.9\r\nHost: x\r\n\r\n");
        refused("GET / JUNK/1.0\r\nHost: x\r\n\r\n");
        refused("GET / HTTP\\1.0\r\nHost: x\r\n\r\n");
        refused("GET / HTTP/1.1\r\nHost: x\r\nA: b\rInjected: c\r\n\r\n");
        refused("GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n");
        refused("GET / HTTP/1.1\r\nHost : x\r\n\r\n");
        refused("GET / HTTP/1.1\r\n\r\n");
        refused("GET / HTTP/1.1\r\nHost: localhost%00\r\n\r\n");
        refused("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 123x\r\n\r\n");
        refused("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd");
        refused("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n");
        refused("CONNECT www.example.com HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    @Test
    void http10NeedsNoHostAndConnectTakesHostPort() {
        accepted("GET / HTTP/1.0\r\n\r\n");
        assertEquals("1.2.3.4:80", accepted("CONNECT 1.2.3.4:80 HTTP/1.1\r\nHost: x\r\n\r\n").target());
        assertEquals("*", accepted("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n").target());
        assertEquals("?x=1", accepted("GET ?x=1 HTTP/1.1\r\nHost: x\r\n\r\n").target());
    }

    @Test
    void leadingEmptyLinesAndFoldingAreTolerated() {
        WafRequest request = accepted("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n \t b\r\n\tc\r\n\r\n");
        assertEquals(new WafRequest.Header("X-Folded", "a b c"), request.headers().get(1));
        refused("GET / HTTP/1.1\r\n folded-first: x\r\nHost: x\r\n\r\n");
    }

    @Test
    void bareLfLinesAreRefusedAsApacheDidUnlessAccepted() {
        String bare = "\nGET / HTTP/1.1\nHost: x\nX: y\r\n\n";
        assertEquals("a request line or header line ending in a bare LF", refused(bare));
        ParsedRequest lenient = RawRequestParser.parse(bare.getBytes(StandardCharsets.ISO_8859_1), 80,
                RawRequestParser.LineEndings.BARE_LF_ACCEPTED);
        assertEquals(List.of(new WafRequest.Header("Host", "x"), new WafRequest.Header("X", "y")),
                assertInstanceOf(ParsedRequest.Accepted.class, lenient).request().headers());
    }

    @Test
    void contentLengthBodiesAndPipelinedRest() {
        WafRequest request = accepted("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcGET / HTTP/1.1\r\n");
        assertEquals("abc", new String(request.body(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void chunkedBodiesAreDecodedAndOverrideContentLength() {
        WafRequest request = accepted("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;ext=1\r\nfoo\r\n4\nb=ar\n0\r\nTrailer: t\r\n\r\n");
        assertEquals("foob=ar", new String(request.body(), StandardCharsets.ISO_8859_1));
        refused("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nfoo\r\n0\r\n\r\n");
        refused("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nfooX0\r\n\r\n");
    }

    @Test
    void whatAServerWouldWaitOnOrAnswerWithoutStatusIsUnanswered() {
        assertInstanceOf(ParsedRequest.Unanswered.class, parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nab"));
        assertInstanceOf(ParsedRequest.Unanswered.class, parse("GET / \r\nHost: x\r\n\r\n"));
        assertInstanceOf(ParsedRequest.Unanswered.class, parse("GET / HTTP/1.1\r\nHost: x\r\n"));
        assertInstanceOf(ParsedRequest.Unanswered.class,
                parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nfoo\r\n"));
        assertInstanceOf(ParsedRequest.Unanswered.class, parse(""));
    }

    @Test
    void bytesStayBytes() {
        WafRequest request = accepted("GET /\u00ff\u00c3 HTTP/1.1\r\nHost: x\r\nX: \u0080\r\n\r\n");
        assertEquals("/\u00ff\u00c3", request.target());
        assertEquals("\u0080", request.headers().get(1).value());
    }
}
