package dev.palisade.dsl.parse;

import dev.palisade.dsl.ast.Name;
import dev.palisade.dsl.ast.NumberLiteral;
import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.ast.StringLiteral.Quoting;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.grammar.PalisadeLexer;
import dev.palisade.dsl.grammar.PalisadeParser;
import java.util.OptionalLong;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Builds names, numbers and strings (resolving escapes) with their spans. */
final class Literals {
    private final SourceFile source;
    private final Diagnostics diagnostics;

    Literals(SourceFile source, Diagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    Span span(ParserRuleContext context) {
        Token stop = context.getStop() == null || context.getStop().getStopIndex() < context.getStart().getStartIndex()
                ? context.getStart() : context.getStop();
        return source.spanOfCodePoints(context.getStart().getStartIndex(), stop.getStopIndex());
    }

    Span span(Token token) {
        return source.spanOfCodePoints(token.getStartIndex(), token.getStopIndex());
    }

    /** The source text of a context, on one line: rules are logged as written. */
    String text(ParserRuleContext context) {
        Token stop = context.getStop();
        int start = source.offsetOfCodePoint(context.getStart().getStartIndex());
        int end = source.offsetOfCodePoint(stop.getStopIndex() + 1);
        return source.text().substring(start, Math.max(start, end)).replaceAll("\\s+", " ").trim();
    }

    Name name(PalisadeParser.NameContext context) {
        return new Name(context.getText(), span(context));
    }

    NumberLiteral number(PalisadeParser.NumberContext context) {
        String text = context.getText();
        OptionalLong value;
        try {
            value = OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException tooBig) {
            value = OptionalLong.empty();
            diagnostics.error(DiagnosticCode.INVALID_NUMBER, span(context), "number `" + text + "` is too large");
        }
        return new NumberLiteral(text, value, span(context));
    }

    StringLiteral string(PalisadeParser.StringContext context) {
        Token token = context.getStart();
        String raw = token.getText();
        int start = source.offsetOfCodePoint(token.getStartIndex());
        Span span = span(token);
        return switch (token.getType()) {
            case PalisadeLexer.RAW_BLOCK -> verbatim(raw, 3, start, span, Quoting.TRIPLE);
            case PalisadeLexer.RAW_STRING -> verbatim(raw, 1, start, span, Quoting.SINGLE);
            default -> escaped(raw, start, span);
        };
    }

    private StringLiteral verbatim(String raw, int quote, int start, Span span, Quoting quoting) {
        String value = raw.substring(quote, raw.length() - quote);
        int[] offsets = new int[value.length() + 1];
        for (int i = 0; i <= value.length(); i++) {
            offsets[i] = start + quote + i;
        }
        return new StringLiteral(value, span, quoting, source, offsets);
    }

    /** Escapes: backslash before a quote, backslash, n, t, r, or u and four hex digits; others are reported. */
    private StringLiteral escaped(String raw, int start, Span span) {
        StringBuilder value = new StringBuilder(raw.length());
        int[] offsets = new int[raw.length() + 1];
        int count = 0;
        int end = raw.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = raw.charAt(i);
            offsets[count] = start + i;
            if (c != '\\') {
                value.append(c);
                count++;
                continue;
            }
            char next = raw.charAt(i + 1);
            int consumed = 1;
            switch (next) {
                case '"', '\\', '\'' -> value.append(next);
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case 'u' -> {
                    String hex = i + 6 <= end ? raw.substring(i + 2, i + 6) : "";
                    if (hex.length() == 4 && hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                        value.append((char) Integer.parseInt(hex, 16));
                        consumed = 5;
                    } else {
                        diagnostics.error(DiagnosticCode.INVALID_ESCAPE, source.span(start + i, start + i + 2),
                                "`\\u` must be followed by four hex digits");
                        value.append('u');
                    }
                }
                default -> {
                    diagnostics.error(DiagnosticCode.INVALID_ESCAPE, source.span(start + i, start + i + 2),
                            "unknown escape `\\" + next + "` in string",
                            "escapes are \\\" \\\\ \\n \\t \\r \\uXXXX; write '…' for text without escapes");
                    value.append(next);
                }
            }
            count++;
            i += consumed;
        }
        offsets[count] = start + end;
        return new StringLiteral(value.toString(), span, Quoting.DOUBLE, source, java.util.Arrays.copyOf(offsets, count + 1));
    }
}
