package dev.palisade.cli.ftw;

import java.util.List;
import java.util.Optional;

/** Stage inputs for unit tests, with the reference defaults. */
final class FtwInputs {
    private FtwInputs() {}

    static FtwInput v1(String method, String uri, List<FtwInput.Header> headers, String data) {
        return new FtwInput(FtwFormat.FTW_V1, "127.0.0.1", 80, "http", method, uri, "HTTP/1.1", headers,
                Optional.ofNullable(data), false, true, Optional.empty(), Optional.empty());
    }

    static FtwInput v4(String method, String uri, List<FtwInput.Header> headers, String data, boolean autocomplete) {
        return new FtwInput(FtwFormat.GO_FTW, "127.0.0.1", 80, "http", method, uri, "HTTP/1.1", headers,
                Optional.ofNullable(data), false, autocomplete, Optional.empty(), Optional.empty());
    }

    static FtwInput.Header header(String name, String value) {
        return new FtwInput.Header(name, value);
    }

    static FtwInput.Header host() {
        return header("Host", "localhost");
    }
}
