package dev.palisade.dsl.seclang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.seclang.SecLangStatement.ActionItem;
import dev.palisade.dsl.seclang.SecLangStatement.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole OWASP Core Rule Set 3.3.4 as Debian installs it parses without a single diagnostic,
 * and what comes out matches the independent count in {@code shared/crs-feature-usage.md}.
 */
class CoreRuleSetParseTest {
    private static final Path LOADER = Path.of("/usr/share/modsecurity-crs/owasp-crs.load");
    private static List<SecLangStatement> statements;
    private static Diagnostics diagnostics;

    @BeforeAll
    static void parseTheCoreRuleSet() {
        Assumptions.assumeTrue(Files.isReadable(LOADER),
                "skipped: no OWASP CRS at " + LOADER + " (install Debian's modsecurity-crs package)");
        diagnostics = new Diagnostics();
        SecLangSources.Loaded loaded = SecLangSources.load(LOADER, diagnostics);
        statements = SecLangStatements.of(loaded.directives(), diagnostics);
    }

    @Test
    void parsesWithoutDiagnostics() {
        assertEquals(List.of(), diagnostics.sorted());
    }

    @Test
    void countsMatchTheFeatureUsageReport() {
        Map<String, Long> kinds = statements.stream()
                .collect(Collectors.groupingBy(statement -> statement.getClass().getSimpleName(), Collectors.counting()));
        assertEquals(790, kinds.get("Rule"), kinds::toString);
        assertEquals(10, kinds.get("UnconditionalRule"), kinds::toString);
        assertEquals(40, kinds.get("Marker"), kinds::toString);
        assertEquals(2, kinds.get("DefaultAction"), kinds::toString);
        long ids = statements.stream().flatMap(statement -> actions(statement).stream())
                .filter(action -> action.name().equals("id")).count();
        assertEquals(634, ids);
    }

    @Test
    void rule942100ReadsAsWritten() {
        Rule rule = statements.stream().filter(Rule.class::isInstance).map(Rule.class::cast)
                .filter(candidate -> value(candidate.actions(), "id").equals(Optional.of("942100")))
                .findFirst().orElseThrow();
        assertEquals("detectSQLi", rule.operator().name());
        assertEquals(8, rule.variables().size());
        SecLangStatement.Variable cookies = rule.variables().get(1);
        assertTrue(cookies.excluded() && cookies.keyIsRegex(), cookies.toString());
        assertEquals(Optional.of("__utm"), cookies.key());
        assertEquals(Optional.of("/*"), rule.variables().get(7).key());
        assertEquals(Optional.of("SQL Injection Attack Detected via libinjection"), value(rule.actions(), "msg"));
        assertEquals(Optional.of("tx.sql_injection_score=+%{tx.critical_anomaly_score}"),
                rule.actions().get(rule.actions().size() - 1).value());
        assertTrue(rule.span().file().endsWith("REQUEST-942-APPLICATION-ATTACK-SQLI.conf"), rule.span().toString());
        assertEquals(46, rule.span().line());
    }

    private static Optional<String> value(List<ActionItem> actions, String name) {
        return actions.stream().filter(action -> action.name().equals(name)).findFirst().flatMap(ActionItem::value);
    }

    private static List<ActionItem> actions(SecLangStatement statement) {
        Function<SecLangStatement, List<ActionItem>> of = s -> s instanceof Rule rule ? rule.actions()
                : s instanceof SecLangStatement.UnconditionalRule action ? action.actions() : List.of();
        return of.apply(statement);
    }
}
