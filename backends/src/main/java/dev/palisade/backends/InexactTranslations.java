package dev.palisade.backends;

import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a target can carry a policy only in a weaker form, the severity of saying so. A backend
 * reports such a translation as a warning under its code; {@link #emit} then decides, in this one
 * place for every backend:
 * <ul>
 *   <li>a weaker translation that never lets through what the policy denies ({@link #ACCEPTABLE})
 *       stays a warning when the user accepted its code ({@code palisade build --accept-inexact
 *       CODE}), and is otherwise an error saying how to accept it: a build never weakens a policy
 *       without being asked to;
 *   <li>one that would let through what the policy denies ({@link #REFUSED}) is always an error.
 * </ul>
 * Diagnostics of other codes pass unchanged.
 */
public final class InexactTranslations {
    /** Weaker but safe: the code, and why accepting it lets nothing through that the policy denies. */
    static final Map<DiagnosticCode, String> ACCEPTABLE = byId(Map.of(
            DiagnosticCode.WAF_ATTACHMENT, "Calico's global WAF inspects more workloads than the policy selects, not fewer",
            DiagnosticCode.WAF_CRS_SETTING, "Calico's WAF inspects the same requests with its own Core Rule Set release"
                    + " at the policy's paranoia level, thresholds and limits",
            DiagnosticCode.ENVOY_PATH_SPELLINGS, "Envoy's RBAC filter refuses the other spellings of an allowed path,"
                    + " and the runtime behind ext_authz still enforces every deny rule"));

    /** Weaker and unsafe: the code, and what it would let through. */
    static final Map<DiagnosticCode, String> REFUSED = byId(Map.of(
            DiagnosticCode.WAF_ROUTE_ATTACHMENT, "requests reaching the workload other than through that route would"
                    + " get no WAF inspection from Calico"));

    private InexactTranslations() {}

    /** Runs {@code backend}, reporting what it found to {@code diagnostics} with the severity decided here. */
    public static BackendOutput emit(Backend backend, BuildInput input, BuildOptions options, Diagnostics diagnostics) {
        Diagnostics found = new Diagnostics();
        BackendOutput output = backend.emit(input, options, found);
        for (Diagnostic diagnostic : found.sorted()) {
            diagnostics.report(decide(diagnostic, options));
        }
        return output;
    }

    /** Whether {@code --accept-inexact} may name {@code code}. */
    public static boolean acceptable(DiagnosticCode code) {
        return ACCEPTABLE.containsKey(code);
    }

    /** Why {@code code} cannot be accepted, when it names a translation that would widen the policy. */
    public static Optional<String> refusal(DiagnosticCode code) {
        return Optional.ofNullable(REFUSED.get(code));
    }

    /** The codes {@code --accept-inexact} takes, comma-separated. */
    public static String acceptableCodes() {
        return String.join(", ", ACCEPTABLE.keySet().stream().map(DiagnosticCode::id).toList());
    }

    static Diagnostic decide(Diagnostic diagnostic, BuildOptions options) {
        DiagnosticCode code = diagnostic.code();
        if (diagnostic.isError()) {
            return diagnostic;
        }
        if (REFUSED.containsKey(code)) {
            return Diagnostic.error(code, diagnostic.span(), diagnostic.message() + ": " + REFUSED.get(code))
                    .withHelp(diagnostic.help().orElse(null));
        }
        if (ACCEPTABLE.containsKey(code) && !options.acceptedInexact().contains(code)) {
            return Diagnostic.error(code, diagnostic.span(), diagnostic.message()).withHelp("a weaker translation ("
                    + ACCEPTABLE.get(code) + "): accept it with `palisade build --accept-inexact " + code.id() + "`"
                    + diagnostic.help().map(help -> "; " + help).orElse(""));
        }
        return diagnostic;
    }

    /** Sorted by code, so messages list them in a stable order. */
    private static Map<DiagnosticCode, String> byId(Map<DiagnosticCode, String> reasons) {
        Map<DiagnosticCode, String> sorted = new TreeMap<>(Comparator.comparing(DiagnosticCode::id));
        sorted.putAll(reasons);
        return Collections.unmodifiableMap(sorted);
    }
}
