package dev.palisade.engine.waf;

import dev.palisade.engine.transform.Transformation;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * One transaction's side of the {@link LiteralScreens}: per screen group, which literal sets its
 * values hold, worked out the first time a rule of the group asks; per value, which sets it holds.
 */
final class ScreenResults {
    private LiteralScreens screens;
    private long[][] groupLiterals;
    /** By identity: rules share values, and most pipelines return a value as it is. */
    private final IdentityHashMap<String, long[]> valueLiterals = new IdentityHashMap<>(128);

    /** Whether the screen's group has been worked out since the last {@link #clear}. */
    boolean known(LiteralScreens.Screen screen) {
        if (screens != screen.owner) {
            screens = screen.owner;
            groupLiterals = new long[screens.groups()][];
        }
        return groupLiterals[screen.group] != null;
    }

    /** Works out the screen's group from its values ({@code targets}: the group's target list, collected). */
    void learn(LiteralScreens.Screen screen, List<Target> targets) {
        long[] found = new long[screens.matcher().words()];
        for (int i = 0, n = targets.size(); i < n; i++) {
            String value = targets.get(i).value();
            if (screen.multiMatch) {
                add(value, found); // multiMatch: the raw value and every value a step changes
            }
            for (Transformation transformation : screen.pipeline) {
                String next = transformation.apply(value);
                if (screen.multiMatch && !next.equals(value)) {
                    add(next, found);
                }
                value = next;
            }
            if (!screen.multiMatch) {
                add(value, found);
            }
        }
        groupLiterals[screen.group] = found;
    }

    /** Whether a value of the screen's group holds one of its operator's literals; after {@link #learn}. */
    boolean found(LiteralScreens.Screen screen) {
        return (groupLiterals[screen.group][screen.set >>> 6] & (1L << screen.set)) != 0;
    }

    /** The request's variables changed (body read, {@code ctl}): groups are worked out again; values keep theirs. */
    void clear() {
        if (groupLiterals != null) {
            Arrays.fill(groupLiterals, null);
        }
    }

    private void add(String value, long[] found) {
        long[] literals = valueLiterals.get(value);
        if (literals == null) {
            literals = new long[found.length];
            screens.matcher().scan(value, literals);
            valueLiterals.put(value, literals);
        }
        for (int w = 0; w < found.length; w++) {
            found[w] |= literals[w];
        }
    }
}
