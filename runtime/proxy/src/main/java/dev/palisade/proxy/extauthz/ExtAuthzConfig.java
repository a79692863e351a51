package dev.palisade.proxy.extauthz;

import dev.palisade.engine.request.Workload;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Where the authorization server listens and what it assumes when Envoy does not say.
 *
 * @param httpListen the HTTP authorization service ({@code http_service} in Envoy's ext_authz filter)
 * @param grpcListen the gRPC {@code envoy.service.auth.v3.Authorization} service, or {@code null} for none
 * @param pathPrefix the {@code path_prefix} Envoy puts before the original path ({@code ""} for none)
 * @param defaultWorkload the workload decided for when a check names none (CLI flags)
 * @param maxRequestBytes the largest check request body read (Envoy sends one only {@code with_request_body})
 * @param idleTimeout how long an idle HTTP connection from Envoy stays open
 * @param trustForwardedClientCert whether the HTTP service takes the caller from the forwarded
 *     {@code x-forwarded-client-cert} header (Envoy sets it with {@code forward_client_cert_details}
 *     and lets it through with {@code allowed_headers}); gRPC checks carry the principal themselves
 */
public record ExtAuthzConfig(InetSocketAddress httpListen, InetSocketAddress grpcListen, String pathPrefix,
        Workload defaultWorkload, int maxRequestBytes, Duration idleTimeout, boolean trustForwardedClientCert) {

    public ExtAuthzConfig {
        if (pathPrefix == null) {
            pathPrefix = "";
        }
        if (!pathPrefix.isEmpty() && !pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("the path prefix must start with /, got " + pathPrefix);
        }
        if (pathPrefix.endsWith("/")) {
            pathPrefix = pathPrefix.substring(0, pathPrefix.length() - 1);
        }
    }

    public static ExtAuthzConfig of(InetSocketAddress httpListen, InetSocketAddress grpcListen, String pathPrefix,
            Workload defaultWorkload) {
        return new ExtAuthzConfig(httpListen, grpcListen, pathPrefix, defaultWorkload, 64 * 1024, Duration.ofSeconds(60),
                false);
    }

    /** The same, taking callers from {@code x-forwarded-client-cert} over the HTTP service. */
    public ExtAuthzConfig trustingForwardedClientCert() {
        return new ExtAuthzConfig(httpListen, grpcListen, pathPrefix, defaultWorkload, maxRequestBytes, idleTimeout, true);
    }
}
