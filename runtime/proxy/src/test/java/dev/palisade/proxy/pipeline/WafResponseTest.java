package dev.palisade.proxy.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.palisade.proxy.testing.LeakTracker;
import dev.palisade.proxy.testing.ProxyFixture;
import dev.palisade.proxy.testing.RawHttp;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAF's response phases on the proxy's path, over real sockets: a response whose inspected
 * body leaks gets the rule's status instead, byte-exact answers pass, bodies of types the WAF
 * does not read and bytes past the inspection limit are not judged (ModSecurity's defaults:
 * text/plain, text/html, text/xml; 512 KiB).
 */
@Timeout(60)
class WafResponseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POLICY = """
            policy www {
              selector 'app == "www"'
              waf {
                mode blocking
                rule 2001 "secret in a response" {
                  phase response-body
                  when RESPONSE_BODY @contains "secret"
                  deny 502
                }
              }
            }
            """;

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakTracker.assertNoLeaks();
    }

    /** Answers {@code /TYPE/SIZE/WHERE}: a body of SIZE bytes of 'a' with "secret" at WHERE (or none: -1). */
    private static HttpServer upstream() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            String type = parts[1].replace('_', '/');
            int size = Integer.parseInt(parts[2]);
            int where = Integer.parseInt(parts[3]);
            byte[] body = "a".repeat(size).getBytes(StandardCharsets.US_ASCII);
            if (where >= 0) {
                System.arraycopy("secret".getBytes(StandardCharsets.US_ASCII), 0, body, where, 6);
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static RawHttp.Response get(ProxyFixture proxy, String target) throws Exception {
        return RawHttp.exchange(proxy.address(), "GET", target);
    }

    @Test
    void leaksAreReplacedOthersPassWhole(@TempDir Path directory) throws Exception {
        HttpServer upstream = upstream();
        try (ProxyFixture proxy = new ProxyFixture(upstream.getAddress(), ProxyFixture.WWW,
                ProxyFixture.compile(directory, ProxyFixture.WWW, POLICY), RequestInspection.alpThenWaf(),
                config -> config)) {
            RawHttp.Response leak = get(proxy, "/text_html/100000/70000");
            assertEquals(502, leak.status());
            assertTrue(leak.text().startsWith("Response blocked by policy."), leak.text());

            RawHttp.Response fine = get(proxy, "/text_html/300000/-1");
            assertEquals(200, fine.status());
            assertEquals(300000, fine.body().length, "held back, then sent on whole");

            assertEquals(200, get(proxy, "/application_octet-stream/1000/10").status(), "a type the WAF does not read");
            RawHttp.Response late = get(proxy, "/text_plain/700000/600000");
            assertEquals(200, late.status(), "past the 512 KiB inspection limit");
            assertEquals(700000, late.body().length);

            JsonNode blocked = null;
            for (String line : proxy.logLines) {
                JsonNode node = JSON.readTree(line);
                if (node.path("status").asInt() == 502) {
                    blocked = node;
                }
            }
            assertTrue(blocked != null, proxy.logLines.toString());
            assertEquals("deny", blocked.get("action").asText());
            assertEquals("waf", blocked.get("denied_by").asText());
            assertEquals(2001, blocked.get("waf").get(0).get("id").asInt());
        } finally {
            upstream.stop(0);
        }
    }
}
