package dev.palisade.engine.waf;

import dev.palisade.engine.operator.OperatorContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One request's trip through the WAF: the request data ({@link RequestData}), the mutable
 * collections ({@code TX}, and per-transaction {@code IP}/{@code GLOBAL}/…), what the current rule
 * matched ({@code MATCHED_VAR(S)}, captures), the {@code ctl:} changes, and the log.
 *
 * <p>This is the runtime library interpreter and generated code share: both call the same
 * methods in the same order, so their verdicts can be compared. Not thread-safe: one per request.
 */
public final class Transaction implements OperatorContext {

    private static final AtomicLong UNIQUE_IDS = new AtomicLong(System.nanoTime() & 0xFFFFFFFFL);

    private final RequestData request;
    private final String uniqueId;
    private final Map<String, Map<String, Entry>> collections = new HashMap<>();
    private final RuleRemovals removals = new RuleRemovals();
    private final List<RuleMatch> matches = new ArrayList<>();
    private final List<Long> skipped = new ArrayList<>();

    private EngineMode mode;
    private OptionalInt interruption = OptionalInt.empty();

    private ResponseData response;
    private RuleInfo currentRule;
    private boolean capturing;
    private Target matchedVar;
    private final List<Target> matchedVars = new ArrayList<>();
    /** Targets of collections constant within a phase, per rule spec (by identity); emptied when the body is read. */
    private final IdentityHashMap<TargetSpec, List<Target>> targetCache = new IdentityHashMap<>();
    private final IdentityHashMap<List<TargetSpec>, List<Target>> targetListCache = new IdentityHashMap<>();
    private boolean cacheAfterBody;
    /** Counts the {@code ctl} actions that change what the body variables hold; caches are of one count. */
    private int bodyCtls;
    private int cacheBodyCtls;
    private final ScreenResults screenResults = new ScreenResults();

    public Transaction(WafRequest request, EngineMode mode, WafLimits limits) {
        this.request = new RequestData(request, limits);
        this.mode = mode;
        this.uniqueId = Long.toHexString(UNIQUE_IDS.incrementAndGet());
    }

    public RequestData request() {
        return request;
    }

    /** The response, once phase 3 starts; {@code null} before. */
    public ResponseData response() {
        return response;
    }

    void response(WafResponse response, ResponseBodyAccess access) {
        this.response = new ResponseData(response, access);
    }

    public String uniqueId() {
        return uniqueId;
    }

    public EngineMode engineMode() {
        return mode;
    }

    // ---- rule evaluation -------------------------------------------------------------------

    /** Called before a chain's head: clears what the previous rule matched. */
    public void beginRule(RuleInfo rule, boolean capture) {
        currentRule = rule;
        capturing = capture;
        if (!matchedVars.isEmpty()) { // most rules match nothing
            matchedVars.clear();
        }
    }

    /** Called before each chained rule: its own {@code capture} setting applies. */
    public void beginChainLink(boolean capture) {
        capturing = capture;
    }

    /** Whether {@code ctl} removed this rule for the rest of the transaction. */
    public boolean removed(RuleInfo rule) {
        return removals.removes(rule);
    }

    /**
     * The values a rule inspects: each spec's members, minus the {@code !} exclusions of the rule
     * and of {@code ctl:ruleRemoveTarget…}, in the rule's order.
     */
    public List<Target> targets(List<TargetSpec> specs, RuleInfo rule) {
        // A whole list's values, when no ctl narrows them for this rule and none of its collections
        // changes within a phase: shared by every rule with the same (interned) list, unmodifiable.
        if (!removals.removesTargetsOf(rule) && Variables.cacheable(specs)) {
            List<Target> cached = cachedTargetList(specs);
            if (cached == null) {
                cached = List.copyOf(collectTargets(specs, rule));
                targetListCache.put(specs, cached);
            }
            return cached;
        }
        if (specs.size() == 1 && !removals.removesTargetsOf(rule)) {
            // One TX member by name, as the 70-odd paranoia-level gates read TX:EXECUTING_PARANOIA_LEVEL:
            // no list to build and no exclusions to work out.
            TargetSpec spec = specs.get(0);
            if (spec.collection().equals("TX") && Variables.namesOneMember(spec) && !spec.excluded() && !spec.count()) {
                Target member = Variables.namedMember(this, spec);
                return member == null ? List.of() : List.of(member);
            }
        }
        return collectTargets(specs, rule);
    }

