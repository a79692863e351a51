package dev.palisade.dsl.ast;

import dev.palisade.dsl.diag.Span;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code test www { ... }}: example requests with their expected decisions, and properties.
 * The name is a policy's: without {@code labels}, the test's workload is one that policy selects.
 */
public record TestDecl(
        Name name,
        Optional<Map<String, String>> labels,
        Optional<StringLiteral> namespace,
        List<TestCase> cases,
        List<Property> properties,
        Span span) {

    public TestDecl {
        // Insertion order kept: labels print the way the author wrote them.
        labels = labels.map(written -> java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(written)));
        cases = List.copyOf(cases);
        properties = List.copyOf(properties);
    }

    /**
     * {@code GET "/robots.txt" from serviceaccount "web" -> allow}; {@code jsonBody} for {@code json "…"};
     * {@code cookies} from {@code cookie NAME="value" …}, {@code multipart} from {@code multipart …}.
     */
    public record TestCase(
            MethodRef method,
            StringLiteral target,
            Optional<StringLiteral> sourceServiceAccount,
            Optional<StringLiteral> sourceNamespace,
            List<Header> headers,
            List<Field> form,
            Optional<StringLiteral> body,
            boolean jsonBody,
            List<Field> cookies,
            List<Part> multipart,
            Expectation expected,
            String text,
            Span span) {
        public TestCase {
            headers = List.copyOf(headers);
            form = List.copyOf(form);
            cookies = List.copyOf(cookies);
            multipart = List.copyOf(multipart);
        }

        /** A case without cookies or multipart parts. */
        public TestCase(MethodRef method, StringLiteral target, Optional<StringLiteral> sourceServiceAccount,
                Optional<StringLiteral> sourceNamespace, List<Header> headers, List<Field> form, Optional<StringLiteral> body,
                boolean jsonBody, Expectation expected, String text, Span span) {
            this(method, target, sourceServiceAccount, sourceNamespace, headers, form, body, jsonBody, List.of(), List.of(),
                    expected, text, span);
        }
    }

    public record Header(StringLiteral name, StringLiteral value) {}

    public record Field(Name name, StringLiteral value) {}

    /** One part of a {@code multipart} body: {@code note="hi"}, or a file: {@code upload=file "a.php" "<?php ?>"}. */
    public record Part(Name name, Optional<StringLiteral> filename, StringLiteral content) {}

    /**
     * {@code allow}, {@code allow quietly} (and no WAF rule fired, not even one that only counts),
     * {@code deny}, {@code deny 403}, {@code deny rule 942100}, each optionally with what decided:
     * {@code allow by policy www rule 2}.
     */
    public record Expectation(boolean allow, boolean quiet, Optional<NumberLiteral> status, List<NumberLiteral> ruleIds,
            Optional<Decider> decider, Span span) {
        public Expectation {
            ruleIds = List.copyOf(ruleIds);
        }

        /** An expectation that leaves open what decided. */
        public Expectation(boolean allow, boolean quiet, Optional<NumberLiteral> status, List<NumberLiteral> ruleIds, Span span) {
            this(allow, quiet, status, ruleIds, Optional.empty(), span);
        }
    }

    /**
     * What must have taken the ALP decision: {@code by policy www rule 2} (rule numbers count from 1,
     * as printed), {@code by default of tier platform}, {@code by default} (a tier's default or the
     * end of all tiers), {@code at the end of all tiers}.
     *
     * @param name the policy for {@code RULE}, the tier for {@code TIER_DEFAULT}, else empty
     * @param rule the rule number for {@code RULE}, else empty
     */
    public record Decider(Kind kind, Optional<Name> name, Optional<NumberLiteral> rule, Span span) {
        public enum Kind { RULE, TIER_DEFAULT, ANY_DEFAULT, END_OF_TIERS }

        /** As {@code palisade test} prints a decision: {@code by policy www rule 2}. */
        public String text() {
            return switch (kind) {
                case RULE -> "by policy " + name.orElseThrow().text() + " rule " + rule.orElseThrow().text();
                case TIER_DEFAULT -> "by default of tier " + name.orElseThrow().text();
                case ANY_DEFAULT -> "by default";
                case END_OF_TIERS -> "at the end of all tiers";
            };
        }
    }

    /** {@code property "only listed paths pass" { for all GET paths not in ["/"] -> deny }}. */
    public record Property(StringLiteral title, List<Quantifier> statements, Span span) {
        public Property {
            statements = List.copyOf(statements);
        }
    }

    /**
     * One {@code for all} statement: the methods, the path set, the caller, the form field drawn
     * from a corpus, and what must hold for each generated request.
     */
    public record Quantifier(List<MethodRef> methods, Optional<PathSet> paths, Optional<StringLiteral> sourceServiceAccount,
            Optional<StringLiteral> sourceNamespace, Optional<FormCorpus> form, Expectation expected, Span span) {
        public Quantifier {
            methods = List.copyOf(methods);
        }
    }

    /** {@code form q from "corpus/queries.txt"}: field {@code q} takes each line of the file (relative to the policy file). */
    public record FormCorpus(Name field, StringLiteral file, Span span) {}

    public record PathSet(boolean negated, boolean prefix, List<StringLiteral> paths, Span span) {
        public PathSet {
            paths = List.copyOf(paths);
        }
    }
}
