package dev.palisade.compiler.lower;

import dev.palisade.compiler.Names;
import dev.palisade.compiler.ir.IrPath;
import dev.palisade.compiler.ir.IrRule;
import dev.palisade.dsl.ast.AlpRule;
import dev.palisade.dsl.ast.MethodRef;
import dev.palisade.dsl.ast.PathMatch;
import dev.palisade.dsl.ast.SourceClause;
import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.engine.request.PathNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** Lowers the rules of one {@code alp} block, checking methods, paths and sources as it goes. */
final class LowerAlpRules {
    private final Diagnostics diagnostics;

    LowerAlpRules(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * @param policyNamespace the namespace of a namespaced policy: like Calico, a service account
     *     condition in a namespaced policy means accounts of that namespace unless the rule says
     *     which namespaces
     */
    List<IrRule> lower(List<AlpRule> rules, Optional<String> policyNamespace) {
        List<IrRule> lowered = new ArrayList<>();
        for (AlpRule rule : rules) {
            Optional<SortedSet<String>> methods = methods(rule.methods());
            List<IrPath> paths = new ArrayList<>();
            for (PathMatch path : rule.paths()) {
                path(path).ifPresent(paths::add);
            }
            Optional<SortedSet<String>> accounts = Optional.empty();
            Optional<SortedSet<String>> namespaces = Optional.empty();
            for (SourceClause clause : rule.sources()) {
                SortedSet<String> names = names(clause);
                if (clause.kind() == SourceClause.Kind.SERVICE_ACCOUNT) {
                    accounts = Optional.of(merge(accounts, names));
                } else {
                    namespaces = Optional.of(merge(namespaces, names));
                }
            }
            if (accounts.isPresent() && namespaces.isEmpty() && policyNamespace.isPresent()) {
                namespaces = Optional.of(new TreeSet<>(List.of(policyNamespace.get())));
            }
            IrRule.Action action = rule.action() == AlpRule.RuleAction.ALLOW ? IrRule.Action.ALLOW : IrRule.Action.DENY;
            lowered.add(new IrRule(lowered.size(), action, methods, paths, accounts, namespaces, rule.text(), rule.span()));
        }
        return lowered;
    }

    private Optional<SortedSet<String>> methods(List<MethodRef> written) {
        if (written.isEmpty() || written.stream().anyMatch(MethodRef::any)) {
            return Optional.empty();
        }
        SortedSet<String> methods = new TreeSet<>();
        for (MethodRef method : written) {
            String name = method.name();
            if (method.quoted()) {
                if (!HttpMethods.isToken(name)) {
                    diagnostics.error(DiagnosticCode.UNKNOWN_METHOD, method.span(),
                            "`" + name + "` is not a valid HTTP method name",
                            "method names are tokens: letters, digits and !#$%&'*+-.^_`|~");
                    continue;
                }
            } else if (!HttpMethods.STANDARD.contains(name)) {
                diagnostics.error(DiagnosticCode.UNKNOWN_METHOD, method.span(), "unknown HTTP method `" + name + "`",
                        HttpMethods.suggest(name));
                continue;
            }
            if (!methods.add(name)) {
                diagnostics.warning(DiagnosticCode.DUPLICATE_METHOD, method.span(), "method `" + name + "` is listed twice");
            }
        }
        return Optional.of(methods);
    }

    private Optional<IrPath> path(PathMatch match) {
        StringLiteral literal = match.path();
        String written = literal.value();
        if (written.isEmpty() || written.charAt(0) != '/') {
            diagnostics.error(DiagnosticCode.PATH_NOT_ABSOLUTE, literal.span(), "path `" + written + "` does not start with `/`",
                    "write `\"/" + written + "\"`");
            return Optional.empty();
        }
        int query = indexOfAny(written, "?#");
        if (query >= 0) {
            diagnostics.error(DiagnosticCode.PATH_HAS_QUERY_OR_FRAGMENT, literal.spanAt(query),
                    "path `" + written + "` contains `" + written.charAt(query) + "`",
                    "paths match before the query and fragment; Calico rejects `?` and `#` in rule paths");
            return Optional.empty();
        }
        int space = indexOfAny(written, " \t");
        if (space >= 0) {
            diagnostics.error(DiagnosticCode.PATH_HAS_QUERY_OR_FRAGMENT, literal.spanAt(space),
                    "path `" + written + "` contains a space", "encode it as `%20`");
            return Optional.empty();
        }
        if (written.length() > 1024) {
            diagnostics.error(DiagnosticCode.PATH_TOO_LONG, literal.span(), "path is " + written.length()
                    + " characters long; Calico allows at most 1024");
            return Optional.empty();
        }
        PathNormalizer.Result result = PathNormalizer.normalizeRulePath(written);
        if (!result.ok()) {
            diagnostics.error(DiagnosticCode.PATH_NOT_NORMALIZABLE, literal.span(),
                    "path `" + written + "` can never match a request: " + result.rejection());
            return Optional.empty();
        }
        String shown = PathNormalizer.fromByteString(result.path());
        boolean trailingSlashOnPrefix = match.kind() == PathMatch.Kind.PREFIX && written.equals(shown + "/");
        if (!shown.equals(written) && !trailingSlashOnPrefix) {
            diagnostics.warning(DiagnosticCode.PATH_NOT_NORMAL, literal.span(),
                    "path `" + written + "` matches as `" + shown + "`, its normal form",
                    "requests are normalized before matching (see README, Path normalization); write `" + shown + "`");
        }
        IrPath.Kind kind = match.kind() == PathMatch.Kind.EXACT ? IrPath.Kind.EXACT : IrPath.Kind.PREFIX;
        return Optional.of(new IrPath(kind, result.path()));
    }

    private SortedSet<String> names(SourceClause clause) {
        SortedSet<String> names = new TreeSet<>();
        for (StringLiteral name : clause.names()) {
            boolean valid = clause.kind() == SourceClause.Kind.NAMESPACE
                    ? Names.isDnsLabel(name.value()) : Names.isDnsSubdomain(name.value());
            if (!valid) {
                String what = clause.kind() == SourceClause.Kind.NAMESPACE ? "namespace" : "service account";
                diagnostics.error(DiagnosticCode.INVALID_NAME, name.span(),
                        what + " `" + name.value() + "` is not a valid Kubernetes name",
                        "use lowercase letters, digits and `-`");
            }
            names.add(name.value());
        }
        return names;
    }

    private static SortedSet<String> merge(Optional<SortedSet<String>> earlier, SortedSet<String> more) {
        // Two `from serviceaccount` clauses in one rule must both hold: the intersection.
        if (earlier.isEmpty()) {
            return more;
        }
        SortedSet<String> both = new TreeSet<>(earlier.get());
        both.retainAll(more);
        return both;
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
