package dev.palisade.proxy.extauthz;

import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.log.Destination;
import dev.palisade.proxy.log.Exchange;
import dev.palisade.proxy.pipeline.AlpInspector;
import dev.palisade.proxy.pipeline.Inspection;
import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.pipeline.RequestInspection;
import dev.palisade.proxy.pipeline.WafInspector;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Decides one check, whichever protocol Envoy asked it over, and logs it as the proxy logs a
 * request (one JSON line, {@code "type":"alp"}). Fails closed: no bundle yet is 503, an internal
 * error 500, a request that cannot be described 400, all denials.
 */
final class Authorizer {
    /** RFC 9110 §5.6.2 token: what a method may be. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Request ids Envoy sends are reused when they are short and plain (they go into a header). */
    private static final Pattern PLAIN_ID = Pattern.compile("[0-9A-Za-z._:-]{1,128}");

    /** What Envoy tells about the original request. */
    record Query(String method, String target, String sourceServiceAccount, String sourceNamespace,
            Workload workload, String envoyRequestId, InetSocketAddress source, HttpHeaders headers, byte[] body) {

        /** A check that carries no headers or body (a malformed one, or one refused before inspection). */
        Query(String method, String target, String sourceServiceAccount, String sourceNamespace, Workload workload,
                String envoyRequestId, InetSocketAddress source) {
            this(method, target, sourceServiceAccount, sourceNamespace, workload, envoyRequestId, source,
                    EmptyHttpHeaders.INSTANCE, new byte[0]);
        }
    }

    /**
     * The answer: allowed, or denied with a status.
     *
     * @param policy the deciding policy (or {@code null} when none decided)
     */
    record Answer(String requestId, boolean allowed, int status, String policy) {
        String body() {
            return allowed ? "" : reason(status) + " Request id: " + requestId + "\n";
        }

        private static String reason(int status) {
            return switch (status) {
                case 400 -> "Bad Request: the request could not be decided.";
                case 500 -> "Internal Server Error: the request could not be decided.";
                case 503 -> "Service Unavailable: no policy loaded yet.";
                default -> "Request denied by policy.";
            };
        }
    }

    private final WorkloadSelections selections;
    private final RequestInspection inspection;
    private final DecisionLog log;

    Authorizer(PolicyHolder holder, RequestInspection inspection, DecisionLog log) {
        this.selections = new WorkloadSelections(holder);
        this.inspection = inspection;
        this.log = log;
    }

    /** ALP with the caller's identity when Envoy gives one, then the WAF on the headers and body Envoy sent. */
    static RequestInspection alpWithIdentityThenWaf() {
        // The caller Envoy vouched for (the gRPC principal, or x-forwarded-client-cert when trusted).
        AlpInspector alp = new AlpInspector(request -> request instanceof CheckedRequest checked
                ? new AlpInspector.Caller(checked.sourceServiceAccount(), checked.sourceNamespace())
                : AlpInspector.Caller.UNKNOWN);
        return new RequestInspection(java.util.List.of(alp, new WafInspector()));
    }

    Answer check(Query query) {
        String requestId = query.envoyRequestId() != null && PLAIN_ID.matcher(query.envoyRequestId()).matches()
                ? query.envoyRequestId() : newRequestId();
        if (query.method() == null || !TOKEN.matcher(query.method()).matches() || query.target() == null) {
            return reject(query, requestId, 400, "malformed_check");
        }
        Optional<PolicyBundle> bundle = selections.forWorkload(query.workload());
        if (bundle.isEmpty()) {
            return reject(query, requestId, 503, "no_policy_loaded");
        }
        Inspection result;
        try {
            CheckedRequest request = new CheckedRequest(query.method(), query.target(),
                    query.sourceServiceAccount(), query.sourceNamespace());
            request.headers().add(query.headers());
            result = inspection.inspect(bundle.get(), request, Unpooled.wrappedBuffer(query.body()), query.source());
        } catch (RuntimeException internal) {
            System.err.println("palisade: internal error deciding check " + requestId + ": " + internal
                    + " (this is a bug in Palisade, not in the policy)");
            return reject(query, requestId, 500, "internal_error");
        }
        int status = result.denied() ? result.status() : 200;
        log.write(new Exchange(requestId, Instant.now(), query.source(), query.method(), query.target(), result,
                true, null, Destination.of(query.workload())), status);
        Decision decision = result.alpDecision();
        return new Answer(requestId, !result.denied(), result.denied() ? status : 0,
                decision == null ? null : decision.policy());
    }

    /** A check refused before the policy ran. */
    Answer reject(Query query, String requestId, int status, String reason) {
        log.writeRejection(query.source(), query.method(), query.target(), status, reason);
        return new Answer(requestId, false, status, null);
    }

    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }
}
