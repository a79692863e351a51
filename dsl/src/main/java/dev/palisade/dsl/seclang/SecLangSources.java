package dev.palisade.dsl.seclang;

import dev.palisade.dsl.ast.StringLiteral;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.SourceFile;
import dev.palisade.dsl.diag.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a SecLang file and everything it includes, in order. {@code Include} and
 * {@code IncludeOptional} take a path, relative to the including file's directory, whose last
 * part may be a glob ({@code rules/*.conf}); matches are read in name order, as Apache and
 * ModSecurity do. Each file keeps its own name and line numbers in diagnostics; a file that
 * includes itself, directly or not, is an error.
 */
public final class SecLangSources {
    private final Diagnostics diagnostics;
    private final Map<String, SourceFile> sources = new LinkedHashMap<>();
    private final List<SecLangDirective> directives = new ArrayList<>();
    private final Deque<Path> including = new ArrayDeque<>();

    /** The directives in evaluation order and the files they came from (for rendering). */
    public record Loaded(List<SecLangDirective> directives, Map<String, SourceFile> sources) {}

    private SecLangSources(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    public static Loaded load(Path file, Diagnostics diagnostics) {
        SecLangSources loader = new SecLangSources(diagnostics);
        loader.read(file, null);
        return new Loaded(List.copyOf(loader.directives), Map.copyOf(loader.sources));
    }

    private void read(Path file, StringLiteral includedBy) {
        Path canonical = file.toAbsolutePath().normalize();
        if (including.contains(canonical)) {
            List<String> names = new ArrayList<>();
            including.descendingIterator().forEachRemaining(path -> names.add(path.getFileName().toString()));
            String chain = String.join(" → ", names) + " → " + canonical.getFileName();
            diagnostics.error(DiagnosticCode.INCLUDE_CYCLE, includedBy.span(), "include cycle: " + chain);
            return;
        }
        String text;
        try {
            // ModSecurity reads bytes; ISO-8859-1 keeps each byte one char, so patterns match bytes.
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException unreadable) {
            Span where = includedBy != null ? includedBy.span() : Span.point(file.toString(), 1, 1);
            diagnostics.error(DiagnosticCode.MISSING_FILE, where, "cannot read `" + file + "`");
            return;
        }
        SourceFile source = new SourceFile(file.toString(), text);
        sources.put(source.name(), source);
        diagnostics.rememberSource(source);
        including.push(canonical);
        for (SecLangDirective directive : SecLangReader.read(source, diagnostics)) {
            String name = directive.name().text();
            if (name.equals("Include") || name.equals("IncludeOptional")) {
                include(directive, file, name.equals("IncludeOptional"));
            } else {
                directives.add(directive);
            }
        }
        including.pop();
    }

    private void include(SecLangDirective directive, Path from, boolean optional) {
        if (directive.arguments().size() != 1) {
            diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, directive.span(),
                    "`" + directive.name().text() + "` takes one path");
            return;
        }
        StringLiteral argument = directive.arguments().get(0);
        Path base = from.toAbsolutePath().getParent();
        Path pattern = base.resolve(argument.value());
        String last = pattern.getFileName().toString();
        if (!last.contains("*") && !last.contains("?") && !last.contains("[")) {
            if (Files.isReadable(pattern)) {
                read(pattern, argument);
            } else if (!optional) {
                diagnostics.error(DiagnosticCode.MISSING_FILE, argument.span(), "included file `" + argument.value() + "` not found",
                        "paths are relative to the including file; use `IncludeOptional` for a file that may be absent");
            }
            return;
        }
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(pattern.getParent(), last)) {
            found.forEach(matches::add);
        } catch (IOException | java.nio.file.DirectoryIteratorException unreadable) {
            if (!optional) {
                diagnostics.error(DiagnosticCode.MISSING_FILE, argument.span(), "cannot list `" + pattern.getParent() + "`");
            }
            return;
        }
        if (matches.isEmpty() && !optional) {
            diagnostics.warning(DiagnosticCode.MISSING_FILE, argument.span(), "`" + argument.value() + "` matches no file");
        }
        matches.stream().sorted().forEach(match -> read(match, argument));
    }
}
