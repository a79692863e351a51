package dev.palisade.proxy.pipeline;

import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.request.AlpRequest;
import dev.palisade.proxy.identity.ForwardedClientCert;
import io.netty.handler.codec.http.HttpRequest;
import java.util.function.Function;

/**
 * Application-layer policy: method and path (normalized by {@link AlpRequest#of}; a target that
 * cannot be normalized matches no path condition and is decided by the policy) and the caller,
 * as the listener learns it: inline, only from the {@code x-forwarded-client-cert} header of a
 * trusted mesh proxy in front ({@link #trustingForwardedClientCert}); for ext_authz, from what Envoy
 * says in the check. An unknown caller matches no {@code from serviceaccount} / {@code from namespace}
 * condition.
 */
public final class AlpInspector implements Inspector {

    /** Who sent a request, as {@code from} conditions read it; either part may be unknown ({@code null}). */
    public record Caller(String serviceAccount, String namespace) {
        public static final Caller UNKNOWN = new Caller(null, null);
    }

    private final Function<HttpRequest, Caller> caller;

    /** Callers unknown. */
    public AlpInspector() {
        this(request -> Caller.UNKNOWN);
    }

    /** @param caller who sent a request, as this listener knows it */
    public AlpInspector(Function<HttpRequest, Caller> caller) {
        this.caller = caller;
    }

    /** Callers named by the {@code x-forwarded-client-cert} header (only behind a proxy that sets it). */
    public static AlpInspector trustingForwardedClientCert() {
        return new AlpInspector(request -> ForwardedClientCert.caller(request.headers().getAll(ForwardedClientCert.HEADER))
                .map(id -> new Caller(id.serviceAccount(), id.namespace())).orElse(Caller.UNKNOWN));
    }

    @Override
    public Verdict onHeaders(PolicyBundle bundle, HttpRequest request) {
        Caller from = caller.apply(request);
        AlpRequest alpRequest = AlpRequest.of(request.method().name(), request.uri(), from.serviceAccount(), from.namespace());
        Decision decision = bundle.policy().decide(bundle.selection(), alpRequest);
        return new Verdict(!decision.allowed(), decision.allowed() ? 0 : decision.status(), "alp", decision);
    }
}
