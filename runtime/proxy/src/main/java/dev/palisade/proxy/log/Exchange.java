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
 */
public record Exchange(String requestId, Instant received, InetSocketAddress source, String method, String target,
        Inspection inspection) {}
