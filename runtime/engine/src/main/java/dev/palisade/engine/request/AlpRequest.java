package dev.palisade.engine.request;

/**
 * What an application-layer-policy decision looks at, after path normalization.
 *
 * @param method the HTTP method exactly as received (methods are case-sensitive, RFC 9110 §9.1)
 * @param path the normalized path from {@link PathNormalizer}, or {@code null} when the
 *     request-target could not be normalized; a {@code null} path matches no path condition
 * @param sourceServiceAccount the caller's service account name, or {@code null} when unknown
 * @param sourceNamespace the caller's namespace, or {@code null} when unknown
 */
public record AlpRequest(String method, String path, String sourceServiceAccount, String sourceNamespace) {

    public AlpRequest {
        if (method == null) {
            throw new IllegalArgumentException("method is required");
        }
    }

    /** Builds the request from a raw request-target, normalizing its path once. */
    public static AlpRequest of(String method, String requestTarget, String serviceAccount, String namespace) {
        return new AlpRequest(method, PathNormalizer.normalize(requestTarget).path(), serviceAccount, namespace);
    }

    public static AlpRequest of(String method, String requestTarget) {
        return of(method, requestTarget, null, null);
    }
}
