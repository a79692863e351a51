package dev.palisade.proxy.pipeline;

import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.request.AlpRequest;
import dev.palisade.proxy.identity.ForwardedClientCert;
import dev.palisade.proxy.identity.SpiffeId;
import io.netty.handler.codec.http.HttpRequest;
import java.util.Optional;

/**
 * Application-layer policy: method and path (normalized by {@link AlpRequest#of}; a target that
 * cannot be normalized matches no path condition and is decided by the policy) and the caller.
 * Inline, the caller is known only from the {@code x-forwarded-client-cert} header of a mesh
 * proxy in front, when trusted ({@link #trustingForwardedClientCert}); otherwise it is unknown and
 * {@code from serviceaccount} / {@code from namespace} rules do not match.
 */
public final class AlpInspector implements Inspector {
    private final boolean trustForwardedClientCert;

    /** Callers unknown. */
    public AlpInspector() {
        this(false);
    }

    private AlpInspector(boolean trustForwardedClientCert) {
        this.trustForwardedClientCert = trustForwardedClientCert;
    }

    /** Callers named by the {@code x-forwarded-client-cert} header (only behind a proxy that sets it). */
    public static AlpInspector trustingForwardedClientCert() {
        return new AlpInspector(true);
    }

    @Override
    public Verdict onHeaders(PolicyBundle bundle, HttpRequest request) {
        Optional<SpiffeId> caller = trustForwardedClientCert
                ? ForwardedClientCert.caller(request.headers().getAll(ForwardedClientCert.HEADER)) : Optional.empty();
        AlpRequest alpRequest = AlpRequest.of(request.method().name(), request.uri(),
                caller.map(SpiffeId::serviceAccount).orElse(null), caller.map(SpiffeId::namespace).orElse(null));
        Decision decision = bundle.policy().decide(bundle.selection(), alpRequest);
        return new Verdict(!decision.allowed(), decision.allowed() ? 0 : decision.status(), "alp", decision);
    }
}
