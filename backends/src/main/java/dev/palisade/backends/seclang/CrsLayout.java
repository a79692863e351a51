package dev.palisade.backends.seclang;

import dev.palisade.compiler.waf.CrsRuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Core Rule Set's files, in the order {@link CrsRuleSet} loads them (Debian's
 * {@code owasp-crs.load}, or v4's plugin order): the setup group ({@code crs-setup.conf}, plugin
 * config and before files, {@code REQUEST-900}) comes before the policy's own rules, the rules
 * group ({@code rules/*.conf}, plugin after files, {@code RESPONSE-999}) after them. The emitted
 * file names each with an {@code Include}, so the CRS stays the installed package at run time.
 *
 * <p>The list is the one {@code CrsRuleSet} walks: files are included even when they add no
 * rule, because their configuration directives still count.
 */
record CrsLayout(List<Path> setup, List<Path> rules) {

    static CrsLayout of(CrsRuleSet.Options options) {
        List<Path> setup = new ArrayList<>();
        setup.add(options.setup());
        setup.addAll(CrsRuleSet.setupFilesAfterTuning(options));
        return new CrsLayout(List.copyOf(setup), List.copyOf(CrsRuleSet.ruleGroupFiles(options)));
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
}
