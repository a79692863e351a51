package dev.palisade.cli.diff;

import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.diag.Span;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;

/**
 * Whether two pieces of policy AST say the same thing: the same records, lists and values, with
 * where they were written left out. Records compare their components except spans; a string
 * literal compares its value (not its quoting). Moving a rule to another line is no change.
 */
final class AstEquality {
    private AstEquality() {}

    static boolean same(Object first, Object second) {
        if (first == second) {
            return true;
        }
        if (first instanceof List<?> list && second instanceof List<?> other) {
            if (list.size() != other.size()) {
                return false;
            }
            for (int i = 0; i < list.size(); i++) {
                if (!same(list.get(i), other.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (first == null || second == null || first.getClass() != second.getClass()) {
            return false;
        }
        if (first instanceof StringLiteral literal) {
            return literal.value().equals(((StringLiteral) second).value());
        }
        if (first instanceof Optional<?> optional) {
            Optional<?> other = (Optional<?>) second;
            return optional.isPresent() == other.isPresent() && (optional.isEmpty() || same(optional.get(), other.get()));
        }
        if (first instanceof Record) {
            for (RecordComponent component : first.getClass().getRecordComponents()) {
                if (component.getType() != Span.class && !same(read(component, first), read(component, second))) {
                    return false;
                }
            }
            return true;
        }
        return first.equals(second);
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }
}
