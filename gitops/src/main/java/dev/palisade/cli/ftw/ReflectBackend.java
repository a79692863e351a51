package dev.palisade.cli.ftw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.engine.waf.ByteText;
import dev.palisade.engine.waf.WafRequest;
import dev.palisade.engine.waf.WafResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backend the CRS v4 regression suite ran behind, emulated in process: albedo
 * (github.com/coreruleset/albedo). Its documented contract, which the response-rule tests (95x,
 * 980170) rely on:
 *
 * <ul>
 *   <li>{@code POST /reflect} with a JSON body {@code {status, headers, body, encodedBody,
 *       logMessage}} answers with that response: {@code status} (default 200), {@code headers} (a
 *       name to value map), and the body from {@code encodedBody} (base64) or else {@code body};
 *       {@code logMessage} only goes to albedo's own log.
 *   <li>Any other request that reaches it: 200 without a body.
 * </ul>
 *
 * Albedo is a Go server, so a response without a {@code Content-Type} gets the type Go's content
 * sniffing gives its body ({@code text/plain; charset=utf-8} for text, {@code text/html} for markup);
 * that type decides whether phase 4 reads the body ({@code SecResponseBodyMimeType}). A
 * {@code /reflect} body that is not a JSON object is a 400, as albedo refuses it.
 */
final class ReflectBackend {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReflectBackend() {}

    static WafResponse answer(WafRequest request) {
        String path = request.target();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (!"/reflect".equals(path) || !"POST".equals(request.method())) {
            return response(200, List.of(), new byte[0]);
        }
        JsonNode spec;
        try {
            spec = JSON.readTree(new String(request.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            spec = null;
        }
        if (spec == null || !spec.isObject()) {
            return response(400, List.of(), "invalid reflection spec\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        int status = spec.path("status").isInt() ? spec.get("status").asInt() : 200;
        if (status < 100 || status > 999) {
            status = 200;
        }
        List<WafRequest.Header> headers = new ArrayList<>();
        JsonNode given = spec.path("headers");
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> header = it.next();
            headers.add(new WafRequest.Header(ByteText.bytes(header.getKey()), ByteText.bytes(header.getValue().asText())));
        }
        byte[] body;
        if (spec.hasNonNull("encodedBody")) {
            try {
                body = Base64.getDecoder().decode(spec.get("encodedBody").asText());
            } catch (IllegalArgumentException e) {
                return response(400, List.of(), "invalid encodedBody\n".getBytes(StandardCharsets.ISO_8859_1));
            }
        } else {
            body = spec.path("body").asText("").getBytes(StandardCharsets.UTF_8);
        }
        return response(status, headers, body);
    }

    /** The response as Go's net/http writes it: Content-Type sniffed when missing, Content-Length set. */
    private static WafResponse response(int status, List<WafRequest.Header> given, byte[] body) {
        List<WafRequest.Header> headers = new ArrayList<>(given);
        boolean hasType = given.stream().anyMatch(h -> h.name().equalsIgnoreCase("Content-Type"));
        if (!hasType && body.length > 0) {
            headers.add(new WafRequest.Header("Content-Type", sniff(body)));
        }
        if (given.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Length"))) {
            headers.add(new WafRequest.Header("Content-Length", Integer.toString(body.length)));
        }
        return new WafResponse(status, "HTTP/1.1", headers, body);
    }

    /** The few outcomes of Go's http.DetectContentType that matter here: markup, XML, text, binary. */
    static String sniff(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1);
        String trimmed = head.stripLeading().toLowerCase(Locale.ROOT);
        for (String tag : new String[] {"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div",
                "<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--"}) {
            if (trimmed.startsWith(tag) && trimmed.length() > tag.length()
                    && (trimmed.charAt(tag.length()) == ' ' || trimmed.charAt(tag.length()) == '>')) {
                return "text/html; charset=utf-8";
            }
        }
        if (trimmed.startsWith("<?xml")) {
            return "text/xml; charset=utf-8";
        }
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1A) || (c >= 0x1C && c <= 0x1F)) {
                return "application/octet-stream";
            }
        }
        return "text/plain; charset=utf-8";
    }
}
