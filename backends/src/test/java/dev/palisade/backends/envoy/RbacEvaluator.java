package dev.palisade.backends.envoy;

import io.envoyproxy.envoy.config.rbac.v3.Permission;
import io.envoyproxy.envoy.config.rbac.v3.Policy;
import io.envoyproxy.envoy.config.rbac.v3.Principal;
import io.envoyproxy.envoy.config.rbac.v3.RBAC.Action;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC;
import io.envoyproxy.envoy.type.matcher.v3.PathMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Envoy's RBAC HTTP filter, from its documentation ({@code config/rbac/v3/rbac.proto}), applied
 * to a parsed {@code RBAC} message: a policy matches when one of its permissions and one of its
 * principals match; with {@code action: ALLOW} a request is allowed iff some policy matches, with
 * {@code DENY} iff none does; a filter without {@code rules} enforces nothing. Matchers it does not
 * know fail the test rather than guess.
 */
final class RbacEvaluator {

    /**
     * A request as the RBAC filter sees it.
     *
     * @param path {@code :path} after the connection manager's normalization (query included)
     * @param principal the peer certificate's URI SAN, or {@code null} without one
     */
    record Request(String method, String path, String principal) {}

    private RbacEvaluator() {}

    static boolean allows(Optional<RBAC> filter, Request request) {
        if (filter.isEmpty() || !filter.get().hasRules()) {
            return true;
        }
        io.envoyproxy.envoy.config.rbac.v3.RBAC rules = filter.get().getRules();
        boolean matched = rules.getPoliciesMap().values().stream().anyMatch(policy -> matches(policy, request));
        if (rules.getAction() == Action.ALLOW) {
            return matched;
        }
        if (rules.getAction() == Action.DENY) {
            return !matched;
        }
        throw new UnsupportedOperationException("RBAC action " + rules.getAction());
    }

    private static boolean matches(Policy policy, Request request) {
        if (policy.hasCondition() || policy.hasCheckedCondition()) {
            throw new UnsupportedOperationException("RBAC policy conditions");
        }
        return policy.getPermissionsList().stream().anyMatch(permission -> matches(permission, request))
                && policy.getPrincipalsList().stream().anyMatch(principal -> matches(principal, request));
    }

    static boolean matches(Permission permission, Request request) {
        switch (permission.getRuleCase()) {
            case ANY:
                return permission.getAny();
            case AND_RULES:
                return permission.getAndRules().getRulesList().stream().allMatch(rule -> matches(rule, request));
            case OR_RULES:
                return permission.getOrRules().getRulesList().stream().anyMatch(rule -> matches(rule, request));
            case NOT_RULE:
                return !matches(permission.getNotRule(), request);
            case HEADER:
                return matches(permission.getHeader(), request);
            case URL_PATH:
                return matches(permission.getUrlPath(), request);
            default:
                throw new UnsupportedOperationException("RBAC permission " + permission.getRuleCase());
        }
    }

    static boolean matches(Principal principal, Request request) {
        switch (principal.getIdentifierCase()) {
            case ANY:
                return principal.getAny();
            case AND_IDS:
                return principal.getAndIds().getIdsList().stream().allMatch(id -> matches(id, request));
            case OR_IDS:
                return principal.getOrIds().getIdsList().stream().anyMatch(id -> matches(id, request));
            case NOT_ID:
                return !matches(principal.getNotId(), request);
            case HEADER:
                return matches(principal.getHeader(), request);
            case URL_PATH:
                return matches(principal.getUrlPath(), request);
            case AUTHENTICATED:
                // Without a peer certificate there is no authenticated principal; without
                // principal_name any authenticated peer matches.
                return request.principal() != null && (!principal.getAuthenticated().hasPrincipalName()
                        || matches(principal.getAuthenticated().getPrincipalName(), request.principal()));
            default:
                throw new UnsupportedOperationException("RBAC principal " + principal.getIdentifierCase());
        }
    }

    /** Only {@code :method} and {@code :path} exist in these requests. */
    private static boolean matches(HeaderMatcher header, Request request) {
        String value = switch (header.getName()) {
            case ":method" -> request.method();
            case ":path" -> request.path();
            default -> null;
        };
        if (header.getHeaderMatchSpecifierCase() != HeaderMatcher.HeaderMatchSpecifierCase.STRING_MATCH) {
            throw new UnsupportedOperationException("header matcher " + header.getHeaderMatchSpecifierCase());
        }
        boolean matched = value != null && matches(header.getStringMatch(), value);
        return matched != header.getInvertMatch();
    }

    /** {@code url_path} compares the path without query and fragment. */
    private static boolean matches(PathMatcher matcher, Request request) {
        String path = request.path();
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '?' || path.charAt(i) == '#') {
                end = i;
                break;
            }
        }
        return matches(matcher.getPath(), path.substring(0, end));
    }

    static boolean matches(StringMatcher matcher, String value) {
        boolean ignoreCase = matcher.getIgnoreCase();
        String subject = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        switch (matcher.getMatchPatternCase()) {
            case EXACT:
                return subject.equals(fold(matcher.getExact(), ignoreCase));
            case PREFIX:
                return subject.startsWith(fold(matcher.getPrefix(), ignoreCase));
            case SUFFIX:
                return subject.endsWith(fold(matcher.getSuffix(), ignoreCase));
            case CONTAINS:
                return subject.contains(fold(matcher.getContains(), ignoreCase));
            case SAFE_REGEX:
                // Envoy's safe_regex matches the whole value (RE2 full match).
                return Pattern.compile(matcher.getSafeRegex().getRegex()).matcher(value).matches();
            default:
                throw new UnsupportedOperationException("string matcher " + matcher.getMatchPatternCase());
        }
    }

    private static String fold(String text, boolean ignoreCase) {
        return ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
    }
}
