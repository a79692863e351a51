package dev.palisade.compiler;

import java.util.regex.Pattern;

/** The Kubernetes name rules policy names, namespaces and service accounts must follow. */
public final class Names {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    private Names() {}

    /** RFC 1123 label, at most 63 characters: namespaces. */
    public static boolean isDnsLabel(String name) {
        return name.length() <= 63 && DNS_LABEL.matcher(name).matches();
    }

    /** RFC 1123 subdomain, at most 253 characters: service accounts, policies, tiers. */
    public static boolean isDnsSubdomain(String name) {
        return name.length() <= 253 && DNS_SUBDOMAIN.matcher(name).matches();
    }
}
