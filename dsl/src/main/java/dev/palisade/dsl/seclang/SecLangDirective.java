package dev.palisade.dsl.seclang;

import dev.palisade.dsl.ast.Name;
import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.diag.Span;
import java.util.List;

/**
 * One directive as written, before its arguments are understood: {@code SecRule}, its name's
 * span, and its arguments with quotes, escapes and line continuations resolved. Each argument
 * still knows where every one of its characters came from, so errors inside it are exact.
 */
public record SecLangDirective(Name name, List<StringLiteral> arguments, Span span) {
    public SecLangDirective {
        arguments = List.copyOf(arguments);
    }
}
