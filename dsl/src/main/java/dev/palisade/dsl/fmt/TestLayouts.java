package dev.palisade.dsl.fmt;

import dev.palisade.dsl.ast.NumberLiteral;
import dev.palisade.dsl.ast.StringLiteral.Quoting;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.dsl.grammar.PalisadeLexer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code test} blocks in canonical form: labels, namespace, then cases and properties as written. */
final class TestLayouts {
    private final PolicyLayouts layouts;
    private final SourceTokens tokens;

    TestLayouts(PolicyLayouts layouts) {
        this.layouts = layouts;
        this.tokens = layouts.tokens();
    }

    Layout test(TestDecl test) {
        Layout.Block shell = (Layout.Block) layouts.block("test " + test.name().text(), test.span(), List.of());
        List<Layout> examples = new ArrayList<>();
        test.cases().forEach(testCase -> examples.add(layouts.line(testCase(testCase), testCase.span())));
        test.properties().forEach(property -> examples.add(property(property)));
        examples.sort(Comparator.comparingInt(Layout::start));
        List<Layout> items = new ArrayList<>();
        test.labels().ifPresent(labels -> items.add(new TestLabels(tokens).layout(labels, shell, examples)));
        test.namespace().ifPresent(namespace -> items.add(layouts.setting("namespace " + StringText.of(namespace),
                namespace.span())));
        items.addAll(examples);
        return new Layout.Block(shell.header(), shell.start(), shell.openEnd(), shell.closeStart(), shell.end(), items);
    }

    private String testCase(TestDecl.TestCase testCase) {
        StringBuilder text = new StringBuilder(PolicyLayouts.method(testCase.method()))
                .append(' ').append(StringText.of(testCase.target()));
        if (testCase.sourceServiceAccount().isPresent()) {
            text.append(" from serviceaccount ").append(StringText.of(testCase.sourceServiceAccount().get()));
            testCase.sourceNamespace().ifPresent(namespace -> text.append(" namespace ").append(StringText.of(namespace)));
        } else {
            testCase.sourceNamespace().ifPresent(namespace -> text.append(" from namespace ").append(StringText.of(namespace)));
        }
        for (TestDecl.Header header : testCase.headers()) {
            text.append(" header ").append(StringText.of(header.name())).append(" = ").append(StringText.of(header.value()));
        }
        if (!testCase.cookies().isEmpty()) {
            text.append(" cookie ").append(fields(testCase.cookies()));
        }
        if (!testCase.form().isEmpty()) {
            text.append(" form ").append(fields(testCase.form()));
        }
        if (!testCase.multipart().isEmpty()) {
            text.append(" multipart ").append(testCase.multipart().stream()
                    .map(part -> part.name().text() + "=" + part.filename().map(name -> "file " + StringText.of(name) + " ").orElse("")
                            + StringText.of(part.content()))
                    .collect(Collectors.joining(" ")));
        }
        testCase.body().ifPresent(body -> text.append(testCase.jsonBody() ? " json " : " body ").append(StringText.of(body)));
        return text.append(" -> ").append(expectation(testCase.expected())).toString();
    }

    private static String fields(List<TestDecl.Field> fields) {
        return fields.stream().map(field -> field.name().text() + "=" + StringText.of(field.value())).collect(Collectors.joining(" "));
    }

    private Layout property(TestDecl.Property property) {
        List<Layout> statements = new ArrayList<>();
        for (TestDecl.Quantifier statement : property.statements()) {
            StringBuilder text = new StringBuilder("for all");
            if (!statement.methods().isEmpty()) {
                text.append(' ').append(PolicyLayouts.methods(statement.methods()));
            }
            text.append(" paths");
            statement.paths().ifPresent(paths -> text.append(' ').append(pathSet(paths)));
            if (statement.sourceServiceAccount().isPresent()) {
                text.append(" from serviceaccount ").append(StringText.of(statement.sourceServiceAccount().get()));
                statement.sourceNamespace().ifPresent(namespace -> text.append(" namespace ").append(StringText.of(namespace)));
            } else {
                statement.sourceNamespace().ifPresent(namespace -> text.append(" from namespace ").append(StringText.of(namespace)));
            }
            statement.form().ifPresent(form -> text.append(" form ").append(form.field().text()).append(" from ")
                    .append(StringText.of(form.file())));
            text.append(" -> ").append(expectation(statement.expected()));
            statements.add(layouts.line(text.toString(), statement.span()));
        }
        return layouts.block("property " + StringText.of(property.title()), property.span(), statements);
    }

    private static String pathSet(TestDecl.PathSet paths) {
        String negation = paths.negated() ? "not " : "";
        if (paths.prefix()) {
            return negation + "under " + StringText.of(paths.paths().get(0));
        }
        return negation + "in [" + PolicyLayouts.strings(paths.paths()) + "]";
    }

    private static String expectation(TestDecl.Expectation expected) {
        StringBuilder text = new StringBuilder();
        if (expected.allow()) {
            text.append(expected.quiet() ? "allow quietly" : "allow");
        } else {
            text.append("deny");
            expected.status().ifPresent(status -> text.append(' ').append(status.text()));
            if (!expected.ruleIds().isEmpty()) {
                text.append(" rule ").append(expected.ruleIds().stream().map(NumberLiteral::text).collect(Collectors.joining(", ")));
            }
        }
        expected.decider().ifPresent(decider -> text.append(' ').append(decider.text()));
        return text.toString();
    }

    /** The quoting a string token was written in; empty for a token that is not a string. */
    static Optional<Quoting> quoting(int tokenType) {
        return switch (tokenType) {
            case PalisadeLexer.STRING -> Optional.of(Quoting.DOUBLE);
            case PalisadeLexer.RAW_STRING -> Optional.of(Quoting.SINGLE);
            case PalisadeLexer.RAW_BLOCK -> Optional.of(Quoting.TRIPLE);
            default -> Optional.empty();
        };
    }
}
