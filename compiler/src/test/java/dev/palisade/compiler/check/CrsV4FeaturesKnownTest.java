package dev.palisade.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.seclang.SecLangSources;
import dev.palisade.dsl.seclang.SecLangStatement;
import dev.palisade.dsl.seclang.SecLangStatements;
import dev.palisade.engine.operator.Operators;
import dev.palisade.engine.transform.Transformations;
import dev.palisade.engine.waf.Variables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operator, transformation, variable and action CRS v4.28.0 uses is one the engine knows
 * (docs/crs-v4-feature-usage.md counts them), and the release loads without a diagnostic, so
 * nothing v4 needs is skipped or refused.
 */
class CrsV4FeaturesKnownTest {
    private static final Path RELEASE =
            Path.of(System.getProperty("palisade.root", ".")).resolve("../shared/crs-rules/v4.28.0");

    private static final Set<String> OPERATORS = new TreeSet<>();
    private static final Set<String> TRANSFORMATIONS = new TreeSet<>();
    private static final Set<String> VARIABLES = new TreeSet<>();
    private static final Set<String> ACTIONS = new TreeSet<>();

    @BeforeAll
    static void readTheRelease() throws IOException {
        assumeTrue(Files.isDirectory(RELEASE.resolve("rules")), "skipped: no CRS v4.28.0 at " + RELEASE);
        List<Path> files = new ArrayList<>();
        files.add(RELEASE.resolve("crs-setup.conf.example"));
        try (Stream<Path> rules = Files.list(RELEASE.resolve("rules"))) {
            rules.filter(p -> p.toString().endsWith(".conf")).sorted().forEach(files::add);
        }
        Diagnostics diagnostics = new Diagnostics();
        for (Path file : files) {
            for (SecLangStatement statement : SecLangStatements.of(SecLangSources.load(file, diagnostics).directives(),
                    diagnostics)) {
                List<SecLangStatement.ActionItem> actions = List.of();
                if (statement instanceof SecLangStatement.Rule rule) {
                    OPERATORS.add(rule.operator().name());
                    rule.variables().forEach(variable -> VARIABLES.add(variable.collection()));
                    actions = rule.actions();
                } else if (statement instanceof SecLangStatement.UnconditionalRule action) {
                    actions = action.actions();
                } else if (statement instanceof SecLangStatement.DefaultAction defaults) {
                    actions = defaults.actions();
                } else if (statement instanceof SecLangStatement.UpdateTarget update) {
                    update.targets().forEach(variable -> VARIABLES.add(variable.collection()));
                }
                for (SecLangStatement.ActionItem action : actions) {
                    ACTIONS.add(action.name());
                    if (action.name().equals("t")) {
                        TRANSFORMATIONS.add(action.value().orElse(""));
                    }
                }
            }
        }
        assertEquals(List.of(), diagnostics.sorted());
    }

    private static Set<String> unknown(Set<String> used, Set<String> known) {
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(known);
        return missing;
    }

    @Test
    void theCountsMatchTheDocument() {
        // docs/crs-v4-feature-usage.md: 19 operators, 20 transformations, 33 collections, 23 actions.
        assertEquals(List.of(19, 20, 33, 23),
                List.of(OPERATORS.size(), TRANSFORMATIONS.size(), VARIABLES.size(), ACTIONS.size()),
                OPERATORS + "\n" + TRANSFORMATIONS + "\n" + VARIABLES + "\n" + ACTIONS);
    }

    @Test
    void everyOperatorIsKnownAndSupported() {
        assertEquals(Set.of(), unknown(OPERATORS, Operators.names()));
        Set<String> unsupported = new TreeSet<>(OPERATORS);
        unsupported.retainAll(Operators.unsupported());
        assertEquals(Set.of(), unsupported);
    }

    @Test
    void everyTransformationIsKnown() {
        assertEquals(Set.of(), unknown(TRANSFORMATIONS, Transformations.names()));
    }

    @Test
    void everyVariableIsKnown() {
        assertEquals(Set.of(), unknown(VARIABLES, Variables.NAMES));
    }

    @Test
    void everyActionIsKnown() {
        assertEquals(Set.of(), unknown(ACTIONS, WafCatalog.SECLANG_ACTIONS));
    }

    @Test
    void theReleaseLoadsWithoutADiagnosticAtTheSuitesSetup() {
        Diagnostics diagnostics = new Diagnostics();
        CrsRuleSet.load(CrsRuleSet.Options.v4RegressionSuite(RELEASE), diagnostics);
        assertEquals(List.of(), diagnostics.sorted());
    }
}
