package dev.palisade.proxy.extauthz;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The original request as Envoy describes it in a check, shaped as a Netty request so the
 * proxy's {@link dev.palisade.proxy.pipeline.RequestInspection} decides it unchanged, plus the
 * caller's identity when Envoy knows it (the peer certificate's SPIFFE id, gRPC checks only).
 */
final class CheckedRequest extends DefaultHttpRequest {
    private final String sourceServiceAccount;
    private final String sourceNamespace;

    CheckedRequest(String method, String target, String sourceServiceAccount, String sourceNamespace) {
        super(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), target);
        this.sourceServiceAccount = sourceServiceAccount;
        this.sourceNamespace = sourceNamespace;
    }

    String sourceServiceAccount() {
        return sourceServiceAccount;
    }

    String sourceNamespace() {
        return sourceNamespace;
    }
}
