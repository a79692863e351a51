package dev.palisade.compiler.codegen.waf;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.palisade.compiler.ir.waf.IrWafOperator;
import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.engine.waf.TargetSpec;
import dev.palisade.engine.waf.Transaction;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * One rule (or chain) → a method that says whether it matched, running per-match actions as it
 * goes, as {@code WafInterpreter.matches} does: a link matches when any of its targets does after
 * the transformation pipeline (or, with {@code multiMatch}, the raw value or any value a
 * transformation changed); the chain when every link does, in order, stopping at the first that
 * does not. Links are inlined one after the other.
 */
final class RuleCode {
    private static final ClassName LIST = ClassName.get("java.util", "List");
    private static final ClassName TARGET = ClassName.get("dev.palisade.engine.waf", "Target");

    private RuleCode() {}

    static MethodSpec method(WafPlan plan, WafPlan.Rule rule) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(rule.methodName())
                .addJavadoc("$L\n", WafSourceGenerator.commentText(WafSourceGenerator.title(rule)))
                .addModifiers(Modifier.PRIVATE).returns(boolean.class).addParameter(Transaction.class, "tx");
        boolean loops = rule.links().stream().anyMatch(link -> link.operator() >= 0);
        boolean steps = rule.links().stream()
                .anyMatch(link -> link.operator() >= 0 && link.ir().multiMatch() && !link.ir().transformations().isEmpty());
        if (loops) {
            method.addStatement("boolean matched").addStatement("$T found", LIST).addStatement("$T target", TARGET)
                    .addStatement("String value");
        }
        if (steps) {
            method.addStatement("String next");
        }
        String info = "rules[" + rule.info() + "]";
        List<WafPlan.Link> links = rule.links();
        for (int i = 0; i < links.size(); i++) {
            WafPlan.Link link = links.get(i);
            boolean last = i == links.size() - 1;
            method.addComment("$L", WafSourceGenerator.commentText(describe(i, link.ir())));
            method.addStatement("tx.beginChainLink($L)", link.ir().capture());
            if (link.unconditional()) {
                method.addCode(actions(link));
                if (last) {
                    method.addStatement("return true");
                }
                continue;
            }
            if (link.operator() < 0) {
                method.addComment("not evaluated: $L", WafSourceGenerator.commentText(link.unsupported()));
                method.addStatement("tx.skip($LL)", rule.head().id());
                method.addStatement("return false");
                break;
            }
            method.addStatement("matched = false");
            if (link.screen() >= 0) {
                method.addComment("no value holds a literal the operator needs: no match");
                method.addStatement("if (!tx.mayMatch(screens[$L], $L)) return false", link.screen(), info);
            }
            method.addStatement("found = tx.targets(targets[$L], $L)", link.targets(), info)
                    .beginControlFlow("for (int i = 0, n = found.size(); i < n; i++)")
                    .addStatement("target = ($T) found.get(i)", TARGET)
                    .addStatement("value = target.value()");
            if (link.ir().multiMatch()) {
                method.addCode(multiMatch(link));
            } else {
                for (String name : link.ir().transformations()) {
                    method.addStatement("value = $L.apply(value)", WafSourceGenerator.transformationField(name));
                }
                method.addCode(evaluate(link));
            }
            method.endControlFlow();
            method.addStatement(last ? "return matched" : "if (!matched) return false");
        }
        return method.build();
    }

    /** {@code multiMatch}: the operator sees the raw value, then each value a transformation changed. */
    private static CodeBlock multiMatch(WafPlan.Link link) {
        CodeBlock.Builder code = CodeBlock.builder().add(evaluate(link));
        for (String name : link.ir().transformations()) {
            code.addStatement("next = $L.apply(value)", WafSourceGenerator.transformationField(name))
                    .beginControlFlow("if (!next.equals(value))")
                    .addStatement("value = next")
                    .add(evaluate(link))
                    .endControlFlow();
        }
        return code.build();
    }

    private static CodeBlock evaluate(WafPlan.Link link) {
        boolean negated = link.ir().operator().orElseThrow().negated();
        return CodeBlock.builder()
                .beginControlFlow("if ($Loperators[$L].evaluate(value, tx))", negated ? "!" : "", link.operator())
                .addStatement("matched = true")
                .addStatement("tx.matched(target, value)")
                .add(actions(link))
                .endControlFlow()
                .build();
    }

    private static CodeBlock actions(WafPlan.Link link) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (WafPlan.Action action : link.actions()) {
            code.add("// $L\n", WafSourceGenerator.commentText(action.text()));
            code.addStatement("$L[$L].apply(tx)", action.setVar() ? "setVars" : "ctls", action.index());
        }
        return code.build();
    }

    /** {@code link 0: ARGS|!ARGS:x  @rx …  t:lowercase  multiMatch}. */
    private static String describe(int index, IrWafRule ir) {
        StringBuilder text = new StringBuilder(index == 0 ? "rule: " : "chained rule " + index + ": ");
        if (ir.operator().isEmpty()) {
            return text.append("SecAction").toString();
        }
        text.append(ir.targets().stream().map(TargetSpec::text).collect(Collectors.joining("|")));
        IrWafOperator operator = ir.operator().get();
        text.append("  ").append(operator.negated() ? "!@" : "@").append(operator.name());
        if (!ir.transformations().isEmpty()) {
            text.append("  t:").append(String.join(",t:", ir.transformations()));
        }
        if (ir.multiMatch()) {
            text.append("  multiMatch");
        }
        if (ir.capture()) {
            text.append("  capture");
        }
        if (!operator.argument().isEmpty()) {
            text.append("  ").append(operator.argument());
        }
        return text.toString();
    }
}
