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
 */
public record ProxyConfig(
        InetSocketAddress listen,
        InetSocketAddress upstream,
        InetSocketAddress admin,
        Workload workload,
        int requestBodyLimit,
        Duration upstreamConnectTimeout,
        Duration upstreamResponseTimeout,
        Duration idleTimeout) {

    public static final int DEFAULT_REQUEST_BODY_LIMIT = 1 << 20;
    /** RFC 9112 §3 recommends supporting request lines of at least 8000 octets. */
    public static final int MAX_REQUEST_LINE = 8192;
    public static final int MAX_HEADER_BYTES = 16384;

    public ProxyConfig {
        if (requestBodyLimit < 0) {
            throw new IllegalArgumentException("the request body limit cannot be negative");
        }
    }

    /** Defaults for everything but the addresses and the workload. */
    public static ProxyConfig of(InetSocketAddress listen, InetSocketAddress upstream, InetSocketAddress admin,
            Workload workload) {
        return new ProxyConfig(listen, upstream, admin, workload, DEFAULT_REQUEST_BODY_LIMIT,
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    public ProxyConfig withRequestBodyLimit(int limit) {
        return new ProxyConfig(listen, upstream, admin, workload, limit, upstreamConnectTimeout,
                upstreamResponseTimeout, idleTimeout);
    }

    public ProxyConfig withIdleTimeout(Duration timeout) {
        return new ProxyConfig(listen, upstream, admin, workload, requestBodyLimit, upstreamConnectTimeout,
                upstreamResponseTimeout, timeout);
    }

    public ProxyConfig withUpstreamResponseTimeout(Duration timeout) {
        return new ProxyConfig(listen, upstream, admin, workload, requestBodyLimit, upstreamConnectTimeout, timeout,
                idleTimeout);
    }
}
