package dev.palisade.dsl.parse;

import dev.palisade.dsl.ast.MethodRef;
import dev.palisade.dsl.ast.NumberLiteral;
import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.grammar.PalisadeParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parse tree → AST for {@code test} blocks. */
final class TestBuilder {
    private final Literals literals;
    private final Diagnostics diagnostics;

    TestBuilder(Literals literals, Diagnostics diagnostics) {
        this.literals = literals;
        this.diagnostics = diagnostics;
    }

    TestDecl test(PalisadeParser.TestDeclContext context) {
        Map<String, String> labels = null;
        StringLiteral namespace = null;
        List<TestDecl.TestCase> cases = new ArrayList<>();
        List<TestDecl.Property> properties = new ArrayList<>();
        for (PalisadeParser.TestItemContext item : context.testItem()) {
            if (item instanceof PalisadeParser.TestLabelsContext labelsItem) {
                if (labels != null) {
                    duplicate(item, "labels");
                    continue;
                }
                labels = new LinkedHashMap<>();
                for (PalisadeParser.LabelContext label : labelsItem.label()) {
                    labels.put(label.labelKey().getText(), literals.string(label.string()).value());
                }
            } else if (item instanceof PalisadeParser.TestNamespaceContext namespaceItem) {
                if (namespace != null) {
                    duplicate(item, "namespace");
                    continue;
                }
                namespace = literals.string(namespaceItem.string());
            } else if (item instanceof PalisadeParser.TestCaseContext testCase) {
                cases.add(testCase(testCase));
            } else {
                properties.add(property((PalisadeParser.TestPropertyContext) item));
            }
        }
        return new TestDecl(literals.name(context.name()), Optional.ofNullable(labels), Optional.ofNullable(namespace),
                cases, properties, literals.span(context));
    }

    private void duplicate(PalisadeParser.TestItemContext item, String what) {
        diagnostics.error(DiagnosticCode.DUPLICATE_SETTING, literals.span(item.getStart()),
                "test has a second `" + what + "`", "keep one");
    }

    private TestDecl.TestCase testCase(PalisadeParser.TestCaseContext context) {
        MethodRef method = methodRef(context.method());
        StringLiteral serviceAccount = null;
        StringLiteral sourceNamespace = null;
        List<TestDecl.Header> headers = new ArrayList<>();
        List<TestDecl.Field> form = new ArrayList<>();
        StringLiteral body = null;
        boolean jsonBody = false;
        List<TestDecl.Field> cookies = new ArrayList<>();
        List<TestDecl.Part> multipart = new ArrayList<>();
        for (PalisadeParser.RequestPartContext part : context.requestPart()) {
            if (part instanceof PalisadeParser.RequestSourceContext source) {
                serviceAccount = literals.string(source.string(0));
                if (source.string().size() > 1) {
                    sourceNamespace = literals.string(source.string(1));
                }
            } else if (part instanceof PalisadeParser.RequestSourceNamespaceContext source) {
                sourceNamespace = literals.string(source.string());
            } else if (part instanceof PalisadeParser.RequestHeaderContext header) {
                headers.add(new TestDecl.Header(literals.string(header.string(0)), literals.string(header.string(1))));
            } else if (part instanceof PalisadeParser.RequestFormContext fields) {
                for (PalisadeParser.FieldContext field : fields.field()) {
                    form.add(new TestDecl.Field(literals.name(field.name()), literals.string(field.string())));
                }
            } else if (part instanceof PalisadeParser.RequestJsonContext json) {
                body = literals.string(json.string());
                jsonBody = true;
            } else if (part instanceof PalisadeParser.RequestCookiesContext written) {
                for (PalisadeParser.FieldContext cookie : written.field()) {
                    cookies.add(new TestDecl.Field(literals.name(cookie.name()), literals.string(cookie.string())));
                }
            } else if (part instanceof PalisadeParser.RequestMultipartContext written) {
                for (PalisadeParser.PartContext item : written.part()) {
                    multipart.add(new TestDecl.Part(literals.name(item.name()),
                            Optional.ofNullable(item.filename).map(literals::string), literals.string(item.content)));
                }
            } else {
                body = literals.string(((PalisadeParser.RequestBodyContext) part).string());
                jsonBody = false;
            }
        }
        return new TestDecl.TestCase(method, literals.string(context.string()), Optional.ofNullable(serviceAccount),
                Optional.ofNullable(sourceNamespace), headers, form, Optional.ofNullable(body), jsonBody,
                cookies, multipart, expectation(context.expectation()), literals.text(context), literals.span(context));
    }

    private MethodRef methodRef(PalisadeParser.MethodContext context) {
        if (context.string() != null) {
            return new MethodRef(literals.string(context.string()).value(), true, literals.span(context));
        }
        return new MethodRef(context.getText(), false, literals.span(context));
    }

