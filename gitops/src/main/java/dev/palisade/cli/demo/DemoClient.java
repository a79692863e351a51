package dev.palisade.cli.demo;

import dev.palisade.engine.waf.WafRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one request on a fresh connection, exactly as given: {@code java.net.http.HttpClient}
 * would normalize targets such as {@code //passwords} or {@code /./passwords/}, and those are the
 * point of the demo. Reads a response framed by {@code Content-Length} or by the close.
 */
public final class DemoClient {
    /** The largest response the demo reads; its upstream and the proxy's denials are tiny. */
    private static final int MAX_RESPONSE = 64 * 1024;

    private DemoClient() {}

    /** A response as received; header names in lower case. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Connects, sends and reads, each step bounded by {@code timeout}. */
    public static Response exchange(InetSocketAddress address, DemoScenario scenario, Duration timeout)
            throws IOException {
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(address, millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write(request(address, scenario));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /**
     * The request as the WAF will see it: what {@link #exchange} sends, so the demo can work out
     * what the policy's WAF says about it. (The proxy drops {@code Connection} before inspection.)
     */
    public static WafRequest wafRequest(InetSocketAddress address, DemoScenario scenario) {
        List<WafRequest.Header> headers = new ArrayList<>();
        // A name, not the IP: CRS 920350 flags a numeric Host on every request.
        headers.add(new WafRequest.Header("Host", "localhost:" + address.getPort()));
        headers.add(new WafRequest.Header("User-Agent", "palisade-demo"));
        byte[] body = scenario.body() == null ? new byte[0] : scenario.body().getBytes(StandardCharsets.US_ASCII);
        if (scenario.body() != null) {
            headers.add(new WafRequest.Header("Content-Type", "application/x-www-form-urlencoded"));
            headers.add(new WafRequest.Header("Content-Length", Integer.toString(body.length)));
        }
        return new WafRequest(scenario.method(), scenario.target(), "HTTP/1.1", headers, body, "127.0.0.1", 0,
                "127.0.0.1", address.getPort());
    }

    private static byte[] request(InetSocketAddress address, DemoScenario scenario) {
        WafRequest request = wafRequest(address, scenario);
        StringBuilder text = new StringBuilder()
                .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        for (WafRequest.Header header : request.headers()) {
            text.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        text.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(request.body());
        return bytes.toByteArray();
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine == null ? new String[0] : statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("no HTTP response (got " + (statusLine == null ? "nothing" : statusLine) + ")");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException malformed) {
            throw new IOException("malformed status line: " + statusLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        String length = headers.get("content-length");
        byte[] body = length != null ? in.readNBytes(Math.min(MAX_RESPONSE, Integer.parseInt(length.trim())))
                : in.readNBytes(MAX_RESPONSE);
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int next = in.read(); next >= 0; next = in.read()) {
            if (next == '\n') {
                String text = bytes.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (bytes.size() >= MAX_RESPONSE) {
                throw new IOException("response line over " + MAX_RESPONSE + " bytes");
            }
            bytes.write(next);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
