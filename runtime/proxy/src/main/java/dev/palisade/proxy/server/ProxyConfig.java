package dev.palisade.proxy.server;

import dev.palisade.engine.request.Workload;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How an inline proxy listens and forwards.
 *
 * @param listen where clients connect
 * @param upstream the protected service (resolved once, at startup, never on an event loop)
 * @param admin where {@code /healthz}, {@code /readyz} and {@code /policies} answer, or {@code null}
 * @param workload the workload the listener protects (selects the policies that apply)
 * @param requestBodyLimit the largest request body read and inspected; beyond it: 413
 * @param upstreamConnectTimeout how long connecting to the upstream may take (then 504)
 * @param upstreamResponseTimeout the longest silence from the upstream (then 504, or a close
 *     once the response has started)
 * @param idleTimeout a client connection with no traffic either way for this long is closed
 * @param bodyLimitAction what a request body over {@code requestBodyLimit} gets: 413, or forwarded
 *     whole without its body inspected (and logged so)
 * @param drainTimeout on stop, how long exchanges in flight may take to finish before their
 *     connections are closed anyway
 */
public record ProxyConfig(
        InetSocketAddress listen,
        InetSocketAddress upstream,
        InetSocketAddress admin,
        Workload workload,
        int requestBodyLimit,
        Duration upstreamConnectTimeout,
        Duration upstreamResponseTimeout,
        Duration idleTimeout,
        BodyLimitAction bodyLimitAction,
        Duration drainTimeout) {

    public static final int DEFAULT_REQUEST_BODY_LIMIT = 1 << 20;
    /** RFC 9112 §3 recommends supporting request lines of at least 8000 octets. */
    public static final int MAX_REQUEST_LINE = 8192;
    public static final int MAX_HEADER_BYTES = 16384;
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);

    /** What a request body over the limit gets. */
    public enum BodyLimitAction {
        /** 413 Content Too Large, before the body is read when {@code Content-Length} says so. */
        REJECT,
        /**
         * Forwarded whole, its headers decided by the policy but its body not inspected, and the
         * decision log says so ({@code "body_inspected":false}). Never truncated. The body is
         * still buffered (not streamed), so it is bounded by {@link #PASS_UNINSPECTED_CEILING};
         * beyond that: 413.
         */
        PASS_UNINSPECTED;

        /** The largest body {@link #PASS_UNINSPECTED} forwards (it is held in memory). */
        public static final int PASS_UNINSPECTED_CEILING = 64 * 1024 * 1024;
    }

    public ProxyConfig {
        if (requestBodyLimit < 0) {
            throw new IllegalArgumentException("the request body limit cannot be negative");
        }
        if (bodyLimitAction == null) {
            bodyLimitAction = BodyLimitAction.REJECT;
        }
        if (drainTimeout == null) {
            drainTimeout = DEFAULT_DRAIN_TIMEOUT;
        }
    }

    /** Rejects bodies over the limit and drains for {@link #DEFAULT_DRAIN_TIMEOUT} on stop. */
    public ProxyConfig(InetSocketAddress listen, InetSocketAddress upstream, InetSocketAddress admin,
            Workload workload, int requestBodyLimit, Duration upstreamConnectTimeout,
            Duration upstreamResponseTimeout, Duration idleTimeout) {
        this(listen, upstream, admin, workload, requestBodyLimit, upstreamConnectTimeout, upstreamResponseTimeout,
                idleTimeout, BodyLimitAction.REJECT, DEFAULT_DRAIN_TIMEOUT);
    }

    /** Defaults for everything but the addresses and the workload. */
    public static ProxyConfig of(InetSocketAddress listen, InetSocketAddress upstream, InetSocketAddress admin,
            Workload workload) {
        return new ProxyConfig(listen, upstream, admin, workload, DEFAULT_REQUEST_BODY_LIMIT,
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    public ProxyConfig withRequestBodyLimit(int limit) {
        return new ProxyConfig(listen, upstream, admin, workload, limit, upstreamConnectTimeout,
                upstreamResponseTimeout, idleTimeout, bodyLimitAction, drainTimeout);
    }

    public ProxyConfig withIdleTimeout(Duration timeout) {
        return new ProxyConfig(listen, upstream, admin, workload, requestBodyLimit, upstreamConnectTimeout,
                upstreamResponseTimeout, timeout, bodyLimitAction, drainTimeout);
    }

    public ProxyConfig withUpstreamResponseTimeout(Duration timeout) {
        return new ProxyConfig(listen, upstream, admin, workload, requestBodyLimit, upstreamConnectTimeout, timeout,
                idleTimeout, bodyLimitAction, drainTimeout);
    }

    public ProxyConfig withBodyLimitAction(BodyLimitAction action) {
        return new ProxyConfig(listen, upstream, admin, workload, requestBodyLimit, upstreamConnectTimeout,
                upstreamResponseTimeout, idleTimeout, action, drainTimeout);
    }

    public ProxyConfig withDrainTimeout(Duration timeout) {
        return new ProxyConfig(listen, upstream, admin, workload, requestBodyLimit, upstreamConnectTimeout,
                upstreamResponseTimeout, idleTimeout, bodyLimitAction, timeout);
    }
}
