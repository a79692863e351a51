package dev.palisade.proxy.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The caller's identity from {@code x-forwarded-client-cert} (XFCC), the header Envoy and Istio set
 * after verifying a client certificate ({@code forward_client_cert_details}): elements separated by
 * commas, one per proxy hop, each {@code Key=Value} pairs separated by semicolons, values possibly
 * double-quoted with {@code \"} escapes. The last element is the one the nearest proxy added, so
 * its {@code URI} (the certificate's URI SAN) names the caller Palisade's own proxy talked to.
 *
 * <p>Only meaningful when nothing but that proxy can reach Palisade: a client talking to Palisade
 * directly could write the header itself. Hence opt-in ({@code --trust-xfcc}).
 */
public final class ForwardedClientCert {
    public static final String HEADER = "x-forwarded-client-cert";

    private ForwardedClientCert() {}

    /** The caller, from all XFCC header values in order; empty when absent, malformed or not a SPIFFE id. */
    public static Optional<SpiffeId> caller(List<String> headerValues) {
        if (headerValues.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> elements = new ArrayList<>();
        for (String value : headerValues) {
            Optional<List<List<String>>> parsed = elements(value);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            elements.addAll(parsed.get());
        }
        if (elements.isEmpty()) {
            return Optional.empty();
        }
        String uri = null;
        for (String pair : elements.get(elements.size() - 1)) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase("URI")) {
                if (uri != null) {
                    return Optional.empty(); // two URIs in one element: ambiguous, trust neither
                }
                uri = pair.substring(equals + 1);
            }
        }
        return SpiffeId.parse(uri);
    }

    /** Elements of one header value, each as its unquoted {@code Key=Value} pairs; empty when malformed. */
    private static Optional<List<List<String>>> elements(String value) {
        List<List<String>> elements = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        StringBuilder pair = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < value.length()) {
                    pair.append(value.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    pair.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';' || c == ',') {
                pairs.add(pair.toString().trim());
                pair.setLength(0);
                if (c == ',') {
                    elements.add(pairs);
                    pairs = new ArrayList<>();
                }
            } else {
                pair.append(c);
            }
        }
        if (quoted) {
            return Optional.empty();
        }
        pairs.add(pair.toString().trim());
        elements.add(pairs);
        return Optional.of(elements);
    }
}
