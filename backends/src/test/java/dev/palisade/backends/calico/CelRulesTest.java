package dev.palisade.backends.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.palisade.backends.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CEL rules run where the API server runs them, on what it would see, and what cannot run is counted. */
class CelRulesTest {
    private static JsonNode yaml(String text) {
        return Yaml.readStream(text).get(0);
    }

    private static final JsonNode SCHEMA = yaml("""
            type: object
            properties:
              rules:
                type: array
                items:
                  type: object
                  properties:
                    port: {x-kubernetes-int-or-string: true}
                    kind: {type: string, default: web}
                  x-kubernetes-validations:
                  - rule: self.port == 80 || self.port == 'http'
                    message: port must be http
                  - rule: self.kind == 'web'
                    message: only web
              labels:
                type: object
                additionalProperties:
                  type: string
                  x-kubernetes-validations:
                  - rule: size(self) <= 3
                    message: label too long
              name:
                type: string
                x-kubernetes-validations:
                - rule: self == oldSelf
                  message: name is immutable
            """);

    @Test
    void aRuleRunsAtEveryArrayItemAndMapValueItAppliesTo() {
        CelRules rules = new CelRules();
        List<String> failures = rules.check(SCHEMA, yaml("""
                rules: [{port: 80}, {port: http}, {port: 8080}, {port: "80"}]
                labels: {a: abc, b: abcd}
                """));
        assertEquals(List.of("/rules/2: port must be http", "/rules/3: port must be http", "/labels/b: label too long"),
                failures);
    }

    @Test
    void defaultsAreAppliedBeforeTheRulesRun() {
        CelRules rules = new CelRules();
        assertEquals(List.of(), rules.check(SCHEMA, yaml("rules: [{port: 80}]")));
        assertEquals(List.of("/rules/0: only web"), rules.check(SCHEMA, yaml("rules: [{port: 80, kind: db}]")));
    }

    @Test
    void transitionRulesDoNotRunOnACreateAndAreCounted() {
        CelRules rules = new CelRules();
        rules.compileAll(SCHEMA);
        assertEquals(List.of(), rules.check(SCHEMA, yaml("name: www")));
        assertEquals(1, rules.skipped().size());
        assertTrue(rules.skipped().get(0).startsWith("self == oldSelf"), rules.skipped().get(0));
    }

    @Test
    void anEvaluationErrorIsAFailure() {
        JsonNode schema = yaml("""
                type: object
                x-kubernetes-validations:
                - rule: self.spec.name == 'x'
                  message: name must be x
                """);
        List<String> failures = new CelRules().check(schema, yaml("kind: Thing"));
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).startsWith("/: name must be x (evaluation error:"), failures.get(0));
    }
}
