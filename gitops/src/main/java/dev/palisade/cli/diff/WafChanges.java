package dev.palisade.cli.diff;

import dev.palisade.compiler.waf.CrsRuleSet;
import dev.palisade.compiler.waf.CrsSettings;
import dev.palisade.dsl.ast.PathMatch;
import dev.palisade.dsl.ast.WafBlock;
import dev.palisade.dsl.diag.Span;
import dev.palisade.engine.waf.EngineMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What changed in one policy's {@code waf} block, read from the two blocks as written: the mode,
 * each {@code crs} setting (with the Core Rule Set's defaults where a setting is left out), custom
 * rules by id, exclusions, and SecLang (includes by path, and whether an included file's content
 * changed; inline text). A reviewer sees "paranoia 1 -> 4" even when no sampled request moved.
 * Order changes alone are not reported.
 */
final class WafChanges {
    private WafChanges() {}

    static List<String> of(Optional<PolicyVersion.WafSource> before, Optional<PolicyVersion.WafSource> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return before.isEmpty() == after.isEmpty() ? List.of()
                    : after.isPresent() ? List.of("WAF added (" + after.get().block().span().location() + ")")
                            : List.of("WAF removed (was " + before.get().block().span().location() + ")");
        }
        WafBlock was = before.get().block();
        WafBlock is = after.get().block();
        List<String> lines = new ArrayList<>();
        String wasMode = mode(was);
        String isMode = mode(is);
        if (!wasMode.equals(isMode)) {
            lines.add("mode " + wasMode + " -> " + isMode + " (" + where(items(is, WafBlock.Mode.class), is) + ")");
        }
        crs(items(was, WafBlock.Crs.class), before.get().directory(), items(is, WafBlock.Crs.class), after.get().directory(),
                is, lines);
        compare(rules(was), rules(is), lines);
        compare(byText(was, WafBlock.Exclusion.class, WafChanges::exclusion),
                byText(is, WafBlock.Exclusion.class, WafChanges::exclusion), lines);
        compare(includes(before.get()), includes(after.get()), lines);
        compare(byText(was, WafBlock.SeclangInline.class, WafChanges::inline),
                byText(is, WafBlock.SeclangInline.class, WafChanges::inline), lines);
        return lines;
    }

    /** The engine mode the block lowers to: blocking unless a {@code mode detection} line says otherwise. */
    private static String mode(WafBlock waf) {
        List<WafBlock.Mode> modes = items(waf, WafBlock.Mode.class);
        return modes.isEmpty() ? "blocking" : modes.get(modes.size() - 1).mode().text();
    }

    private static void crs(List<WafBlock.Crs> was, Path wasDirectory, List<WafBlock.Crs> is, Path isDirectory,
            WafBlock after, List<String> lines) {
        if (was.isEmpty() != is.isEmpty()) {
            lines.add(is.isEmpty() ? "crs removed (was " + was.get(0).span().location() + ")"
                    : "crs added: " + crsText(is.get(0)) + " (" + is.get(0).span().location() + ")");
            return;
        }
        if (was.isEmpty()) {
            return;
        }
        for (String key : CrsSettings.keys()) {
            String before = crsValue(was.get(0), key, wasDirectory);
            String now = crsValue(is.get(0), key, isDirectory);
            if (!before.equals(now)) {
                lines.add("crs " + key + " " + before + " -> " + now + " (" + is.get(0).span().location() + ")");
            }
        }
    }

    /** A setting as written, or what the rule set uses when it is left out. */
    private static String crsValue(WafBlock.Crs crs, String key, Path directory) {
        for (WafBlock.CrsSetting setting : crs.settings()) {
            if (setting.key().equals(key)) {
                return setting.number().map(number -> number.text())
                        .or(() -> setting.text().map(text -> '"' + text.value() + '"')).orElse("on");
            }
        }
        CrsRuleSet.Options options = CrsSettings.options(crs, EngineMode.ON, directory);
        return switch (key) {
            case "version" -> Integer.toString(options.version());
            case "paranoia" -> Integer.toString(options.paranoia());
            case "inbound-threshold" -> Integer.toString(options.inboundThreshold());
            case "outbound-threshold" -> Integer.toString(options.outboundThreshold());
            case "early-blocking" -> "off";
            default -> "unset";
        };
    }

    private static String crsText(WafBlock.Crs crs) {
        StringBuilder text = new StringBuilder("crs");
        for (WafBlock.CrsSetting setting : crs.settings()) {
            text.append(' ').append(setting.key());
            setting.number().ifPresent(number -> text.append(' ').append(number.text()));
            setting.text().ifPresent(string -> text.append(" \"").append(string.value()).append('"'));
        }
        return text.toString();
    }

    /** Custom rules by id; the label shows the id and message. */
    private static Map<String, Labelled> rules(WafBlock waf) {
        Map<String, Labelled> rules = new LinkedHashMap<>();
        for (WafBlock.CustomRule rule : items(waf, WafBlock.CustomRule.class)) {
            rules.put(rule.id().text(), new Labelled("rule " + rule.id().text() + " \"" + rule.message().value() + "\"",
                    rule.span(), rule));
        }
        return rules;
    }

    /** A {@code seclang include}'s identity is its path; its content, the file's bytes. */
    private static Map<String, Labelled> includes(PolicyVersion.WafSource source) {
        Map<String, Labelled> includes = new LinkedHashMap<>();
        for (WafBlock.SeclangInclude include : items(source.block(), WafBlock.SeclangInclude.class)) {
            String path = include.path().value();
            includes.put(path, new Labelled("seclang include \"" + path + "\"", include.span(), bytes(source.directory().resolve(path))));
        }
        return includes;
    }

    /** The file's bytes as a string (one char a byte), or empty when it cannot be read. */
    private static String bytes(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static <T extends WafBlock.Item> Map<String, Labelled> byText(WafBlock waf, Class<T> kind,
            java.util.function.Function<T, String> label) {
        Map<String, Labelled> items = new LinkedHashMap<>();
        for (T item : items(waf, kind)) {
            String key = item instanceof WafBlock.SeclangInline inline ? inline.text().value() : label.apply(item);
            items.put(key, new Labelled(label.apply(item), item.span(), item));
        }
        return items;
    }

    private record Labelled(String label, Span span, Object content) {}

    /** Added and removed by key; "changed" when both have the key and the content differs. */
    private static void compare(Map<String, Labelled> was, Map<String, Labelled> is, List<String> lines) {
        was.forEach((key, old) -> {
            Labelled now = is.get(key);
            if (now == null) {
                lines.add("removed: " + old.label() + " (was " + old.span().location() + ")");
            } else if (!AstEquality.same(old.content(), now.content())) {
                lines.add("changed: " + now.label() + " (" + now.span().location() + ", was " + old.span().location() + ")");
            }
        });
        is.forEach((key, now) -> {
            if (!was.containsKey(key)) {
                lines.add("added: " + now.label() + " (" + now.span().location() + ")");
            }
        });
    }

    /** Inline SecLang by its first line. */
    private static String inline(WafBlock.SeclangInline inline) {
        String text = inline.text().value().strip();
        int end = text.indexOf('\n');
        return "seclang \"" + (end < 0 ? text : text.substring(0, end) + " ...") + "\"";
    }

    private static String exclusion(WafBlock.Exclusion exclusion) {
        StringBuilder text = new StringBuilder("exclude rule ");
        text.append(exclusion.ids().stream()
                .map(range -> range.first().text() + range.last().map(last -> "-" + last.text()).orElse(""))
                .collect(Collectors.joining(", ")));
        exclusion.target().ifPresent(target -> text.append(" for ").append(target.excluded() ? "!" : "")
                .append(target.count() ? "&" : "").append(target.collection().text())
                .append(target.member().map(member -> ":" + member).orElse("")));
        if (!exclusion.paths().isEmpty()) {
            text.append(" on path ").append(exclusion.paths().stream()
                    .map(path -> (path.kind() == PathMatch.Kind.EXACT ? "exact" : "prefix") + " \"" + path.path().value() + "\"")
                    .collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    private static String where(List<? extends WafBlock.Item> items, WafBlock waf) {
        return (items.isEmpty() ? waf.span() : items.get(items.size() - 1).span()).location();
    }

    private static <T> List<T> items(WafBlock waf, Class<T> kind) {
        return waf.items().stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
