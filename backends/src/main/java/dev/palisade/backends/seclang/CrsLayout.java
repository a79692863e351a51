package dev.palisade.backends.seclang;

import dev.palisade.compiler.waf.CrsRuleSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Core Rule Set's files, in the order {@link CrsRuleSet} loads them (Debian's
 * {@code owasp-crs.load}, or v4's plugin order): the setup group ({@code crs-setup.conf}, plugin
 * config and before files, {@code REQUEST-900}) comes before the policy's own rules, the rules
 * group ({@code rules/*.conf}, plugin after files, {@code RESPONSE-999}) after them. The emitted
 * file names each with an {@code Include}, so the CRS stays the installed package at run time.
 *
 * <p>The list is the one {@code CrsRuleSet} walks (its helpers are private to the compiler):
 * files are included even when they add no rule, because their configuration directives still
 * count.
 */
record CrsLayout(List<Path> setup, List<Path> rules) {

    static CrsLayout of(CrsRuleSet.Options options) {
        List<Path> setup = new ArrayList<>();
        setup.add(options.setup());
        options.plugins().ifPresent(plugins -> {
            setup.addAll(list(plugins, "-config.conf"));
            setup.addAll(list(plugins, "-before.conf"));
        });
        Path before = options.setup().resolveSibling("REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf");
        if (Files.isReadable(before)) {
            setup.add(before);
        }
        List<Path> rules = new ArrayList<>(list(options.rules(), ".conf"));
        options.plugins().ifPresent(plugins -> rules.addAll(list(plugins, "-after.conf")));
        Path after = options.setup().resolveSibling("RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf");
        if (Files.isReadable(after)) {
            rules.add(after);
        }
        return new CrsLayout(List.copyOf(setup), List.copyOf(rules));
    }

    /** Every file, setup group first. */
    List<Path> all() {
        List<Path> all = new ArrayList<>(setup);
        all.addAll(rules);
        return all;
    }

    /** The position of the file a span names in {@link #all()}, or -1 when it is not a CRS file. */
    int indexOf(String spanFile) {
        List<Path> all = all();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).toString().equals(spanFile)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Path> list(Path directory, String suffix) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
