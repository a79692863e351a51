package dev.palisade.dsl.fmt;

import dev.palisade.dsl.ast.AlpRule;
import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.ast.TestDecl;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.diag.Span;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The meaning of an AST as text: every record component printed, except what says how or where
 * something was written: spans, the source file, a string's quoting, and the {@code text} of
 * rules and test cases (the source as written, kept for logs). Two files mean the same when
 * their descriptions are equal. Walks the records by reflection, so a component added to the
 * AST is compared without changing this class.
 */
final class AstMeaning {
    private AstMeaning() {}

    static String describe(PolicyFile file) {
        StringBuilder text = new StringBuilder();
        append(file, text, 0);
        return text.toString();
    }

    private static void append(Object value, StringBuilder text, int depth) {
        if (value instanceof StringLiteral string) {
            text.append(StringText.quoted(string.value()));
        } else if (value instanceof String string) {
            text.append(StringText.quoted(string));
        } else if (value instanceof Optional<?> optional) {
            if (optional.isPresent()) {
                append(optional.get(), text, depth);
            } else {
                text.append("-");
            }
        } else if (value instanceof OptionalLong number) {
            text.append(number.isPresent() ? Long.toString(number.getAsLong()) : "-");
        } else if (value instanceof List<?> list) {
            text.append('[');
            for (Object element : list) {
                newline(text, depth + 1);
                append(element, text, depth + 1);
            }
            text.append(']');
        } else if (value instanceof Map<?, ?> map) {
            text.append(new TreeMap<>(map));
        } else if (value instanceof Record record) {
            appendRecord(record, text, depth);
        } else {
            text.append(value);
        }
    }

    private static void appendRecord(Record record, StringBuilder text, int depth) {
        text.append(record.getClass().getSimpleName()).append('(');
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Class<?> type = component.getType();
            boolean asWritten = component.getName().equals("text")
                    && (record instanceof AlpRule || record instanceof TestDecl.TestCase);
            if (type == Span.class || type == SourceFile.class || asWritten) {
                continue;
            }
            newline(text, depth + 1);
            text.append(component.getName()).append('=');
            try {
                append(component.getAccessor().invoke(record), text, depth + 1);
            } catch (IllegalAccessException | InvocationTargetException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }
        text.append(')');
    }

    private static void newline(StringBuilder text, int depth) {
        text.append('\n').append("  ".repeat(depth));
    }
}
