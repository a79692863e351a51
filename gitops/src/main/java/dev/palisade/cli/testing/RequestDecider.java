package dev.palisade.cli.testing;

import dev.palisade.engine.CompiledPolicy;
import dev.palisade.engine.Selection;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.request.Workload;
import dev.palisade.engine.waf.WafEngine;
import dev.palisade.engine.waf.WafResult;
import dev.palisade.proxy.pipeline.AlpInspector;
import dev.palisade.proxy.pipeline.Inspection;
import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.pipeline.RequestInspection;
import dev.palisade.proxy.pipeline.WafInspector;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a test's request as the deployed runtime does: through the proxy's own inspection, ALP
 * first (the compiled bytecode matcher, with the caller's identity), then, if ALP allows, the WAF of
 * the policies that select the workload.
 */
public final class RequestDecider {
    private final CompiledPolicy policy;
    private final Map<String, WafEngine> wafs;

    /** What decided a request: the ALP decision, and the WAF's result when the WAF ran. */
    public record Outcome(Decision alp, Optional<WafResult> waf) {
        public boolean allowed() {
            return alp.allowed() && (waf.isEmpty() || !waf.get().interrupted());
        }

        public int status() {
            return !alp.allowed() ? alp.status() : waf.map(result -> result.interruption().orElse(0)).orElse(0);
        }

        public String summary() {
            if (!alp.allowed() || waf.isEmpty()) {
                return alp.summary();
            }
            WafResult result = waf.get();
            String fired = result.firedIds().isEmpty() ? "no WAF rule fired" : "WAF rules " + result.firedIds();
            return result.interrupted() ? "deny " + status() + " by the WAF: " + fired
                    : alp.summary() + "; " + fired;
        }
    }

    public RequestDecider(CompiledPolicy policy, Map<String, WafEngine> wafs) {
        this.policy = policy;
        this.wafs = Map.copyOf(wafs);
    }

    /** The selection and WAFs for one workload; reuse it for every request to that workload. */
    public Target target(Workload workload) {
        return new Target(new PolicyBundle(policy, policy.select(workload), Instant.EPOCH, wafs));
    }

    public final class Target {
        private final PolicyBundle bundle;

        private Target(PolicyBundle bundle) {
            this.bundle = bundle;
        }

        public Selection selection() {
            return bundle.selection();
        }

        /** The runtime's own inspection (ALP with the test's caller, then the WAF), on the test's request. */
        public Outcome decide(TestRequest request) {
            AlpInspector.Caller caller = new AlpInspector.Caller(request.serviceAccount(), request.namespace());
            RequestInspection inspection = new RequestInspection(List.of(new AlpInspector(any -> caller), new WafInspector()));
            Inspection result = inspection.inspect(bundle, netty(request), Unpooled.wrappedBuffer(request.body()));
            // The WAF that interrupted, or else the last one that ran (what the proxy's verdict carries).
            List<WafResult> waf = result.wafResults();
            return new Outcome(result.alpDecision(), waf.isEmpty() ? Optional.empty() : Optional.of(waf.get(waf.size() - 1)));
        }
    }

    /** Headers as written, without Netty's validation: a test may send what a hostile client would. */
    private static HttpRequest netty(TestRequest request) {
        HttpRequest netty = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(request.method()),
                request.target(), DefaultHttpHeadersFactory.headersFactory().withValidation(false));
        request.headers().forEach(header -> netty.headers().add(header.name(), header.value()));
        return netty;
    }
}
