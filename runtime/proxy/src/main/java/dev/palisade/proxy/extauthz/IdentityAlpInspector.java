package dev.palisade.proxy.extauthz;

import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.request.AlpRequest;
import dev.palisade.proxy.pipeline.Inspector;
import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.pipeline.Verdict;
import io.netty.handler.codec.http.HttpRequest;

/**
 * ALP as {@link dev.palisade.proxy.pipeline.AlpInspector} decides it, plus the source identity
 * Envoy vouches for ({@code from serviceaccount} rules). Without one the source is unknown and
 * such rules do not match.
 */
final class IdentityAlpInspector implements Inspector {

    @Override
    public Verdict onHeaders(PolicyBundle bundle, HttpRequest request) {
        String serviceAccount = null;
        String namespace = null;
        if (request instanceof CheckedRequest checked) {
            serviceAccount = checked.sourceServiceAccount();
            namespace = checked.sourceNamespace();
        }
        AlpRequest alpRequest = AlpRequest.of(request.method().name(), request.uri(), serviceAccount, namespace);
        Decision decision = bundle.policy().decide(bundle.selection(), alpRequest);
        return new Verdict(!decision.allowed(), decision.allowed() ? 0 : decision.status(), "alp", decision);
    }
}
