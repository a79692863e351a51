package dev.palisade.dsl.parse;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes' rules for label keys (apimachinery {@code validation.IsQualifiedName}): an optional
 * DNS subdomain prefix and {@code /}, then a name. Calico's own tokenizer is laxer, but a key
 * Kubernetes refuses can never be on a workload, so a selector using it is a mistake.
 */
public final class LabelKeys {
    public static final String HELP = "a label key is a name of up to 63 letters, digits, `-`, `_` or `.`, "
            + "optionally after a lowercase DNS prefix and `/`, like `app.kubernetes.io/name`";

    private static final int MAX_NAME = 63;
    private static final int MAX_PREFIX = 253;
    private static final Pattern NAME_CHARACTERS = Pattern.compile("[-A-Za-z0-9_.]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private LabelKeys() {
    }

    /** What is wrong with a key, as a diagnostic message, or empty when it is valid. */
    public static Optional<String> problem(String key) {
        int slash = key.indexOf('/');
        if (slash >= 0 && key.indexOf('/', slash + 1) >= 0) {
            return Optional.of("label key `" + key + "` has more than one `/`");
        }
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            Optional<String> prefixProblem = prefixProblem(key, key.substring(0, slash));
            if (prefixProblem.isPresent()) {
                return prefixProblem;
            }
        }
        if (name.isEmpty()) {
            return Optional.of("label key `" + key + "` has no name after `/`");
        }
        if (name.length() > MAX_NAME) {
            return Optional.of("label key name `" + name + "` is longer than 63 characters");
        }
        if (!NAME_CHARACTERS.matcher(name).matches()) {
            return Optional.of("label key name `" + name + "` may only contain letters, digits, `-`, `_` and `.`");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("label key name `" + name + "` must start and end with a letter or digit");
        }
        return Optional.empty();
    }

    private static Optional<String> prefixProblem(String key, String prefix) {
        if (prefix.isEmpty()) {
            return Optional.of("label key `" + key + "` has an empty prefix before `/`");
        }
        if (prefix.length() > MAX_PREFIX) {
            return Optional.of("label key prefix of `" + key + "` is longer than 253 characters");
        }
        if (!DNS_SUBDOMAIN.matcher(prefix).matches()) {
            return Optional.of("label key prefix `" + prefix + "` is not a lowercase DNS subdomain");
        }
        return Optional.empty();
    }
}
