package dev.palisade.engine.waf;

import java.util.ArrayList;
import java.util.List;

/** What {@code ctl:ruleRemove…} took away from this transaction's rules. Tags and messages compare exactly. */
final class RuleRemovals {

    private record IdRange(long first, long last) {
        boolean contains(long id) {
            return id >= first && id <= last;
        }
    }

    private record TargetRemoval(IdRange ids, String tag, TargetSpec target) {
        boolean appliesTo(RuleInfo rule) {
            return tag != null ? rule.tags().contains(tag) : ids.contains(rule.id());
        }
    }

    private final List<IdRange> ids = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final List<TargetRemoval> targets = new ArrayList<>();

    void removeIds(long first, long last) {
        ids.add(new IdRange(first, last));
    }

    void removeTag(String tag) {
        tags.add(tag);
    }

    void removeMessage(String message) {
        messages.add(message);
    }

    void removeTarget(long first, long last, String tag, TargetSpec target) {
        targets.add(new TargetRemoval(new IdRange(first, last), tag, target));
    }

    boolean removes(RuleInfo rule) {
        if (rule.id() != 0) {
            for (IdRange range : ids) {
                if (range.contains(rule.id())) {
                    return true;
                }
            }
        }
        for (String tag : tags) {
            if (rule.tags().contains(tag)) {
                return true;
            }
        }
        return !messages.isEmpty() && messages.contains(rule.message());
    }

    /** The rule's own {@code !} specs plus every {@code ctl} target removal that applies to it. */
    List<TargetSpec> targetExclusions(RuleInfo rule, List<TargetSpec> specs) {
        List<TargetSpec> exclusions = List.of();
        for (TargetSpec spec : specs) {
            if (spec.excluded()) {
                exclusions = add(exclusions, spec);
            }
        }
        for (TargetRemoval removal : targets) {
            if (removal.appliesTo(rule)) {
                exclusions = add(exclusions, removal.target());
            }
        }
        return exclusions;
    }

    private static List<TargetSpec> add(List<TargetSpec> list, TargetSpec spec) {
        List<TargetSpec> grown = list.isEmpty() ? new ArrayList<>() : list;
        grown.add(spec);
        return grown;
    }
}
