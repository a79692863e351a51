package dev.palisade.backends.seclang;

import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.ir.waf.IrWafAction;
import dev.palisade.compiler.ir.waf.IrWafItem;
import dev.palisade.compiler.ir.waf.IrWafMarker;
import dev.palisade.compiler.ir.waf.IrWafOperator;
import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.engine.waf.TargetSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A span-free text form of a WAF, one line per rule, chain link or marker: two WAFs that load the
 * same rules in the same order with the same settings have equal dumps. Left out: spans (where a
 * rule was written is not what it does) and the data directory, except that the files of
 * {@code @pmFromFile} and {@code @ipMatchFromFile} are shown resolved against it, because which
 * file they read is what matters. Targets compare by their SecLang text, as {@link TargetSpec} does.
 */
public final class IrWafDump {
    private static final Set<String> FILE_OPERATORS = Set.of("pmfromfile", "pmf", "ipmatchfromfile", "ipmatchf");

    private IrWafDump() {}

    public static String dump(IrWaf waf) {
        StringBuilder out = new StringBuilder();
        out.append("engine ").append(waf.mode()).append('\n');
        out.append("limits ").append(waf.limits()).append('\n');
        out.append("response-body ").append(waf.responseBodyAccess()).append('\n');
        for (IrWafItem item : waf.items()) {
            out.append(item(item)).append('\n');
        }
        return out.toString();
    }

    public static String item(IrWafItem item) {
        if (item instanceof IrWafMarker marker) {
            return "marker " + quoted(marker.name());
        }
        StringBuilder out = new StringBuilder();
        rule((IrWafRule) item, "rule", out);
        return out.toString();
    }

    private static void rule(IrWafRule rule, String kind, StringBuilder out) {
        out.append(kind).append(" id=").append(rule.id()).append(" phase=").append(rule.phase())
                .append(" targets=").append(rule.targets().stream().map(TargetSpec::text).toList())
                .append(" t=").append(rule.transformations())
                .append(" operator=").append(rule.operator().map(o -> operator(o, rule.dataDirectory())).orElse("-"))
                .append(" msg=").append(quoted(rule.message()))
                .append(" logdata=").append(quoted(rule.logData()))
                .append(" severity=").append(quoted(rule.severity()))
                .append(" tags=").append(rule.tags().stream().map(IrWafDump::quoted).toList())
                .append(" disruptive=").append(rule.disruptive())
                .append(" status=").append(rule.status())
                .append(" log=").append(rule.log())
                .append(" capture=").append(rule.capture())
                .append(" multiMatch=").append(rule.multiMatch())
                .append(" actions=").append(actions(rule.actions()))
                .append(" skipAfter=").append(rule.skipAfter().map(IrWafDump::quoted).orElse("-"))
                .append(" skip=").append(rule.skip());
        rule.chained().ifPresent(next -> {
            out.append("\n  ");
            rule(next, "chain", out);
        });
    }

    private static String actions(List<IrWafAction> actions) {
        return actions.stream().map(a -> a.name() + ":" + quoted(a.value())).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String operator(IrWafOperator operator, String dataDirectory) {
        String argument = operator.argument();
        if (FILE_OPERATORS.contains(operator.name().toLowerCase(Locale.ROOT))) {
            argument = resolvedFiles(argument, dataDirectory);
        }
        return (operator.negated() ? "!" : "") + "@" + operator.name() + " " + quoted(argument);
    }

    /** {@code @pmFromFile a.data b.data}: each file, absolute, as ModSecurity resolves them against the rule's file. */
    private static String resolvedFiles(String argument, String dataDirectory) {
        return java.util.Arrays.stream(argument.trim().split("\\s+"))
                .filter(file -> !file.isEmpty())
                .map(file -> Path.of(dataDirectory).resolve(file).normalize().toString())
                .collect(Collectors.joining(" "));
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}
