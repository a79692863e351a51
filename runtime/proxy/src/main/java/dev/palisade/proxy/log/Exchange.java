package dev.palisade.proxy.log;

import dev.palisade.proxy.pipeline.Inspection;
import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * One request from receipt to response, as the log sees it.
 *
 * @param requestId the id sent to the upstream and the client as {@code X-Request-Id}
 * @param received when the complete request had been read
 * @param source the client's address
 * @param method the request method as received
 * @param target the request-target as received (not normalized: the log shows what was sent)
 * @param inspection what the inspectors said
 * @param bodyInspected whether the inspectors saw the body ({@code false}: it was over the limit and
 *     forwarded uninspected, as {@code --body-limit-action pass-uninspected} asks)
 * @param wafRulesHeader the value of the opt-in {@code X-Palisade-Waf-Rules} debug header, or
 *     {@code null} when it is off
 * @param destination the workload the request was for ({@link Destination#UNKNOWN} when not known)
 */
public record Exchange(String requestId, Instant received, InetSocketAddress source, String method, String target,
        Inspection inspection, boolean bodyInspected, String wafRulesHeader, Destination destination) {

    public Exchange {
        destination = destination == null ? Destination.UNKNOWN : destination;
    }

    public Exchange(String requestId, Instant received, InetSocketAddress source, String method, String target,
            Inspection inspection, boolean bodyInspected, String wafRulesHeader) {
        this(requestId, received, source, method, target, inspection, bodyInspected, wafRulesHeader,
                Destination.UNKNOWN);
    }

    public Exchange(String requestId, Instant received, InetSocketAddress source, String method, String target,
            Inspection inspection, boolean bodyInspected) {
        this(requestId, received, source, method, target, inspection, bodyInspected, null);
    }

    /** An exchange whose body, if any, was inspected. */
    public Exchange(String requestId, Instant received, InetSocketAddress source, String method, String target,
            Inspection inspection) {
        this(requestId, received, source, method, target, inspection, true);
    }
}
