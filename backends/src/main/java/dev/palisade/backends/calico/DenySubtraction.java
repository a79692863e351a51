package dev.palisade.backends.calico;

import dev.palisade.compiler.ir.IrPath;
import dev.palisade.engine.request.PathNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code allow \ deny} as a union of Calico matches. Calico's {@code http} match is only valid on
 * {@code Allow} rules, so a Palisade deny with a method or path condition cannot be a rule of its
 * own: the allows evaluated after it lose what it denies instead.
 *
 * <p>Both sides are products of four conditions, so the difference is the usual one for boxes:
 * for each condition in turn, the allow narrowed to the deny on the conditions before it, and to
 * what the deny leaves out on this one. The result is exact; when a condition's difference is not
 * a finite list Calico can write ("any method except {@code DELETE}", "the paths under
 * {@code /a} except {@code /a/b}"), the subtraction fails with the reason.
 */
final class DenySubtraction {

    /** The matches left, or why they cannot be written. */
    record Outcome(List<HttpMatch> left, Optional<String> inexpressible) {
        static Outcome of(List<HttpMatch> left) {
            return new Outcome(List.copyOf(left), Optional.empty());
        }

        static Outcome failure(String why) {
            return new Outcome(List.of(), Optional.of(why));
        }
    }

    /** A condition's difference: a value, or the reason it is not expressible. */
    private record Part<T>(Optional<T> value, String inexpressible) {}

    private DenySubtraction() {}

    static boolean intersects(HttpMatch allow, HttpMatch deny) {
        return namesIntersect(allow.methods(), deny.methods()) && pathsIntersect(allow.paths(), deny.paths())
                && namesIntersect(allow.serviceAccounts(), deny.serviceAccounts())
                && namesIntersect(allow.namespaces(), deny.namespaces());
    }

    static Outcome subtract(HttpMatch allow, HttpMatch deny) {
        if (!intersects(allow, deny)) {
            return Outcome.of(List.of(allow));
        }
        List<HttpMatch> left = new ArrayList<>();
        HttpMatch narrowed = allow;

        Part<SortedSet<String>> methods = namesDifference(allow.methods(), deny.methods(), "method");
        if (methods.inexpressible() != null) {
            return Outcome.failure(methods.inexpressible());
        }
        addUnlessEmpty(left, narrowed.withMethods(methods.value()));
        narrowed = narrowed.withMethods(namesIntersection(allow.methods(), deny.methods()));

        Part<List<IrPath>> paths = pathsDifference(allow.paths(), deny.paths());
        if (paths.inexpressible() != null) {
            return Outcome.failure(paths.inexpressible());
        }
        addUnlessEmpty(left, narrowed.withPaths(paths.value()));
        narrowed = narrowed.withPaths(pathsIntersection(allow.paths(), deny.paths()));

        Part<SortedSet<String>> accounts = namesDifference(allow.serviceAccounts(), deny.serviceAccounts(), "service account");
        if (accounts.inexpressible() != null) {
            return Outcome.failure(accounts.inexpressible());
        }
        addUnlessEmpty(left, narrowed.withServiceAccounts(accounts.value()));
        narrowed = narrowed.withServiceAccounts(namesIntersection(allow.serviceAccounts(), deny.serviceAccounts()));

        Part<SortedSet<String>> namespaces = namesDifference(allow.namespaces(), deny.namespaces(), "namespace");
        if (namespaces.inexpressible() != null) {
            return Outcome.failure(namespaces.inexpressible());
        }
        addUnlessEmpty(left, narrowed.withNamespaces(namespaces.value()));
        return Outcome.of(left);
    }

    private static void addUnlessEmpty(List<HttpMatch> left, HttpMatch match) {
        if (!match.matchesNothing()) {
            left.add(match);
        }
    }

    private static boolean namesIntersect(Optional<SortedSet<String>> a, Optional<SortedSet<String>> b) {
        return a.isEmpty() || b.isEmpty() || a.get().stream().anyMatch(b.get()::contains);
    }

    private static Optional<SortedSet<String>> namesIntersection(Optional<SortedSet<String>> a, Optional<SortedSet<String>> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        SortedSet<String> both = new TreeSet<>(a.get());
        both.retainAll(b.get());
        return Optional.of(both);
    }

    /** An empty set when nothing is left; absent never (absent would mean "anything"). */
    private static Part<SortedSet<String>> namesDifference(Optional<SortedSet<String>> allow,
            Optional<SortedSet<String>> deny, String what) {
        if (deny.isEmpty()) {
            return new Part<>(Optional.of(new TreeSet<>()), null);
        }
        if (allow.isEmpty()) {
            // An absent condition also matches callers Calico cannot name (unknown service account).
            return new Part<>(Optional.empty(), "'any " + what + " except " + quoted(deny.get())
                    + "' is not a list of " + what + "s");
        }
        SortedSet<String> left = new TreeSet<>(allow.get());
        left.removeAll(deny.get());
        return new Part<>(Optional.of(left), null);
    }

    private static boolean pathsIntersect(Optional<List<IrPath>> a, Optional<List<IrPath>> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return true;
        }
        return a.get().stream().anyMatch(x -> b.get().stream().anyMatch(y -> pathsIntersect(x, y)));
    }

    private static boolean pathsIntersect(IrPath x, IrPath y) {
        return x.matches(y.normalized()) && (y.kind() == IrPath.Kind.EXACT || x.kind() == IrPath.Kind.PREFIX)
                || y.matches(x.normalized());
    }

    private static Optional<List<IrPath>> pathsIntersection(Optional<List<IrPath>> a, Optional<List<IrPath>> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        Set<IrPath> both = new LinkedHashSet<>();
        for (IrPath x : a.get()) {
            for (IrPath y : b.get()) {
                if (covers(y, x)) {
                    both.add(x);
                } else if (covers(x, y)) {
                    both.add(y);
                }
            }
        }
        return Optional.of(List.copyOf(both));
    }

    /** Every path {@code inner} matches, {@code outer} matches too. */
    private static boolean covers(IrPath outer, IrPath inner) {
        return outer.matches(inner.normalized()) && (inner.kind() == IrPath.Kind.EXACT || outer.kind() == IrPath.Kind.PREFIX);
    }

    private static Part<List<IrPath>> pathsDifference(Optional<List<IrPath>> allow, Optional<List<IrPath>> deny) {
        if (deny.isEmpty()) {
            return new Part<>(Optional.of(List.of()), null);
        }
        if (allow.isEmpty()) {
            return new Part<>(Optional.empty(), "'any path except " + describe(deny.get())
                    + "' is not a list of exact/prefix paths");
        }
        List<IrPath> left = new ArrayList<>();
        for (IrPath kept : allow.get()) {
            if (deny.get().stream().anyMatch(denied -> covers(denied, kept))) {
                continue;
            }
            for (IrPath denied : deny.get()) {
                if (pathsIntersect(kept, denied)) {
                    return new Part<>(Optional.empty(), "'" + describe(List.of(kept)) + " except " + describe(List.of(denied))
                            + "' is not a list of exact/prefix paths");
                }
            }
            left.add(kept);
        }
        return new Part<>(Optional.of(left), null);
    }

    static String describe(List<IrPath> paths) {
        List<String> written = new ArrayList<>();
        for (IrPath path : paths) {
            written.add((path.kind() == IrPath.Kind.EXACT ? "exact \"" : "prefix \"")
                    + PathNormalizer.fromByteString(path.normalized()) + "\"");
        }
        return String.join(", ", written);
    }

    private static String quoted(SortedSet<String> names) {
        return "`" + String.join("`, `", names) + "`";
    }
}
