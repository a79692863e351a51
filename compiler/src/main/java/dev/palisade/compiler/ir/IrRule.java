package dev.palisade.compiler.ir;

import dev.palisade.dsl.diag.Span;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * One ALP rule. Its conditions are ANDed; the entries of each condition are ORed; an absent
 * condition matches everything.
 *
 * @param methods the methods it matches, case-sensitive; empty when it matches any method
 * @param paths path conditions; empty when it matches any path (even one that cannot be normalized)
 * @param serviceAccounts the source service accounts it requires, if any
 * @param namespaces the source namespaces it requires, if any
 * @param text the rule as written, for logs
 */
public record IrRule(
        int index,
        Action action,
        Optional<SortedSet<String>> methods,
        List<IrPath> paths,
        Optional<SortedSet<String>> serviceAccounts,
        Optional<SortedSet<String>> namespaces,
        String text,
        Span span) {

    public enum Action { ALLOW, DENY }

    public IrRule {
        paths = List.copyOf(paths);
    }

    public boolean hasSourceCondition() {
        return serviceAccounts.isPresent() || namespaces.isPresent();
    }
}
