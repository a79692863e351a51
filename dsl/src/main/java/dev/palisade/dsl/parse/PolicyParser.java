package dev.palisade.dsl.parse;

import dev.palisade.dsl.ast.PolicyFile;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.grammar.PalisadeLexer;
import dev.palisade.dsl.grammar.PalisadeParser;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * Text to AST for one {@code .pal} file, in steps: bytes → text (UTF-8, checked) → tokens
 * (lexical errors reported) → parse tree (syntax errors reported in policy words) → AST. A file
 * with syntax errors yields no AST; its errors are all reported (up to the cap).
 */
public final class PolicyParser {
    /** Policies are small; anything bigger is a mistake, refused before it costs time or memory. */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
    /** Blocks nest two deep in the language; deeper braces can only come from garbage. */
    static final int MAX_BRACE_DEPTH = 32;

    private PolicyParser() {}

    /** The decoded file (for rendering diagnostics) and its AST, when it parsed. */
    public record Parsed(SourceFile source, Optional<PolicyFile> ast) {}

    public static Parsed parse(String fileName, byte[] bytes, Diagnostics diagnostics) {
        if (bytes.length > MAX_FILE_BYTES) {
            return tooLarge(fileName, bytes.length, diagnostics);
        }
        Optional<String> text = decode(fileName, bytes, diagnostics);
        if (text.isEmpty()) {
            return remembered(new Parsed(new SourceFile(fileName, ""), Optional.empty()), diagnostics);
        }
        return parse(new SourceFile(fileName, text.get()), diagnostics);
    }

    /** For a file known to be too large before it is read: it is never read. */
    public static Parsed tooLarge(String fileName, long size, Diagnostics diagnostics) {
        diagnostics.error(DiagnosticCode.FILE_TOO_LARGE, Span.point(fileName, 1, 1),
                "file is " + size + " bytes, more than the " + MAX_FILE_BYTES + " bytes a policy file may have",
                "split the policies into several files");
        return remembered(new Parsed(new SourceFile(fileName, ""), Optional.empty()), diagnostics);
    }

    /** Every file read is known to the diagnostics, so they can be rendered with their lines. */
    private static Parsed remembered(Parsed parsed, Diagnostics diagnostics) {
        diagnostics.rememberSource(parsed.source());
        return parsed;
    }

    public static Parsed parse(SourceFile source, Diagnostics diagnostics) {
        diagnostics.rememberSource(source);
        PalisadeLexer lexer = new PalisadeLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        LexicalChecks lexical = LexicalChecks.run(source, tokens, diagnostics);
        if (lexical.tooDeep()) {
            return new Parsed(source, Optional.empty());
        }
        PalisadeParser parser = new PalisadeParser(tokens);
        parser.removeErrorListeners();
        SyntaxErrorListener listener = new SyntaxErrorListener(source, diagnostics, lexical.linesWithErrors(), lexical.errorTokens());
        parser.addErrorListener(listener);
        PalisadeParser.FileContext tree;
        try {
            tree = parser.file();
        } catch (CancellationException tooManyErrors) {
            return new Parsed(source, Optional.empty());
        }
        if (lexical.errors() > 0 || listener.errors() > 0) {
            return new Parsed(source, Optional.empty());
        }
        PolicyFile file = new AstBuilder(source, diagnostics).file(tree);
        if (file.tiers().isEmpty() && file.policies().isEmpty() && file.tests().isEmpty()) {
            diagnostics.error(DiagnosticCode.EMPTY_FILE, Span.point(source.name(), 1, 1),
                    "file declares no tier, policy or test", "delete the file, or add a `policy`");
        }
        return new Parsed(source, Optional.of(file));
    }

    /** Strict UTF-8 (a byte-order mark is dropped); NUL bytes mean a binary file. */
    private static Optional<String> decode(String fileName, byte[] bytes, Diagnostics diagnostics) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            int bad = firstInvalidUtf8(bytes);
            reportNotText(fileName, bytes, bad, "file is not UTF-8 text: invalid byte 0x"
                    + String.format("%02x", bytes[bad] & 0xff) + " at byte " + bad, diagnostics);
            return Optional.empty();
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            SourceFile source = new SourceFile(fileName, text);
            diagnostics.error(DiagnosticCode.NOT_TEXT, source.span(nul, nul + 1),
                    "file contains a NUL byte: it looks binary, not like a policy");
            return Optional.empty();
        }
        return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static void reportNotText(String fileName, byte[] bytes, int bad, String message, Diagnostics diagnostics) {
        String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
        SourceFile prefix = new SourceFile(fileName, before);
        int line = prefix.lineOf(before.length());
        int column = prefix.columnOf(before.length());
        diagnostics.error(DiagnosticCode.NOT_TEXT, Span.point(fileName, line, column), message,
                "policy files are UTF-8 text");
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer output = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(input, output, true);
        return Math.min(input.position(), bytes.length - 1);
    }
}
