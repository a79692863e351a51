package dev.palisade.engine.waf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What {@code ctl:ruleRemove…} took away from this transaction's rules. Tags and messages are
 * regular expressions searched in the rule's tags and message, as ModSecurity v2 reads them
 * ({@code ruleRemoveByTag=attack-sqli} removes every rule with a tag containing {@code attack-sqli}).
 *
 * <p>Every rule asks before it runs, and a tag removal is a search in each of the rule's tags:
 * CRS v4 sets a {@code ruleRemoveTargetByTag} in every request, which made these searches (then a
 * {@link java.util.regex.Matcher} per tag) a fifth of a benign GET. So plain words are searched as
 * text ({@link TextSearch}), and the answers are kept per rule until the next {@code ctl} changes them.
 */
final class RuleRemovals {

    private record IdRange(long first, long last) {
        boolean contains(long id) {
            return id >= first && id <= last;
        }
    }

    private record TargetRemoval(IdRange ids, TextSearch tag, TargetSpec target) {
        boolean appliesTo(RuleInfo rule) {
            return tag != null ? anyTag(rule, tag) : ids.contains(rule.id());
        }
    }

    private final List<IdRange> ids = new ArrayList<>();
    private final List<TextSearch> tags = new ArrayList<>();
    private final List<TextSearch> messages = new ArrayList<>();
    private final List<TargetRemoval> targets = new ArrayList<>();
    private final Set<List<Object>> targetRemovalKeys = new HashSet<>();
    /** Per rule: removed or not; emptied when a removal is added. */
    private final IdentityHashMap<RuleInfo, Boolean> removed = new IdentityHashMap<>();
    /** Per rule: the {@code ctl} target removals that apply to it (often none); emptied when one is added. */
    private final IdentityHashMap<RuleInfo, List<TargetSpec>> removedTargets = new IdentityHashMap<>();

    void removeIds(long first, long last) {
        ids.add(new IdRange(first, last));
        removed.clear();
    }

    void removeTag(String tag) {
        tags.add(TextSearch.of(tag));
        removed.clear();
    }

    void removeMessage(String message) {
        messages.add(TextSearch.of(message));
        removed.clear();
    }

    void removeTarget(long first, long last, String tag, TargetSpec target) {
        // A ctl rule that matches several values removes the same target once per match: keep one.
        if (!targetRemovalKeys.add(Arrays.asList(first, last, tag, target.text()))) {
            return;
        }
        targets.add(new TargetRemoval(new IdRange(first, last), tag == null ? null : TextSearch.of(tag), target));
        removedTargets.clear();
    }

    private static boolean anyTag(RuleInfo rule, TextSearch search) {
        for (String tag : rule.tags()) {
            if (search.foundIn(tag)) {
                return true;
            }
        }
        return false;
    }

    boolean removes(RuleInfo rule) {
        if (ids.isEmpty() && tags.isEmpty() && messages.isEmpty()) {
            return false;
        }
        Boolean known = removed.get(rule);
        if (known == null) {
            known = removesNow(rule);
            removed.put(rule, known);
        }
        return known;
    }

    private boolean removesNow(RuleInfo rule) {
        if (rule.id() != 0) {
            for (IdRange range : ids) {
                if (range.contains(rule.id())) {
                    return true;
                }
            }
        }
        for (TextSearch tag : tags) {
            if (anyTag(rule, tag)) {
                return true;
            }
        }
        for (TextSearch message : messages) {
            if (message.foundIn(rule.message())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a {@code ctl:ruleRemoveTarget…} of this request applies to the rule. */
    boolean removesTargetsOf(RuleInfo rule) {
        return !targets.isEmpty() && !removedTargets(rule).isEmpty();
    }

    /** The rule's own {@code !} specs plus every {@code ctl} target removal that applies to it. */
    List<TargetSpec> targetExclusions(RuleInfo rule, List<TargetSpec> specs) {
        List<TargetSpec> exclusions = List.of();
        for (int i = 0, n = specs.size(); i < n; i++) {
            if (specs.get(i).excluded()) {
                exclusions = add(exclusions, specs.get(i));
            }
        }
        if (!targets.isEmpty()) {
            for (TargetSpec target : removedTargets(rule)) {
                exclusions = add(exclusions, target);
            }
        }
        return exclusions;
    }

    private List<TargetSpec> removedTargets(RuleInfo rule) {
        List<TargetSpec> known = removedTargets.get(rule);
        if (known == null) {
            known = new ArrayList<>();
            for (TargetRemoval removal : targets) {
                if (removal.appliesTo(rule)) {
                    known.add(removal.target());
                }
            }
            known = List.copyOf(known);
            removedTargets.put(rule, known);
        }
        return known;
    }

    private static List<TargetSpec> add(List<TargetSpec> list, TargetSpec spec) {
        List<TargetSpec> grown = list.isEmpty() ? new ArrayList<>() : list;
        grown.add(spec);
        return grown;
    }
}
