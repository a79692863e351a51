package dev.palisade.backends.calico;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The {@code x-kubernetes-validations} rules of a CRD, evaluated as the API server does on a
 * create: at every node of the object their schema node applies to, with {@code self} bound to
 * that node (after the schema's defaults are applied, as Kubernetes defaults before it
 * validates).
 *
 * <p>The Calico rules use only standard CEL ({@code has}, {@code size}, {@code all},
 * {@code exists}, {@code ?:}, comparisons), so no Kubernetes library function is added. A rule
 * that mentions {@code oldSelf} is a transition rule and does not run on a create: it is skipped,
 * logged and counted ({@link #skipped}), as is a rule this CEL cannot compile.
 */
final class CelRules {
    private static final Logger LOG = Logger.getLogger(CelRules.class.getName());

    private final CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
            .addVar("self", SimpleType.DYN)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .build();
    private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
    private final Map<String, CelRuntime.Program> programs = new HashMap<>();
    private final List<String> skipped = new ArrayList<>();

    /** Every rule that failed, as {@code /json/pointer: message}; empty when all hold. */
    List<String> check(JsonNode schema, JsonNode object) {
        List<String> failures = new ArrayList<>();
        walk(schema, CalicoSchemasDefaults.applied(schema, object), "", failures);
        return failures;
    }

    /** Compiles every rule under {@code schema} now, so {@link #skipped} is complete before any check. */
    void compileAll(JsonNode schema) {
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            program(rule.path("rule").asText());
        }
        schema.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("x-kubernetes-validations") && field.getValue().isContainerNode()) {
                if (field.getValue().isArray()) {
                    field.getValue().forEach(this::compileAll);
                } else {
                    compileAll(field.getValue());
                }
            }
        });
    }

    /** Rules not evaluated, each with why (distinct, in the order first met). */
    List<String> skipped() {
        return List.copyOf(skipped);
    }

    private void walk(JsonNode schema, JsonNode value, String path, List<String> failures) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            evaluate(rule, value, path, failures);
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            value.fields().forEachRemaining(field -> {
                JsonNode child = properties.has(field.getKey()) ? properties.get(field.getKey())
                        : schema.path("additionalProperties");
                if (child.isObject()) {
                    walk(child, field.getValue(), path + "/" + field.getKey(), failures);
                }
            });
        } else if (value.isArray() && schema.path("items").isObject()) {
            for (int i = 0; i < value.size(); i++) {
                walk(schema.get("items"), value.get(i), path + "/" + i, failures);
            }
        }
    }

    private void evaluate(JsonNode rule, JsonNode value, String path, List<String> failures) {
        String expression = rule.path("rule").asText();
        String message = rule.has("message") ? rule.get("message").asText() : "failed rule: " + expression;
        CelRuntime.Program program = program(expression);
        if (program == null) {
            return;
        }
        Object result;
        try {
            result = program.eval(Map.of("self", toCel(value)));
        } catch (CelEvaluationException e) {
            // The API server reports an evaluation error as a failed validation, so do we.
            failures.add(where(path) + message + " (evaluation error: " + e.getMessage() + ")");
            return;
        }
        if (!Boolean.TRUE.equals(result)) {
            failures.add(where(path) + message);
        }
    }

    private CelRuntime.Program program(String expression) {
        if (programs.containsKey(expression)) {
            return programs.get(expression);
        }
        CelRuntime.Program program = null;
        if (expression.contains("oldSelf")) {
            skip(expression, "a transition rule (oldSelf): it does not run on a create");
        } else {
            try {
                CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
                program = runtime.createProgram(ast);
            } catch (CelValidationException | CelEvaluationException e) {
                skip(expression, "does not compile here: " + e.getMessage());
            }
        }
        programs.put(expression, program);
        return program;
    }

    private void skip(String expression, String why) {
        String entry = expression + " — " + why;
        LOG.warning("CEL rule skipped: " + entry);
        skipped.add(entry);
    }

    private static String where(String path) {
        return (path.isEmpty() ? "/" : path) + ": ";
    }

    /** JSON as CEL sees it: maps, lists, int64, double, string, bool, null. */
    static Object toCel(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), toCel(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toCel(item)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isNull()) {
            return com.google.protobuf.NullValue.NULL_VALUE;
        }
        return node.asText();
    }
}