    private TestDecl.Expectation expectation(PalisadeParser.ExpectationContext context) {
        if (context instanceof PalisadeParser.ExpectAllowContext) {
            PalisadeParser.ExpectAllowContext allow = (PalisadeParser.ExpectAllowContext) context;
            return new TestDecl.Expectation(true, allow.QUIETLY() != null, Optional.empty(), List.of(),
                    decider(allow.decider()), literals.span(context));
        }
        PalisadeParser.ExpectDenyContext deny = (PalisadeParser.ExpectDenyContext) context;
        List<NumberLiteral> numbers = new ArrayList<>();
        deny.number().forEach(number -> numbers.add(literals.number(number)));
        Optional<NumberLiteral> status = Optional.empty();
        // `deny 403 rule 1, 2`: the number before `rule` is the status, the rest rule ids.
        boolean hasStatus = !numbers.isEmpty() && (deny.RULE() == null
                || deny.number(0).getStart().getTokenIndex() < deny.RULE().getSymbol().getTokenIndex());
        if (hasStatus) {
            status = Optional.of(numbers.remove(0));
        }
        return new TestDecl.Expectation(false, false, status, numbers, decider(deny.decider()), literals.span(context));
    }

    private Optional<TestDecl.Decider> decider(PalisadeParser.DeciderContext context) {
        if (context == null) {
            return Optional.empty();
        }
        TestDecl.Decider decider;
        if (context instanceof PalisadeParser.DecidedByRuleContext rule) {
            decider = new TestDecl.Decider(TestDecl.Decider.Kind.RULE, Optional.of(literals.name(rule.name())),
                    Optional.of(literals.number(rule.number())), literals.span(context));
        } else if (context instanceof PalisadeParser.DecidedByDefaultContext byDefault) {
            decider = byDefault.name() == null
                    ? new TestDecl.Decider(TestDecl.Decider.Kind.ANY_DEFAULT, Optional.empty(), Optional.empty(), literals.span(context))
                    : new TestDecl.Decider(TestDecl.Decider.Kind.TIER_DEFAULT, Optional.of(literals.name(byDefault.name())),
                            Optional.empty(), literals.span(context));
        } else {
            decider = new TestDecl.Decider(TestDecl.Decider.Kind.END_OF_TIERS, Optional.empty(), Optional.empty(),
                    literals.span(context));
        }
        return Optional.of(decider);
    }

    private TestDecl.Property property(PalisadeParser.TestPropertyContext context) {
        List<TestDecl.Quantifier> statements = new ArrayList<>();
        for (PalisadeParser.PropertyItemContext item : context.propertyItem()) {
            List<MethodRef> methods = new ArrayList<>();
            if (item.methodList() != null) {
                item.methodList().method().forEach(method -> methods.add(methodRef(method)));
            }
            Optional<TestDecl.PathSet> paths = Optional.ofNullable(item.pathSet()).map(this::pathSet);
            StringLiteral serviceAccount = null;
            StringLiteral sourceNamespace = null;
            if (item.propertySource() instanceof PalisadeParser.PropertyServiceAccountContext source) {
                serviceAccount = literals.string(source.string(0));
                if (source.string().size() > 1) {
                    sourceNamespace = literals.string(source.string(1));
                }
            } else if (item.propertySource() instanceof PalisadeParser.PropertyNamespaceContext source) {
                sourceNamespace = literals.string(source.string());
            }
            Optional<TestDecl.FormCorpus> form = Optional.ofNullable(item.propertyForm()).map(corpus -> new TestDecl.FormCorpus(
                    literals.name(corpus.name()), literals.string(corpus.string()), literals.span(corpus)));
            statements.add(new TestDecl.Quantifier(methods, paths, Optional.ofNullable(serviceAccount),
                    Optional.ofNullable(sourceNamespace), form, expectation(item.expectation()), literals.span(item)));
        }
        return new TestDecl.Property(literals.string(context.string()), statements, literals.span(context));
    }

    private TestDecl.PathSet pathSet(PalisadeParser.PathSetContext context) {
        List<StringLiteral> paths = new ArrayList<>();
        if (context instanceof PalisadeParser.PathsInContext in) {
            in.string().forEach(string -> paths.add(literals.string(string)));
            return new TestDecl.PathSet(in.NOT() != null, false, paths, literals.span(context));
        }
        PalisadeParser.PathsUnderContext under = (PalisadeParser.PathsUnderContext) context;
        paths.add(literals.string(under.string()));
        return new TestDecl.PathSet(under.NOT() != null, true, paths, literals.span(context));
    }
}
