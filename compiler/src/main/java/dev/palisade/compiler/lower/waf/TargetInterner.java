package dev.palisade.compiler.lower.waf;

import dev.palisade.engine.waf.TargetSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance per distinct target and per distinct target list of a rule set. The engine caches
 * what a target list yields for a request by the list's identity, and CRS repeats the same lists
 * in dozens of rules ({@code REQUEST_COOKIES|!REQUEST_COOKIES:/__utm/|…|ARGS|XML:/*}): sharing the
 * instances lets every rule after the first reuse the collected values. Equal text selects the
 * same values, so sharing changes nothing else.
 */
final class TargetInterner {
    private final Map<String, TargetSpec> specs = new HashMap<>();
    private final Map<List<String>, List<TargetSpec>> lists = new HashMap<>();

    /** The shared, unmodifiable instance of a list equal to {@code targets}. */
    List<TargetSpec> intern(List<TargetSpec> targets) {
        List<String> key = targets.stream().map(TargetSpec::text).toList();
        return lists.computeIfAbsent(key, text -> List.copyOf(targets.stream()
                .map(spec -> specs.computeIfAbsent(spec.text(), same -> spec)).toList()));
    }
}
