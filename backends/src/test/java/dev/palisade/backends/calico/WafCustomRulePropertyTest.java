package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInputs;
import dev.palisade.backends.BuildOptions;
import dev.palisade.compiler.PolicyCompiler;
import dev.palisade.dsl.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Differential: a random custom rule, and the SecLang the Calico WAFPlugin carries for it, lower
 * to the same WAF IR (spans and data directories aside), so Calico's plugin says what the rule
 * says as far as Palisade's own SecLang reading can tell.
 */
class WafCustomRulePropertyTest {
    record When(String variables, String transformations, String operator) {
        String text() {
            return "        when " + variables + (transformations.isEmpty() ? "" : " | " + transformations) + " "
                    + operator + "\n";
        }
    }

    record Rule(int id, String phase, List<When> whens, String deny, List<String> actions) {
        String text() {
            StringBuilder out = new StringBuilder("    rule " + id + " \"custom rule " + id + "\" {\n");
            if (!phase.isEmpty()) {
                out.append("        phase ").append(phase).append('\n');
            }
            whens.forEach(w -> out.append(w.text()));
            actions.forEach(a -> out.append("        ").append(a).append('\n'));
            if (!deny.isEmpty()) {
                out.append("        ").append(deny).append('\n');
            }
            return out.append("    }\n").toString();
        }
    }

    @Property(tries = 60)
    void thePluginTextLowersToTheSameRules(@ForAll("rules") Rule rule) throws IOException {
        Path directory = Files.createTempDirectory("palisade-calico-custom-rule");
        try {
            BuildInput custom = compile(directory, "policy custom {\n    namespace \"shop\"\n    selector 'app == \"x\"'\n"
                    + "    waf {\n" + rule.text() + "    }\n}\n");
            Diagnostics diagnostics = new Diagnostics();
            List<ObjectNode> objects = WafPolicyResources.emit(custom, BuildOptions.defaults(), diagnostics);
            assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
            String before = objects.get(0).path("spec").path("before").asText();
            Files.writeString(directory.resolve("rendered.conf"), before);
            BuildInput rendered = compile(directory, "policy rendered {\n    namespace \"shop\"\n"
                    + "    selector 'app == \"x\"'\n    waf { seclang include \"rendered.conf\" }\n}\n");
            assertEquals(SpanFreeWafItems.of(custom.wafs().get("custom").ir().items()),
                    SpanFreeWafItems.of(rendered.wafs().get("rendered").ir().items()), () -> rule.text() + "\n" + before);
        } finally {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
        }
    }

    @Provide
    Arbitrary<Rule> rules() {
        Arbitrary<String> variables = Arbitraries.of("ARGS", "ARGS:username", "REQUEST_HEADERS:User-Agent",
                "ARGS, !ARGS:password", "&ARGS", "REQUEST_FILENAME", "ARGS:\"/^id_/\"", "REQUEST_COOKIES, ARGS_NAMES");
        Arbitrary<String> transformations = Arbitraries.of("", "lowercase", "urlDecodeUni lowercase",
                "compressWhitespace trim", "removeNulls");
        Arbitrary<String> operators = Arbitraries.of("@rx \"^a+b\"", "@streq \"admin\"", "@beginsWith \"/admin\"",
                "@detectSQLi", "@detectXSS", "!@contains \"ok\"", "@eq \"0\"", "@gt \"3\"", "@pm \"foo bar\"",
                // quotes and backslashes, which the SecLang text must escape
                "@streq \"a\\\"b\"", "@rx \"\\\\d+\\\\\\\\\"");
        Arbitrary<When> when = Combinators.combine(variables, transformations, operators).as(When::new);
        Arbitrary<String> actions = Arbitraries.of("severity \"critical\"", "severity 2", "tag \"attack-x\"", "nolog",
                "log", "setvar \"tx.score=+5\"", "logdata \"%{MATCHED_VAR}\"");
        return Combinators.combine(Arbitraries.integers().between(1000, 99_999),
                Arbitraries.of("", "request-headers", "request-body", "response-headers", "response-body"),
                when.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of("", "deny", "deny 404"),
                actions.list().ofMaxSize(3)).as(Rule::new);
    }

    private static BuildInput compile(Path directory, String source) {
        try {
            Path file = directory.resolve(source.contains("rendered.conf") ? "rendered.pal" : "custom.pal");
            Files.writeString(file, source);
            PolicyCompiler.Result result = PolicyCompiler.check(List.of(file));
            assertFalse(result.diagnostics().hasErrors(), () -> source + result.diagnostics().sorted());
            return BuildInputs.from(result, new Diagnostics());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
