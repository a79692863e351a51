package dev.palisade.engine.waf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The response as ModSecurity's {@code RESPONSE_*} variables see it. */
public final class ResponseData {
    private final WafResponse response;
    private final List<Entry> headers = new ArrayList<>();
    private final String body;

    ResponseData(WafResponse response, ResponseBodyAccess access) {
        this.response = response;
        for (WafRequest.Header header : response.headers()) {
            headers.add(new Entry(header.name(), header.value()));
        }
        boolean inspected = access.inspects(response.header("Content-Type").orElse(null));
        int length = Math.min(response.body().length, access.limit());
        this.body = inspected ? new String(response.body(), 0, length, StandardCharsets.ISO_8859_1) : "";
    }

    public int status() {
        return response.status();
    }

    public String protocol() {
        return response.protocol();
    }

    public List<Entry> headers() {
        return headers;
    }

    /** The inspected body: empty when its type is not inspected. */
    public String body() {
        return body;
    }

    public String contentType() {
        return response.header("Content-Type").orElse("");
    }

    public String contentLength() {
        return response.header("Content-Length").orElse(Integer.toString(response.body().length));
    }
}
