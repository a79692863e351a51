package dev.palisade.proxy.pipeline;

import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.request.AlpRequest;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Application-layer policy: method and path (normalized by {@link AlpRequest#of}; a target that
 * cannot be normalized matches no path condition and is decided by the policy). Source identity
 * (service account, namespace) is unknown in inline mode without mTLS, so it is {@code null}.
 */
public final class AlpInspector implements Inspector {

    @Override
    public Verdict onHeaders(PolicyBundle bundle, HttpRequest request) {
        AlpRequest alpRequest = AlpRequest.of(request.method().name(), request.uri());
        Decision decision = bundle.policy().decide(bundle.selection(), alpRequest);
        return new Verdict(!decision.allowed(), decision.allowed() ? 0 : decision.status(), "alp", decision);
    }
}
