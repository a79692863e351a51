package dev.palisade.engine.waf;

import dev.palisade.engine.operator.LiteralSetMatcher;
import dev.palisade.engine.operator.Operator;
import dev.palisade.engine.transform.Transformation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-rule screening, the way multi-pattern WAF engines (Hyperscan-backed ModSecurity, RE2
 * sets) skip rules: most CRS operators can only match a value holding one of a few literals
 * ({@link Operator#requiredLiterals}), and most rules inspect the same target lists through the
 * same transformation pipelines. So a transaction scans each value once for every rule's literals
 * together ({@link LiteralSetMatcher}), ORs the results over a (target list, pipeline) group, and a
 * rule whose literals are in no value of its group is no match without looking at a single value
 * ({@link Transaction#mayMatch}). A rule that passes the screen is evaluated exactly as before.
 *
 * <p>Built once per rule set while its rules are linked (interpreter and generated code alike);
 * immutable once {@link Builder#build} ran, shared by all transactions.
 */
public final class LiteralScreens {

    /**
     * One rule link's screen: its group (target list and pipeline) and the bit of its literal set.
     * {@code specs} are the link's own (interned) target list.
     */
    public static final class Screen {
        final LiteralScreens owner;
        final int group;
        final int set;
        final List<TargetSpec> specs;
        final Transformation[] pipeline;
        final boolean multiMatch;

        private Screen(LiteralScreens owner, int group, int set, List<TargetSpec> specs, Transformation[] pipeline,
                boolean multiMatch) {
            this.owner = owner;
            this.group = group;
            this.set = set;
            this.specs = specs;
            this.pipeline = pipeline;
            this.multiMatch = multiMatch;
        }
    }

    private LiteralSetMatcher matcher;
    private int groups;

    private LiteralScreens() {}

    LiteralSetMatcher matcher() {
        return matcher;
    }

    int groups() {
        return groups;
    }

    /** Collects the screens of a rule set's links, then builds the one automaton they share. */
    public static final class Builder {
        private final LiteralScreens screens = new LiteralScreens();
        private final Map<List<String>, Integer> sets = new HashMap<>();
        private final List<List<String>> literalSets = new ArrayList<>();
        /** Groups by target list (identity), then by pipeline, then by whether intermediate values count. */
        private final Map<List<TargetSpec>, Map<List<Object>, Integer>> groups = new IdentityHashMap<>();
        private boolean built;
        private boolean disabled;

        /** A builder that gives no screens: every link evaluates every value. */
        public static Builder none() {
            Builder builder = new Builder();
            builder.disabled = true;
            return builder;
        }

        /**
         * The screen for a link, or {@code null} when it cannot have one: a negated operator, one
         * without required literals, or targets whose values rules change within a phase
         * ({@code TX}, matched variables …), which a per-transaction result could not follow. With
         * {@code multiMatch} the screen covers the intermediate values the operator also sees.
         *
         * @param specs the link's target list, interned per rule set (screens group by identity)
         */
        public Screen screen(List<TargetSpec> specs, Transformation[] pipeline, Operator operator, boolean negated,
                boolean multiMatch) {
            if (built) {
                throw new IllegalStateException("screens are added before build()");
            }
            List<String> literals = operator == null ? null : operator.requiredLiterals();
            if (disabled || literals == null || negated || !Variables.cacheable(specs)) {
                return null;
            }
            // Literals are found ASCII case-insensitively, so a final t:lowercase changes nothing they see.
            int steps = pipeline.length;
            while (steps > 0 && pipeline[steps - 1].onlyFoldsAsciiCase()) {
                steps--;
            }
            Transformation[] screened = Arrays.copyOf(pipeline, steps);
            int set = sets.computeIfAbsent(List.copyOf(literals), key -> {
                literalSets.add(key);
                return literalSets.size() - 1;
            });
            int group = groups.computeIfAbsent(specs, s -> new HashMap<>())
                    .computeIfAbsent(List.of(Arrays.asList(screened), multiMatch), p -> screens.groups++);
            return new Screen(screens, group, set, specs, screened, multiMatch);
        }

        public LiteralScreens build() {
            built = true;
            screens.matcher = LiteralSetMatcher.of(literalSets);
            return screens;
        }
    }
}
