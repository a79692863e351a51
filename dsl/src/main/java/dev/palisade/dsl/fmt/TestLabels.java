package dev.palisade.dsl.fmt;

import dev.palisade.dsl.ast.StringLiteral.Quoting;
import dev.palisade.dsl.grammar.PalisadeLexer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A test's {@code labels} line. The AST keeps labels as an unordered map without spans or
 * quoting, so the tokens of the {@code labels} item supply the author's order, each value's
 * quoting, and where the item is (for its comments). Values come from the AST.
 */
final class TestLabels {
    private final SourceTokens tokens;

    TestLabels(SourceTokens tokens) {
        this.tokens = tokens;
    }

    Layout layout(Map<String, String> labels, Layout.Block test, List<Layout> examples) {
        Map<String, Quoting> written = new LinkedHashMap<>();
        int start = test.openEnd();
        int end = test.openEnd();
        Optional<Integer> keyword = keyword(test, examples);
        if (keyword.isPresent()) {
            List<SourceTokens.Code> code = tokens.code();
            start = code.get(keyword.get()).start();
            int i = keyword.get() + 1;
            while (i < code.size()) {
                StringBuilder key = new StringBuilder();
                while (i < code.size() && code.get(i).type() != PalisadeLexer.EQUALS
                        && TestLayouts.quoting(code.get(i).type()).isEmpty()) {
                    key.append(code.get(i++).text());
                }
                if (i + 1 >= code.size() || code.get(i).type() != PalisadeLexer.EQUALS) {
                    break;
                }
                Optional<Quoting> quoting = TestLayouts.quoting(code.get(i + 1).type());
                if (quoting.isEmpty()) {
                    break;
                }
                // put, not putIfAbsent: the last value of a repeated key is the one the parser keeps.
                written.put(key.toString(), quoting.get());
                end = code.get(i + 1).end();
                i += 2;
                if (i >= code.size() || code.get(i).type() != PalisadeLexer.COMMA) {
                    break;
                }
                i++;
            }
        }
        List<String> pairs = new ArrayList<>();
        written.forEach((key, quoting) -> {
            if (labels.containsKey(key)) {
                pairs.add(key + "=" + StringText.of(labels.get(key), quoting));
            }
        });
        new TreeMap<>(labels).forEach((key, value) -> {
            if (!written.containsKey(key)) {
                pairs.add(key + "=" + StringText.quoted(value));
            }
        });
        return new Layout.Line("labels " + pairs.stream().collect(Collectors.joining(", ")), start, end);
    }

    /** The index of the {@code labels} keyword: the first one in the test that is not inside a case or property. */
    private Optional<Integer> keyword(Layout.Block test, List<Layout> examples) {
        List<SourceTokens.Code> code = tokens.code();
        for (int i = tokens.indexAtOrAfter(test.openEnd()); i < code.size() && code.get(i).start() < test.closeStart(); i++) {
            int at = code.get(i).start();
            boolean inExample = examples.stream().anyMatch(example -> example.start() <= at && at < example.end());
            if (!inExample && code.get(i).type() == PalisadeLexer.LABELS) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
