package dev.palisade.dsl.fmt;

import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.parse.PolicyParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code palisade fmt}: the canonical text of a {@code .pal} file. Four-space indentation, one item
 * a line, a blank line between declarations, LF line ends; inside a policy the settings come first
 * (namespace, selector, tier, order), then the alp, waf and log blocks. Strings keep the author's
 * quoting where it can hold the value. Every comment is kept, next to what it was next to (see
 * {@link LayoutPrinter}); the comments are read from the AST's source text.
 */
public final class PolicyFormatter {
    private PolicyFormatter() {}

    /**
     * Parses and formats a file. Empty when the file has errors (they are reported): a file that
     * does not parse cleanly has no canonical form, and formatting what the parser recovered
     * could drop what the user wrote.
     */
    public static Optional<String> formatSource(SourceFile source, Diagnostics diagnostics) {
        int errorsBefore = diagnostics.errorCount();
        return formatClean(PolicyParser.parse(source, diagnostics), errorsBefore, diagnostics);
    }

    /** As {@link #formatSource(SourceFile, Diagnostics)}, for a file's bytes (checked as UTF-8, BOM dropped). */
    public static Optional<String> formatSource(String fileName, byte[] bytes, Diagnostics diagnostics) {
        int errorsBefore = diagnostics.errorCount();
        return formatClean(PolicyParser.parse(fileName, bytes, diagnostics), errorsBefore, diagnostics);
    }

    private static Optional<String> formatClean(PolicyParser.Parsed parsed, int errorsBefore, Diagnostics diagnostics) {
        if (parsed.ast().isEmpty() || diagnostics.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(format(parsed.ast().get()));
    }

    /**
     * Formats a parsed file, with the comments of its {@link PolicyFile#source()}. The AST must
     * come from that source without errors: a setting the parser dropped (a duplicate, an unknown
     * block) is not printed.
     */
    public static String format(PolicyFile file) {
        SourceTokens tokens = new SourceTokens(file.source());
        PolicyLayouts policies = new PolicyLayouts(tokens);
        TestLayouts tests = new TestLayouts(policies);
        List<Layout> declarations = new ArrayList<>();
        file.tiers().forEach(tier -> declarations.add(policies.tier(tier)));
        file.policies().forEach(policy -> declarations.add(policies.policy(policy)));
        file.tests().forEach(test -> declarations.add(tests.test(test)));
        // The AST lists tiers, policies and tests apart; the file keeps the author's order.
        declarations.sort(Comparator.comparingInt(Layout::start));
        return LayoutPrinter.print(declarations, tokens);
    }
}
