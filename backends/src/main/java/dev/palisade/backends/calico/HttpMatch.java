package dev.palisade.backends.calico;

import dev.palisade.compiler.ir.IrPath;
import dev.palisade.compiler.ir.IrRule;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * What one Calico rule matches: a product of four conditions, each absent (anything, even an
 * unknown value) or a finite set. Allow rules become lists of these once the denies before them
 * are subtracted ({@link DenySubtraction}).
 *
 * @param methods absent: any method
 * @param paths absent: any path, even one that cannot be normalized; present: never empty
 * @param serviceAccounts absent: any caller, known or not
 * @param namespaces absent: any caller, known or not
 */
record HttpMatch(Optional<SortedSet<String>> methods, Optional<List<IrPath>> paths,
        Optional<SortedSet<String>> serviceAccounts, Optional<SortedSet<String>> namespaces) {

    HttpMatch {
        paths = paths.map(List::copyOf);
    }

    static HttpMatch of(IrRule rule) {
        return new HttpMatch(rule.methods(), rule.paths().isEmpty() ? Optional.empty() : Optional.of(rule.paths()),
                rule.serviceAccounts(), rule.namespaces());
    }

    /** A present but empty set (two {@code from serviceaccount} clauses with nothing in common) matches nothing. */
    boolean matchesNothing() {
        return methods.map(SortedSet::isEmpty).orElse(false) || paths.map(List::isEmpty).orElse(false)
                || serviceAccounts.map(SortedSet::isEmpty).orElse(false) || namespaces.map(SortedSet::isEmpty).orElse(false);
    }

    /** Calico can express it as a {@code Deny} rule: no HTTP condition, sources only. */
    boolean hasHttpCondition() {
        return methods.isPresent() || paths.isPresent();
    }

    HttpMatch withMethods(Optional<SortedSet<String>> value) {
        return new HttpMatch(value, paths, serviceAccounts, namespaces);
    }

    HttpMatch withPaths(Optional<List<IrPath>> value) {
        return new HttpMatch(methods, value, serviceAccounts, namespaces);
    }

    HttpMatch withServiceAccounts(Optional<SortedSet<String>> value) {
        return new HttpMatch(methods, paths, value, namespaces);
    }

    HttpMatch withNamespaces(Optional<SortedSet<String>> value) {
        return new HttpMatch(methods, paths, serviceAccounts, value);
    }
}
