package dev.palisade.dsl.fmt;

import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.grammar.PalisadeLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The file re-lexed: its comments, which the AST does not keep, and its code tokens, for the few
 * things the AST leaves out (where a keyword before a value starts, where a block's braces are).
 * Offsets are UTF-16 indexes into the source text, like {@link SourceFile#span}.
 */
final class SourceTokens {
    /** A code token: its lexer type and where it is. */
    record Code(int type, int start, int end, String text) {}

    private final SourceFile source;
    private final List<Code> code = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();

    SourceTokens(SourceFile source) {
        this.source = source;
        PalisadeLexer lexer = new PalisadeLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            int start = source.offsetOfCodePoint(token.getStartIndex());
            int end = source.offsetOfCodePoint(token.getStopIndex() + 1);
            switch (token.getType()) {
                case PalisadeLexer.WS -> { }
                case PalisadeLexer.LINE_COMMENT, PalisadeLexer.BLOCK_COMMENT -> comments.add(new Comment(
                        token.getText(), start, end, lineOf(start), lineOf(Math.max(start, end - 1))));
                default -> code.add(new Code(token.getType(), start, end, token.getText()));
            }
        }
    }

    List<Comment> comments() {
        return comments;
    }

    List<Code> code() {
        return code;
    }

    int length() {
        return source.text().length();
    }

    int lineOf(int offset) {
        return source.lineOf(offset);
    }

    /** Whether the line above the one holding {@code offset} is blank: authors group items that way. */
    boolean blankLineBefore(int offset) {
        int line = source.lineOf(offset);
        return line > 1 && source.line(line - 1).isBlank();
    }

    int start(Span span) {
        return offset(span.line(), span.column());
    }

    int end(Span span) {
        return offset(span.endLine(), span.endColumn());
    }

    /** Where the code token before {@code offset} starts: the keyword of {@code namespace "x"}. */
    int keywordBefore(int offset) {
        int index = indexAtOrAfter(offset) - 1;
        return index >= 0 ? code.get(index).start() : offset;
    }

    /** Index of the first code token starting at or after {@code offset}. */
    int indexAtOrAfter(int offset) {
        int low = 0;
        int high = code.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (code.get(middle).start() < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The first code token of {@code type} at or after {@code offset}, or empty past the end. */
    Optional<Code> next(int type, int offset) {
        for (int i = indexAtOrAfter(offset); i < code.size(); i++) {
            if (code.get(i).type() == type) {
                return Optional.of(code.get(i));
            }
        }
        return Optional.empty();
    }

    /** The code token ending exactly at {@code end} (a block's closing brace), if any. */
    Optional<Code> endingAt(int end) {
        int index = indexAtOrAfter(end) - 1;
        return index >= 0 && code.get(index).end() == end ? Optional.of(code.get(index)) : Optional.empty();
    }

    private int offset(int line, int column) {
        return source.offsetOf(line, column);
    }
}
