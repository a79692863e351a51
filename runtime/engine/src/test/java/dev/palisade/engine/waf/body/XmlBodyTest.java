package dev.palisade.engine.waf.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code XML:/*} and {@code XML://@*} as libmodsecurity 3.0.9 (Debian 12, libxml2) gave them for the same bodies. */
class XmlBodyTest {

    private static BodyParseResult parse(String body) {
        return XmlBody.parse(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static XmlBody document(String body) {
        BodyParseResult result = parse(body);
        assertFalse(result.error(), result.errorMessage());
        return result.xmlDocument().orElseThrow();
    }

    @Test
    void rootTextAndAttributes() {
        XmlBody xml = document("<?xml version=\"1.0\"?><r xmlns:p=\"urn:x\" a=\"1\" p:b=\"2\"><c d=\"3\">hi <!-- no --> "
                + "<![CDATA[there]]></c>tail<?pi x?></r>");
        assertEquals(List.of("hi  theretail"), xml.select("/*"));
        assertEquals(List.of("1", "2", "3"), xml.select("//@*"));
        assertEquals(List.of("3"), xml.select("//c/@d"));
        assertEquals(List.of(), xml.select("/nothing"));
    }

    @Test
    void textIsUtf8Bytes() {
        assertEquals(List.of("\u00c3\u00a9"), document("<r>\u00c3\u00a9</r>").select("/*"));
    }

    @Test
    void notWellFormedOrEmptyIsAnError() {
        for (String body : List.of("<r><c></r>", "", "text", "<r></r><s/>", "<r>&x</r>")) {
            BodyParseResult result = parse(body);
            assertTrue(result.error(), body);
            assertEquals("XML parsing error: XML: Failed parsing document.", result.errorMessage());
            assertEquals("XML", result.processor());
        }
    }

    @Test
    void selectorsSeeWhatWasReadBeforeTheError() {
        // Values as 3.0.9 gave them: libxml2 keeps its partial tree and ModSecurity evaluates on it.
        assertEquals(List.of(""), parse("<r><c></r>").xmlDocument().orElseThrow().select("/*"));
        assertEquals(List.of("text"), parse("<r>text&text\t&amp; </r>").xmlDocument().orElseThrow().select("/*"));
        assertEquals(List.of("\" A\t"), parse("<r>\" &#65;\t<r></r>").xmlDocument().orElseThrow().select("/*"));
        XmlBody partial = parse("<r>text<b/>\n<a x=\"1\">&amp;\t><e xmlns=\"urn:d\" z=\" a\tb \"></n:e></r>")
                .xmlDocument().orElseThrow();
        assertEquals(List.of("text\n&\t>"), partial.select("/*"));
        assertEquals(List.of("1", " a b "), partial.select("//@*"));
        assertEquals(List.of(), parse("").xmlDocument().orElseThrow().select("/*"));
        assertEquals(List.of(), parse("text").xmlDocument().orElseThrow().select("/*"));
    }

    @Test
    void internalEntitiesExpandAsLibxml2Does() {
        assertEquals(List.of("xenty"), document("<!DOCTYPE r [<!ENTITY e \"ent\">]><r>x&e;y</r>").select("/*"));
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET");
        XmlBody xml = document("<!DOCTYPE r [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]><r>x&e;y</r>");
        assertEquals(List.of("xy"), xml.select("/*"));
        XmlBody parameter = document("<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;]><r>z</r>");
        assertEquals(List.of("z"), parameter.select("/*"));
    }

    @Test
    void noNetworkForDtdsOrEntities() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] answer = "<!ENTITY e \"LEAK\">".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/x.dtd";
            parse("<!DOCTYPE r SYSTEM \"" + url + "\"><r>a</r>");
            parse("<!DOCTYPE r [<!ENTITY e SYSTEM \"" + url + "\">]><r>&e;</r>");
            parse("<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]><r>b</r>");
            assertEquals(0, requests.get());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void entityExpansionIsBounded() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE r [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"");
            dtd.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]><r>&l10;</r>");
        assertTrue(parse(dtd.toString()).error());
    }

    @Test
    void invalidXpath() {
        XmlBody xml = document("<r/>");
        assertThrows(IllegalArgumentException.class, () -> xml.select("//["));
        assertEquals(List.of("1"), xml.select("count(/r)"));
    }
}
