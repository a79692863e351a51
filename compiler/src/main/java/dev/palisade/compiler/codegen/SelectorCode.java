package dev.palisade.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import dev.palisade.dsl.ast.selector.Selector.All;
import dev.palisade.dsl.ast.selector.Selector.And;
import dev.palisade.dsl.ast.selector.Selector.Contains;
import dev.palisade.dsl.ast.selector.Selector.EndsWith;
import dev.palisade.dsl.ast.selector.Selector.Equals;
import dev.palisade.dsl.ast.selector.Selector.Has;
import dev.palisade.dsl.ast.selector.Selector.In;
import dev.palisade.dsl.ast.selector.Selector.Not;
import dev.palisade.dsl.ast.selector.Selector.NotEquals;
import dev.palisade.dsl.ast.selector.Selector.NotIn;
import dev.palisade.dsl.ast.selector.Selector.Or;
import dev.palisade.dsl.ast.selector.Selector;
import dev.palisade.dsl.ast.selector.Selector.StartsWith;
import java.util.Collection;

/**
 * A Calico selector as a Java boolean expression over {@code labels} (a raw {@code java.util.Map}:
 * Janino does not infer generics). Same semantics as {@code Selector.matches}.
 */
final class SelectorCode {
    private SelectorCode() {}

    static CodeBlock expression(Selector selector) {
        if (selector instanceof All) {
            return CodeBlock.of("true");
        }
        if (selector instanceof Has has) {
            return CodeBlock.of("labels.containsKey($S)", has.key());
        }
        if (selector instanceof Equals equals) {
            return CodeBlock.of("$S.equals(labels.get($S))", equals.value(), equals.key());
        }
        if (selector instanceof NotEquals notEquals) {
            return CodeBlock.of("!$S.equals(labels.get($S))", notEquals.value(), notEquals.key());
        }
        if (selector instanceof In in) {
            return oneOf(in.key(), in.values());
        }
        if (selector instanceof NotIn notIn) {
            return CodeBlock.of("!$L", oneOf(notIn.key(), notIn.values()));
        }
        if (selector instanceof Contains contains) {
            return present(contains.key(), CodeBlock.of("contains($S)", contains.value()));
        }
        if (selector instanceof StartsWith startsWith) {
            return present(startsWith.key(), CodeBlock.of("startsWith($S)", startsWith.value()));
        }
        if (selector instanceof EndsWith endsWith) {
            return present(endsWith.key(), CodeBlock.of("endsWith($S)", endsWith.value()));
        }
        if (selector instanceof Not not) {
            return CodeBlock.of("!($L)", expression(not.operand()));
        }
        if (selector instanceof And and) {
            return CodeBlock.of("($L && $L)", expression(and.left()), expression(and.right()));
        }
        Or or = (Or) selector;
        return CodeBlock.of("($L || $L)", expression(or.left()), expression(or.right()));
    }

    private static CodeBlock oneOf(String key, Collection<String> values) {
        if (values.isEmpty()) {
            return CodeBlock.of("false");
        }
        CodeBlock.Builder code = CodeBlock.builder().add("(");
        boolean first = true;
        for (String value : values) {
            code.add(first ? "$S.equals(labels.get($S))" : " || $S.equals(labels.get($S))", value, key);
            first = false;
        }
        return code.add(")").build();
    }

    private static CodeBlock present(String key, CodeBlock test) {
        return CodeBlock.of("(labels.get($S) != null && ((String) labels.get($S)).$L)", key, key, test);
    }
}
