package dev.palisade.engine.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compiles every {@code @rx} pattern of the installed OWASP CRS (Debian package
 * {@code modsecurity-crs}) and reports which engine each lands on. The engine module must not
 * depend on the SecLang parser, so a small scan reads the {@code .conf} files: join
 * {@code \}-continued lines, take the second quoted argument of each {@code SecRule}, unescape
 * {@code \"}, keep {@code @rx …} and operator-less arguments.
 */
class CrsPatternsTest {

    private static final Path RULES = Path.of("/usr/share/modsecurity-crs/rules");

    /** A pattern and the rule file line it came from. */
    record CrsPattern(String file, String id, String pattern) {}

    @Test
    void everyCrsRxPatternCompiles() throws IOException {
        assumeTrue(Files.isDirectory(RULES), "OWASP CRS not installed at " + RULES + " (Debian package `modsecurity-crs`)");
        List<CrsPattern> patterns = crsPatterns();
        Map<PcreRegex.Engine, List<String>> byEngine = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int macros = 0;
        for (CrsPattern p : patterns) {
            if (Argument.hasMacro(p.pattern())) {
                macros++;
                // compiled per transaction; check it with a typical expansion instead
                String expanded = p.pattern().replace("%{tx.allowed_request_content_type_charset}", "utf-8|iso-8859-1");
                byEngine.computeIfAbsent(compileOrRecord(p, expanded, failures), k -> new ArrayList<>()).add(p.id());
                continue;
            }
            byEngine.computeIfAbsent(compileOrRecord(p, p.pattern(), failures), k -> new ArrayList<>()).add(p.id());
        }
        System.out.printf("CRS @rx patterns: %d (%d with macros); by engine: %s%n", patterns.size(), macros,
                byEngine.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList());
        System.out.println("CRS @rx on the budgeted engine: " + byEngine.getOrDefault(PcreRegex.Engine.BUDGETED_JAVA, List.of()));
        assertEquals(List.of(), failures);
        assertEquals(265, patterns.size(), "CRS 3.3.4 has 265 @rx patterns");
        assertTrue(byEngine.getOrDefault(PcreRegex.Engine.RE2J, List.of()).size() >= 260, "RE2/J takes at least 260");
    }

    /** Every operator of every CRS rule loads, data files included; only the two needing outside services do not. */
    @Test
    void everyCrsOperatorLoads() throws IOException {
        assumeTrue(Files.isDirectory(RULES), "OWASP CRS not installed at " + RULES + " (Debian package `modsecurity-crs`)");
        Map<String, Integer> uses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (String operator : crsOperators()) {
            String body = operator.startsWith("!") ? operator.substring(1) : operator;
            String name = body.startsWith("@") ? body.substring(1).split(" ", 2)[0] : "rx";
            String argument = body.startsWith("@") ? (body.indexOf(' ') < 0 ? "" : body.substring(body.indexOf(' ') + 1)) : body;
            uses.merge(name, 1, Integer::sum);
            try {
                Operators.create(name, argument, RULES);
            } catch (OperatorArgumentException e) {
                failures.add(name + ": " + e.getMessage());
            }
        }
        System.out.println("CRS operator uses: " + uses);
        assertEquals(List.of(
                "geoLookup: operator `@geoLookup` is not supported: it needs a GeoIP database, which Palisade does not load",
                "rbl: operator `@rbl` is not supported: it queries a DNS real-time blocklist, and rules must not wait on the network"),
                failures.stream().sorted().toList());
    }

    private static PcreRegex.Engine compileOrRecord(CrsPattern p, String pattern, List<String> failures) {
        try {
            return PcreRegex.compile(pattern).engine();
        } catch (OperatorArgumentException e) {
            failures.add(p.file() + " " + p.id() + ": " + e.getMessage());
            return PcreRegex.Engine.BUDGETED_JAVA;
        }
    }

    static List<CrsPattern> crsPatterns() throws IOException {
        List<CrsPattern> out = new ArrayList<>();
        for (String[] rule : crsRules()) {
            String body = rule[1].startsWith("!") ? rule[1].substring(1) : rule[1];
            if (body.startsWith("@rx ")) {
                out.add(new CrsPattern(rule[0], rule[2], body.substring(4)));
            } else if (!body.startsWith("@")) {
                out.add(new CrsPattern(rule[0], rule[2], body));
            }
        }
        return out;
    }

    private static List<String> crsOperators() throws IOException {
        return crsRules().stream().map(rule -> rule[1]).toList();
    }

    /** File, operator argument (second quoted argument) and id of every {@code SecRule}. */
    private static List<String[]> crsRules() throws IOException {
        List<String[]> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(RULES)) {
            files = list.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
        }
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).replace("\\\r\n", "").replace("\\\n", "");
            for (String line : text.split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.startsWith("SecRule ")) {
                    continue;
                }
                List<String> quoted = quotedArguments(trimmed);
                if (quoted.size() < 2) {
                    continue;
                }
                String actions = quoted.size() > 1 ? quoted.get(1) : "";
                String id = actions.replaceAll("(?s).*?id:(\\d+).*", "$1");
                out.add(new String[] {file.getFileName().toString(), quoted.get(0), id});
            }
        }
        return out;
    }

    /** The double-quoted arguments of a directive line, {@code \"} unescaped. */
    private static List<String> quotedArguments(String line) {
        List<String> out = new ArrayList<>();
        int k = 0;
        while ((k = line.indexOf('"', k)) >= 0) {
            StringBuilder arg = new StringBuilder();
            k++;
            while (k < line.length() && line.charAt(k) != '"') {
                if (line.charAt(k) == '\\' && k + 1 < line.length() && line.charAt(k + 1) == '"') {
                    k++;
                }
                arg.append(line.charAt(k++));
            }
            out.add(arg.toString());
            k++;
        }
        return out;
    }
}
