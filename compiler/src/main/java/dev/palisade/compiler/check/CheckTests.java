package dev.palisade.compiler.check;

import dev.palisade.compiler.CompilationUnit;
import dev.palisade.compiler.Pass;
import dev.palisade.compiler.ir.IrBundle;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.compiler.lower.HttpMethods;
import dev.palisade.dsl.ast.MethodRef;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.dsl.ast.selector.SelectorWitness;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Suggestions;
import java.util.List;
import java.util.Optional;

/**
 * Test blocks: a test names a policy (or gives its workload's labels), its workload can be
 * found, a request has at most one body, expected statuses are error statuses, and what an
 * expectation says decided can decide so ({@link CheckExpectedDeciders}).
 */
public final class CheckTests implements Pass {
    @Override
    public CompilationUnit run(CompilationUnit unit, Diagnostics diagnostics) {
        IrBundle ir = unit.ir().orElseThrow(() -> new IllegalStateException("CheckTests runs after LowerPolicies"));
        List<String> names = ir.policies().stream().map(IrPolicy::name).toList();
        CheckExpectedDeciders deciders = new CheckExpectedDeciders(ir, diagnostics);
        for (TestDecl test : unit.tests()) {
            Optional<IrPolicy> policy = ir.policies().stream().filter(p -> p.name().equals(test.name().text())).findFirst();
            if (test.labels().isEmpty()) {
                if (policy.isEmpty()) {
                    diagnostics.error(DiagnosticCode.UNKNOWN_POLICY, test.name().span(),
                            "test `" + test.name().text() + "` names no policy and gives no `labels`",
                            Suggestions.didYouMean(test.name().text(), names)
                                    .orElse("name a policy, or add `labels app = \"…\"` for the workload"));
                } else if (SelectorWitness.find(policy.get().selector()).isEmpty()) {
                    diagnostics.error(DiagnosticCode.NO_WORKLOAD, test.name().span(),
                            "no workload labels satisfy the selector of policy `" + test.name().text() + "`",
                            "add `labels …` to say which workload the test is about");
                }
            }
            for (TestDecl.TestCase testCase : test.cases()) {
                method(testCase.method(), diagnostics);
                oneBody(testCase, diagnostics);
                expectation(testCase.expected(), diagnostics);
                deciders.check(testCase.expected());
            }
            for (TestDecl.Property property : test.properties()) {
                for (TestDecl.Quantifier statement : property.statements()) {
                    statement.methods().forEach(method -> method(method, diagnostics));
                    expectation(statement.expected(), diagnostics);
                    deciders.check(statement.expected());
                    statement.form().ifPresent(form -> corpus(form, diagnostics));
                }
            }
        }
        return unit;
    }

    /** A corpus is read at test time, relative to the policy file: it must be there and say something. */
    private static void corpus(TestDecl.FormCorpus form, Diagnostics diagnostics) {
        java.nio.file.Path file = corpusFile(form);
        try {
            if (corpusLines(file).isEmpty()) {
                diagnostics.error(DiagnosticCode.MISSING_FILE, form.file().span(),
                        "corpus `" + form.file().value() + "` has no lines to draw values from",
                        "one value a line; lines starting with # are comments");
            }
        } catch (java.io.IOException | java.io.UncheckedIOException unreadable) {
            diagnostics.error(DiagnosticCode.MISSING_FILE, form.file().span(),
                    "corpus `" + form.file().value() + "` cannot be read (" + file + ")",
                    "the path is relative to the policy file");
        }
    }

    /** Where a {@code form … from "FILE"} corpus is: relative to the file the test is written in. */
    public static java.nio.file.Path corpusFile(TestDecl.FormCorpus form) {
        java.nio.file.Path policy = java.nio.file.Path.of(form.file().span().file()).toAbsolutePath();
        return policy.resolveSibling(form.file().value()).normalize();
    }

    /** A corpus's values: its lines as written (UTF-8), without empty lines and {@code #} comments. */
    public static List<String> corpusLines(java.nio.file.Path file) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    /** {@code form}, {@code multipart}, {@code json} and {@code body} each make the whole body: one of them. */
    private static void oneBody(TestDecl.TestCase testCase, Diagnostics diagnostics) {
        List<String> bodies = new java.util.ArrayList<>();
        if (!testCase.form().isEmpty()) {
            bodies.add("form");
        }
        if (!testCase.multipart().isEmpty()) {
            bodies.add("multipart");
        }
        testCase.body().ifPresent(body -> bodies.add(testCase.jsonBody() ? "json" : "body"));
        if (bodies.size() > 1) {
            diagnostics.error(DiagnosticCode.ONE_BODY, testCase.span(),
                    "the request has " + String.join(" and ", bodies.stream().map(word -> "`" + word + "`").toList())
                            + ", and each makes the whole body",
                    "keep one; `form` and `multipart` take several fields");
        }
    }

    private static void method(MethodRef method, Diagnostics diagnostics) {
        if (method.quoted() || method.any()) {
            return;
        }
        List<String> standard = HttpMethods.STANDARD;
        if (!standard.contains(method.name())) {
            diagnostics.error(DiagnosticCode.UNKNOWN_METHOD, method.span(), "unknown HTTP method `" + method.name() + "`",
                    Suggestions.didYouMean(method.name(), standard).orElse("quote an extension method: `\"" + method.name() + "\"`"));
        }
    }

    private static void expectation(TestDecl.Expectation expected, Diagnostics diagnostics) {
        expected.status().ifPresent(status -> {
            long value = status.value().orElse(0);
            if (value < 400 || value > 599) {
                diagnostics.error(DiagnosticCode.INVALID_STATUS, status.span(),
                        "a denied request gets an error status, not " + status.text(), "write a status from 400 to 599, or leave it out");
            }
        });
    }
}
