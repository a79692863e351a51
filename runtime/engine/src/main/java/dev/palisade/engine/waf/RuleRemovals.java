package dev.palisade.engine.waf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What {@code ctl:ruleRemove…} took away from this transaction's rules. Tags and messages are
 * regular expressions searched in the rule's tags and message, as ModSecurity v2 reads them
 * ({@code ruleRemoveByTag=attack-sqli} removes every rule with a tag containing {@code attack-sqli}).
 */
final class RuleRemovals {

    private record IdRange(long first, long last) {
        boolean contains(long id) {
            return id >= first && id <= last;
        }
    }

    private record TargetRemoval(IdRange ids, Pattern tag, TargetSpec target) {
        boolean appliesTo(RuleInfo rule) {
            return tag != null ? anyTag(rule, tag) : ids.contains(rule.id());
        }
    }

    private final List<IdRange> ids = new ArrayList<>();
    private final List<Pattern> tags = new ArrayList<>();
    private final List<Pattern> messages = new ArrayList<>();
    private final List<TargetRemoval> targets = new ArrayList<>();

    void removeIds(long first, long last) {
        ids.add(new IdRange(first, last));
    }

    void removeTag(String tag) {
        tags.add(pattern(tag));
    }

    void removeMessage(String message) {
        messages.add(pattern(message));
    }

    void removeTarget(long first, long last, String tag, TargetSpec target) {
        targets.add(new TargetRemoval(new IdRange(first, last), tag == null ? null : pattern(tag), target));
    }

    /** The argument as a regular expression; one that does not compile is taken literally. */
    private static Pattern pattern(String text) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(text));
        }
    }

    private static boolean anyTag(RuleInfo rule, Pattern pattern) {
        for (String tag : rule.tags()) {
            if (pattern.matcher(tag).find()) {
                return true;
            }
        }
        return false;
    }

    boolean removes(RuleInfo rule) {
        if (rule.id() != 0) {
            for (IdRange range : ids) {
                if (range.contains(rule.id())) {
                    return true;
                }
            }
        }
        for (Pattern tag : tags) {
            if (anyTag(rule, tag)) {
                return true;
            }
        }
        for (Pattern message : messages) {
            if (message.matcher(rule.message()).find()) {
                return true;
            }
        }
        return false;
    }

    /** The rule's own {@code !} specs plus every {@code ctl} target removal that applies to it. */
    /** Whether a {@code ctl:ruleRemoveTarget…} of this request applies to the rule. */
    boolean removesTargetsOf(RuleInfo rule) {
        for (TargetRemoval removal : targets) {
            if (removal.appliesTo(rule)) {
                return true;
            }
        }
        return false;
    }

    List<TargetSpec> targetExclusions(RuleInfo rule, List<TargetSpec> specs) {
        List<TargetSpec> exclusions = List.of();
        for (int i = 0, n = specs.size(); i < n; i++) {
            if (specs.get(i).excluded()) {
                exclusions = add(exclusions, specs.get(i));
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
