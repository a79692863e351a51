package dev.palisade.proxy.extauthz;

import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.palisade.engine.request.Workload;
import dev.palisade.proxy.identity.SpiffeId;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.envoyproxy.envoy.service.auth.v3.DeniedHttpResponse;
import io.envoyproxy.envoy.service.auth.v3.OkHttpResponse;
import io.envoyproxy.envoy.type.v3.HttpStatus;
import io.envoyproxy.envoy.type.v3.StatusCode;
import io.grpc.stub.StreamObserver;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Envoy's gRPC authorization contract, {@code envoy.service.auth.v3.Authorization/Check}: the
 * original request in {@code attributes.request.http}, the peer's SPIFFE id in
 * {@code attributes.source.principal}, the workload in {@code attributes.context_extensions}.
 * Allowed is {@code OK} with an {@code ok_response}; denied is {@code PERMISSION_DENIED} with a
 * {@code denied_response} carrying the HTTP status and body the client gets.
 */
final class GrpcAuthorizationService extends AuthorizationGrpc.AuthorizationImplBase {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private final Authorizer authorizer;
    private final Workload defaults;

    GrpcAuthorizationService(Authorizer authorizer, Workload defaults) {
        this.authorizer = authorizer;
        this.defaults = defaults;
    }

    @Override
    public void check(CheckRequest request, StreamObserver<CheckResponse> responses) {
        responses.onNext(answer(request));
        responses.onCompleted();
    }

    CheckResponse answer(CheckRequest request) {
        AttributeContext attributes = request.getAttributes();
        AttributeContext.HttpRequest http = attributes.getRequest().getHttp();
        String envoyId = http.getHeadersOrDefault(HttpAuthzHandler.REQUEST_ID, http.getId());
        InetSocketAddress source = socketAddress(attributes.getSource().getAddress());
        Optional<SpiffeId> caller = SpiffeId.parse(attributes.getSource().getPrincipal());
        String method = http.getMethod().isEmpty() ? null : http.getMethod();
        String path = http.getPath().isEmpty() ? null : http.getPath();
        Workload workload;
        try {
            workload = WorkloadExtensions.workload(attributes.getContextExtensionsMap(), defaults);
        } catch (IllegalArgumentException malformed) {
            Authorizer.Query query = new Authorizer.Query(method, path, null, null, defaults, envoyId, source);
            return response(authorizer.reject(query, Authorizer.newRequestId(), 403, "bad_context_extensions"));
        }
        Authorizer.Query query = new Authorizer.Query(method, path,
                caller.map(SpiffeId::serviceAccount).orElse(null), caller.map(SpiffeId::namespace).orElse(null),
                workload, envoyId.isEmpty() ? null : envoyId, source, headers(http), body(http));
        return response(authorizer.check(query));
    }

    /** The original request's headers as Envoy lists them (names lower-case; pseudo-headers left out). */
    private static HttpHeaders headers(AttributeContext.HttpRequest http) {
        HttpHeaders headers = new DefaultHttpHeaders(false);
        http.getHeadersMap().forEach((name, value) -> {
            if (!name.startsWith(":")) {
                headers.add(name, value);
            }
        });
        return headers;
    }

    /**
     * The body Envoy buffered ({@code with_request_body}): {@code raw_body} when it sends bytes
     * ({@code pack_as_bytes}), else {@code body}; empty when it sends none.
     */
    private static byte[] body(AttributeContext.HttpRequest http) {
        if (!http.getRawBody().isEmpty()) {
            return http.getRawBody().toByteArray();
        }
        return http.getBody().getBytes(StandardCharsets.UTF_8);
    }

    private static CheckResponse response(Authorizer.Answer answer) {
        if (answer.allowed()) {
            return CheckResponse.newBuilder()
                    .setStatus(Status.newBuilder().setCode(Code.OK_VALUE))
                    .setOkResponse(OkHttpResponse.newBuilder()
                            .addHeaders(header(HttpAuthzHandler.DECISION, "allow"))
                            .addHeaders(header(HttpAuthzHandler.POLICY, answer.policy() == null ? "none" : answer.policy())))
                    .build();
        }
        StatusCode code = StatusCode.forNumber(answer.status());
        return CheckResponse.newBuilder()
                .setStatus(Status.newBuilder().setCode(Code.PERMISSION_DENIED_VALUE))
                .setDeniedResponse(DeniedHttpResponse.newBuilder()
                        .setStatus(HttpStatus.newBuilder().setCode(code == null ? StatusCode.Forbidden : code))
                        .setBody(answer.body())
                        .addHeaders(header(HttpAuthzHandler.REQUEST_ID, answer.requestId()))
                        .addHeaders(header("content-type", "text/plain; charset=utf-8")))
                .build();
    }

    private static HeaderValueOption header(String key, String value) {
        return HeaderValueOption.newBuilder().setHeader(HeaderValue.newBuilder().setKey(key).setValue(value)).build();
    }

    /** The client's address for the log; only IP literals, so no name is ever looked up. */
    private static InetSocketAddress socketAddress(Address address) {
        if (!address.hasSocketAddress()) {
            return null;
        }
        String ip = address.getSocketAddress().getAddress();
        if (!IP_LITERAL.matcher(ip).matches()) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), address.getSocketAddress().getPortValue());
        } catch (UnknownHostException | IllegalArgumentException notLiteral) {
            return null;
        }
    }
}
