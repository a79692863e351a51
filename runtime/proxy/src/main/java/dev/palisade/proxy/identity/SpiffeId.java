package dev.palisade.proxy.identity;

import java.util.Optional;

/**
 * A Kubernetes workload's SPIFFE id, {@code spiffe://TRUST-DOMAIN/ns/NAMESPACE/sa/SERVICE-ACCOUNT}
 * (the form Istio and Calico issue), as Envoy reports the peer in {@code attributes.source.principal}
 * and in the {@code URI} of {@code x-forwarded-client-cert}.
 */
public record SpiffeId(String trustDomain, String namespace, String serviceAccount) {

    /** The id, or empty for anything else (no principal, another URI form, a DNS name). */
    public static Optional<SpiffeId> parse(String principal) {
        if (principal == null || !principal.startsWith("spiffe://")) {
            return Optional.empty();
        }
        String rest = principal.substring("spiffe://".length());
        String[] parts = rest.split("/", -1);
        if (parts.length != 5 || !"ns".equals(parts[1]) || !"sa".equals(parts[3])
                || parts[0].isEmpty() || parts[2].isEmpty() || parts[4].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SpiffeId(parts[0], parts[2], parts[4]));
    }
}