    /**
     * False only when the link cannot match: no value it would inspect (its targets, through its
     * pipeline) holds one of its operator's required literals. A {@code null} screen, or a rule
     * whose targets {@code ctl} narrowed, is always worth evaluating.
     */
    public boolean mayMatch(LiteralScreens.Screen screen, RuleInfo rule) {
        if (screen == null || removals.removesTargetsOf(rule)) {
            return true;
        }
        clearCachesAfterBody();
        if (!screenResults.known(screen)) {
            screenResults.learn(screen, targets(screen.specs, rule));
        }
        return screenResults.found(screen);
    }

    private List<Target> collectTargets(List<TargetSpec> specs, RuleInfo rule) {
        List<Target> out = new ArrayList<>();
        List<TargetSpec> exclusions = removals.targetExclusions(rule, specs);
        for (TargetSpec spec : specs) {
            if (spec.excluded()) {
                continue;
            }
            int from = out.size();
            Variables.collect(this, spec, out);
            if (!exclusions.isEmpty() && !spec.count()) {
                for (int i = out.size() - 1; i >= from; i--) {
                    if (excludedBy(out.get(i), spec, exclusions)) {
                        out.remove(i);
                    }
                }
            }
        }
        return out;
    }

    private static boolean excludedBy(Target target, TargetSpec spec, List<TargetSpec> exclusions) {
        for (TargetSpec exclusion : exclusions) {
            if (exclusion.collection().equals(spec.collection())) {
                String name = target.name();
                int colon = name.indexOf(':');
                String key = colon < 0 ? "" : name.substring(colon + 1);
                if (exclusion.key().isEmpty() || exclusion.selects(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Records a match of {@code target} ({@code MATCHED_VAR}, {@code MATCHED_VAR_NAME}, {@code MATCHED_VARS}). */
    public void matched(Target target, String value) {
        Target matched = new Target(target.name(), value);
        matchedVar = matched;
        matchedVars.add(matched);
    }

    /** Logs a matching rule (or chain) that has {@code log}; {@code disruptive} when it interrupts. */
    public void log(RuleInfo rule, boolean disruptive) {
        matches.add(new RuleMatch(rule.id(), rule.phase(), expand(rule.message()), expand(rule.logData()),
                rule.severity(), rule.tags(), disruptive));
    }

    /** Marks a rule the engine cannot evaluate (unsupported operator): reported, never silently passed. */
    public void skip(long ruleId) {
        if (!skipped.contains(ruleId)) {
            skipped.add(ruleId);
        }
    }

    /** A disruptive action: interrupts only when the engine is {@link EngineMode#ON}. Returns whether it did. */
    public boolean interrupt(int status) {
        if (mode != EngineMode.ON) {
            return false;
        }
        if (interruption.isEmpty()) {
            // The first interruption is the answer; phase 5 still runs after it and cannot change it.
            interruption = OptionalInt.of(status);
        }
        return true;
    }

    public boolean interrupted() {
        return interruption.isPresent();
    }

    public WafResult result() {
        return new WafResult(interruption, matches, skipped);
    }

    // ---- OperatorContext ---------------------------------------------------------------------

    @Override
    public String expand(String text) {
        return Macros.expand(text, this);
    }

    @Override
    public boolean capturing() {
        return capturing;
    }

    @Override
    public void capture(int index, String value) {
        collectionPut("tx", Integer.toString(index), value);
    }

    @Override
    public void matchLimitExceeded(String operatorName) {
        collectionPut("tx", "MSC_PCRE_LIMITS_EXCEEDED", "1");
    }

    // ---- collections ------------------------------------------------------------------------

    /** {@code TX}, {@code IP}, …: the members of a mutable collection, in insertion order. */
    public Iterable<Entry> collection(String name) {
        Map<String, Entry> members = collections.get(collectionName(name));
        return members == null ? List.of() : members.values();
    }

    public String collectionGet(String collection, String key) {
        Entry entry = collectionEntry(collection, key);
        return entry == null ? null : entry.value();
    }

    /** The member named {@code key} (case-insensitively), or {@code null}. */
    public Entry collectionEntry(String collection, String key) {
        Map<String, Entry> members = collections.get(collectionName(collection));
        return members == null ? null : members.get(key.toLowerCase(Locale.ROOT));
    }

    /** The member with an already lower-cased key ({@link TargetSpec#memberKey}), or {@code null}. */
    Entry memberEntry(String collection, String lowerCaseKey) {
        Map<String, Entry> members = collections.get(collectionName(collection));
        return members == null ? null : members.get(lowerCaseKey);
    }

    /** Collections are indexed by lower-case name; TX, read in most rules, without making a string. */
    private static String collectionName(String name) {
        if (name.length() == 2 && (name.charAt(0) | 0x20) == 't' && (name.charAt(1) | 0x20) == 'x') {
            return "tx";
        }
        return name.toLowerCase(Locale.ROOT);
    }

    public void collectionPut(String collection, String key, String value) {
        collections.computeIfAbsent(collectionName(collection), c -> new LinkedHashMap<>())
                .put(key.toLowerCase(Locale.ROOT), new Entry(key, value));
    }

    public void collectionRemove(String collection, String key) {
        Map<String, Entry> members = collections.get(collectionName(collection));
        if (members != null) {
            members.remove(key.toLowerCase(Locale.ROOT));
        }
    }

    List<Target> cachedTargets(TargetSpec spec) {
        clearCachesAfterBody();
        return targetCache.get(spec);
    }

    private List<Target> cachedTargetList(List<TargetSpec> specs) {
        clearCachesAfterBody();
        return targetListCache.get(specs);
    }

    /**
     * The body processor adds ARGS_POST, FILES, XML…, and a {@code ctl} can change which processor
     * runs and whether REQUEST_BODY holds the body: what was collected before either is stale.
     */
    private void clearCachesAfterBody() {
        if (cacheAfterBody != request.bodyProcessed() || cacheBodyCtls != bodyCtls) {
            targetCache.clear();
            targetListCache.clear();
            screenResults.clear();
            cacheAfterBody = request.bodyProcessed();
            cacheBodyCtls = bodyCtls;
        }
    }

    void cacheTargets(TargetSpec spec, List<Target> targets) {
        targetCache.put(spec, targets);
    }

    Target matchedVar() {
        return matchedVar;
    }

    List<Target> matchedVars() {
        return matchedVars;
    }

    RuleInfo currentRule() {
        return currentRule;
    }

    // ---- ctl ----------------------------------------------------------------------------------

    public void removeRules(long first, long last) {
        removals.removeIds(first, last);
    }

    public void removeRulesByTag(String tag) {
        removals.removeTag(tag);
    }

    public void removeRulesByMessage(String message) {
        removals.removeMessage(message);
    }

    /** Removes {@code target} from the rules with ids in {@code first..last}, or with {@code tag} when not null. */
    public void removeTarget(long first, long last, String tag, TargetSpec target) {
        removals.removeTarget(first, last, tag, target);
    }

    public void engineMode(EngineMode mode) {
        this.mode = mode;
    }

    public void requestBodyProcessor(String processor) {
        request.bodyProcessor(processor);
        bodyCtls++;
    }

    public void requestBodyAccess(boolean on) {
        request.bodyAccess(on);
        bodyCtls++;
    }

    public void forceRequestBodyVariable(boolean on) {
        request.forceBodyVariable(on);
        bodyCtls++;
    }
}
