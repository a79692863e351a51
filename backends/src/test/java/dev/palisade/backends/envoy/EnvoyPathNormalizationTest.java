package dev.palisade.backends.envoy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.PathWithEscapedSlashesAction;
import com.google.protobuf.BoolValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The model of Envoy's path normalization the differential property trusts, held to the
 * behaviour Envoy's own path tests pin down ({@code test/common/http/path_utility_test.cc}:
 * canonicalization, merged slashes, unescaped slashes) and to the configuration the backend emits.
 */
class EnvoyPathNormalizationTest {

    private static final HttpConnectionManager EMITTED = HttpConnectionManager.newBuilder()
            .setNormalizePath(BoolValue.of(true)).setMergeSlashes(true)
            .setPathWithEscapedSlashesAction(PathWithEscapedSlashesAction.UNESCAPE_AND_FORWARD).build();

    @ParameterizedTest(name = "{0} canonicalizes to {1}")
    @CsvSource(delimiter = '|', nullValues = "REJECTED", value = {
            "/xyz                 | /xyz",
            "/a/b/../c            | /a/c",
            "/a/b/./c             | /a/b/c",
            "a/b/../c             | /a/c",
            "/a/b/../../../../c   | /c",
            "/a/..\\c             | /c",
            "/%c0%af              | /%c0%af",   // other escapes are kept as written, hex case too
            "/%5c%25              | /%5c%25",
            "/a/b/%2E%2E/c        | /a/c",
            "/a/b/%2e%2e/c        | /a/c",
            "/A/B/C               | /A/B/C",
            "/a/%2F%2f/c          | /a/%2F%2f/c",
            "/%41%7e%2d           | /A~-",       // escapes of unreserved characters are decoded
            "/a b                 | /a%20b",     // what must be escaped is, in upper case
            "/a;x=1/b             | /a;x=1/b",   // matrix parameters stay
            "/xyz/.%00../abc      | REJECTED",
            "/xyz/%00.%00./abc    | REJECTED",
            "/xyz/AAAAA%%0000/abc | REJECTED"})
    void canonicalizesAsChromiumDoes(String path, String expected) {
        assertEquals(expected, EnvoyPathNormalization.canonicalize(path));
    }

    @ParameterizedTest(name = "{0} reaches the filters as {1}")
    @CsvSource(delimiter = '|', nullValues = "REJECTED", value = {
            "//a/b/c                           | /a/b/c",
            "/a//b/c//                         | /a/b/c/",
            "/a//b?a=///c                      | /a/b?a=///c",   // the query is left alone
            "/a%2Fb%2fc/                       | /a/b/c/",
            "/x/%2E%2e/z%2f%2Fabc%5C../def     | /z/def",
            "/a%2Fb?%2f                        | /a/b?%2f",
            "/a#frag?x                         | /a",
            "/a//../b                          | /a/b",            // `..` climbs out of the empty segment first
            "*                                 | REJECTED"})
    void normalizesAsTheEmittedConnectionManagerIsConfigured(String target, String expected) {
        assertEquals(expected, EnvoyPathNormalization.normalize(target, EMITTED));
    }

    @ParameterizedTest(name = "{0} with REJECT_REQUEST gives {1}")
    @CsvSource(delimiter = '|', nullValues = "REJECTED", value = {
            "/a%2fb | REJECTED",
            "/a%5Cb | REJECTED",
            "/a/b   | /a/b"})
    void escapedSlashesCanBeRefused(String target, String expected) {
        HttpConnectionManager rejecting = EMITTED.toBuilder()
                .setPathWithEscapedSlashesAction(PathWithEscapedSlashesAction.REJECT_REQUEST).build();
        assertEquals(expected, EnvoyPathNormalization.normalize(target, rejecting));
    }
}
