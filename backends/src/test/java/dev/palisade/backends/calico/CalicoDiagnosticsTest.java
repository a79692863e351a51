package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.dsl.diag.Diagnostic;
import dev.palisade.dsl.diag.DiagnosticCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every error the Calico backend reports, at the line and column that needs it. */
class CalicoDiagnosticsTest {

    @Test
    void denyOfSomePathsAgainstAnAllowOfAnyPath() {
        Diagnostic error = onlyError("""
                policy p {
                    selector 'all()'
                    alp {
                        allow GET
                        deny path prefix "/debug"
                    }
                }
                """, DiagnosticCode.CALICO_DENY_NOT_EXPRESSIBLE, 5, 9);
        assertEquals("cannot express `deny path prefix \"/debug\"` in Calico against `allow GET` at bundle.pal:4:"
                + " Calico HTTP matches can only allow, and 'any path except prefix \"/debug\"' is not a list of"
                + " exact/prefix paths", error.message());
        assertTrue(error.help().orElseThrow().contains("Palisade runtime"), error.help().toString());
    }

    @Test
    void denyOfAPathInsideAnAllowedPrefix() {
        Diagnostic error = onlyError("""
                policy p {
                    selector 'all()'
                    alp {
                        allow GET path prefix "/api"
                        deny GET path exact "/api/admin"
                    }
                }
                """, DiagnosticCode.CALICO_DENY_NOT_EXPRESSIBLE, 5, 9);
        assertTrue(error.message().endsWith("'prefix \"/api\" except exact \"/api/admin\"' is not a list of exact/prefix paths"),
                error.message());
    }

    @Test
    void denyOfAMethodAgainstAnAllowOfAnyMethod() {
        Diagnostic error = onlyError("""
                policy p {
                    selector 'all()'
                    alp {
                        allow path prefix "/api"
                        deny DELETE
                    }
                }
                """, DiagnosticCode.CALICO_DENY_NOT_EXPRESSIBLE, 5, 9);
        assertTrue(error.message().endsWith("'any method except `DELETE`' is not a list of methods"), error.message());
    }

    @Test
    void laterPolicyThatMayReachBeyondTheDenysWorkloads() {
        Diagnostic error = onlyError("""
                policy a {
                    selector 'app == "a"'
                    order 1
                    alp {
                        deny path prefix "/debug"
                    }
                }
                policy b {
                    selector 'tier == "web"'
                    order 2
                    alp {
                        allow GET path prefix "/debug"
                    }
                }
                """, DiagnosticCode.CALICO_SELECTION_OVERLAP, 5, 9);
        assertTrue(error.message().contains("policy `b` at bundle.pal:8 may select workloads that policy `a` does not"),
                error.message());
    }

    @Test
    void quotedStarMethod() {
        onlyError("""
                policy p {
                    selector 'all()'
                    alp {
                        allow "*" path exact "/"
                    }
                }
                """, DiagnosticCode.CALICO_METHOD_NAMED_ANY, 4, 9);
    }

    @Test
    void pathTooLongOncePercentEncoded() {
        onlyError("""
                policy p {
                    selector 'all()'
                    alp {
                        allow GET path exact "/%s"
                    }
                }
                """.formatted("é".repeat(200)), DiagnosticCode.CALICO_PATH_TOO_LONG, 4, 9);
    }

    @Test
    void tierNamedLikeTheEndOfTiersTier() {
        onlyError("""
                tier palisade-end-of-tiers order 5 default deny
                policy p {
                    selector 'all()'
                    tier palisade-end-of-tiers
                    alp { allow GET }
                }
                """, DiagnosticCode.CALICO_RESERVED_NAME, 1, 1);
    }

    @Test
    void tierNamedLikeCalicosAdminTier() {
        onlyError("""
                policy p {
                    selector 'all()'
                    alp { allow GET }
                }
                tier kube-admin order 1000 default pass
                """, DiagnosticCode.CALICO_RESERVED_NAME, 5, 1);
    }

    @Test
    void tieredNameTooLong() {
        onlyError("""
                tier platform order 5 default deny
                policy %s {
                    selector 'all()'
                    tier platform
                    alp { allow GET }
                }
                """.formatted("a".repeat(240)), DiagnosticCode.CALICO_NAME_TOO_LONG, 2, 1);
    }

    @Test
    void orderTieBetweenANetworkPolicyAndAGlobalOne() {
        Diagnostic error = onlyError("""
                policy a {
                    namespace "ns1"
                    selector 'all()'
                    alp { deny from serviceaccount "sa1" }
                }
                policy b {
                    selector 'all()'
                    alp { allow GET }
                }
                """, DiagnosticCode.CALICO_ORDER_TIE, 6, 1);
        assertTrue(error.message().endsWith("Calico may not, as it breaks the tie by `ns1/a`"), error.message());
    }

    @Test
    void orderTieOfDisjointSelectionsIsFine() {
        CalicoBuild build = CalicoBuild.ofSource("""
                policy a {
                    namespace "ns1"
                    selector 'app == "a"'
                    alp { deny from serviceaccount "sa1" }
                }
                policy b {
                    selector 'app == "b"'
                    alp { allow GET }
                }
                """);
        assertTrue(build.emitted(), build.diagnostics()::toString);
    }

    @Test
    void selectorOnALabelCalicoSetsItself() {
        onlyError("""
                policy p {
                    selector 'projectcalico.org/namespace == "shop"'
                    alp { allow GET }
                }
                """, DiagnosticCode.CALICO_OWN_LABEL, 1, 1);
    }

    @Test
    void sourceNamespaceSelectorTooLong() {
        List<String> namespaces = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
            namespaces.add("\"namespace-" + i + "\"");
        }
        onlyError("""
                policy p {
                    selector 'all()'
                    alp {
                        allow GET from namespace %s
                    }
                }
                """.formatted(String.join(", ", namespaces)), DiagnosticCode.CALICO_SELECTOR_TOO_LONG, 4, 9);
    }

    @Test
    void tooManyRulesForOnePolicy() {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i <= 1024; i++) {
            rules.append("        allow GET path exact \"/p").append(i).append("\"\n");
        }
        onlyError("""
                policy p {
                    selector 'all()'
                    alp {
                %s    }
                }
                """.formatted(rules), DiagnosticCode.CALICO_TOO_MANY_RULES, 1, 1);
    }

    private static Diagnostic onlyError(String source, DiagnosticCode code, int line, int column) {
        CalicoBuild build = CalicoBuild.ofSource(source);
        assertTrue(build.compilation().ir().isPresent(), () -> "does not compile: " + build.compilation().diagnostics().sorted());
        List<Diagnostic> errors = build.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        Diagnostic error = errors.get(0);
        assertEquals(code, error.code(), error::toString);
        assertEquals(line, error.span().line(), error::toString);
        assertEquals(column, error.span().column(), error::toString);
        return error;
    }
}
