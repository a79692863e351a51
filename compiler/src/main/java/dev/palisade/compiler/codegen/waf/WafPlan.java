package dev.palisade.compiler.codegen.waf;

import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.ir.waf.IrWafAction;
import dev.palisade.compiler.ir.waf.IrWafItem;
import dev.palisade.compiler.ir.waf.IrWafMarker;
import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.compiler.waf.WafLinking;
import dev.palisade.engine.operator.Operator;
import dev.palisade.engine.transform.Transformation;
import dev.palisade.engine.waf.LiteralScreens;
import dev.palisade.engine.waf.RuleInfo;
import dev.palisade.engine.waf.TargetSpec;
import dev.palisade.engine.waf.action.Ctl;
import dev.palisade.engine.waf.action.SetVar;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WAF rule set laid out for code generation: the request phases (1 and 2, what
 * {@code WafInterpreter.inspect} runs) with each rule's position, where its {@code skipAfter}/{@code skip}
 * lands, and the engine objects the generated class receives through its constructor (operators,
 * target lists, rule infos, {@code setvar}/{@code ctl} actions, transformations), built with the
 * same factories the interpreter uses, in the same way.
 *
 * <p>Positions count rules only; a marker is where the next rule starts. A jump past the last
 * rule lands on {@link Phase#size()}.
 */
public final class WafPlan {

    /** A constant the generated code reads: which array and which slot. */
    public record Action(boolean setVar, int index, String text) {}

    /**
     * One link of a chain (the head is link 0).
     *
     * @param targets slot in the target-list array, -1 for {@code SecAction}
     * @param operator slot in the operator array, -1 for {@code SecAction} or an unsupported operator
     * @param unsupported why the operator cannot run, or null
     * @param screen slot in the screen array, -1 when the link has no literal screen
     */
    public record Link(IrWafRule ir, int targets, int operator, String unsupported, List<Action> actions, int screen) {
        public boolean unconditional() {
            return ir.operator().isEmpty();
        }
    }

    /**
     * A rule (or chain) at its place in a phase.
     *
     * @param info slot of its {@link RuleInfo}
     * @param next the position after a match when {@code skipAfter}/{@code skip} applies, else -1
     */
    public record Rule(IrWafRule head, int position, String methodName, int info, List<Link> links, int next) {}

    /** A phase's rules in order, and the markers (by the position of the rule that follows each). */
    public record Phase(int number, List<Rule> rules, Map<Integer, List<String>> markersBefore) {
        public int size() {
            return rules.size();
        }
    }

    private final IrWaf waf;
    private final String hash;
    private final List<Phase> phases = new ArrayList<>();
    private final List<RuleInfo> infos = new ArrayList<>();
    private final List<List<TargetSpec>> targets = new ArrayList<>();
    private final List<Operator> operators = new ArrayList<>();
    private final List<SetVar> setVars = new ArrayList<>();
    private final List<Ctl> ctls = new ArrayList<>();
    private final Map<String, Transformation> transformations = new LinkedHashMap<>();
    private final Map<String, Integer> methodNames = new HashMap<>();
    private final LiteralScreens.Builder screenBuilder = new LiteralScreens.Builder();
    private final List<LiteralScreens.Screen> screens = new ArrayList<>();

    private WafPlan(IrWaf waf) {
        this.waf = waf;
        this.hash = hash(waf);
        for (int phase = 1; phase <= 2; phase++) {
            phases.add(phase(phase));
        }
        screenBuilder.build();
    }

    /**
     * Lays out {@code waf} and builds its engine objects (regexes compile here).
     *
     * @throws IllegalStateException for an unknown transformation or per-match action, as the interpreter does
     * @throws IllegalArgumentException for a {@code setvar}/{@code ctl} argument the engine rejects
     */
    public static WafPlan of(IrWaf waf) {
        return new WafPlan(waf);
    }

    public IrWaf waf() {
        return waf;
    }

    /** 16 hex digits of SHA-256 over the IR's text: equal rule sets get equal class names. */
    public String hash() {
        return hash;
    }

    public List<Phase> phases() {
        return phases;
    }

    public List<RuleInfo> infos() {
        return infos;
    }

    public List<List<TargetSpec>> targets() {
        return targets;
    }

    public List<Operator> operators() {
        return operators;
    }

    public List<SetVar> setVars() {
        return setVars;
    }

    public List<Ctl> ctls() {
        return ctls;
    }

    /** The links' literal screens, by slot ({@link Link#screen}). */
    public List<LiteralScreens.Screen> screens() {
        return screens;
    }

    /** The transformations in use, by the name the rules wrote, in order of first use. */
    public Map<String, Transformation> transformations() {
        return transformations;
    }

    private Phase phase(int number) {
        // The phase as WafInterpreter sees it: its rules, and every marker (markers belong to all phases).
        List<IrWafItem> items = new ArrayList<>();
        for (IrWafItem item : waf.items()) {
            if (item instanceof IrWafMarker || item instanceof IrWafRule rule && rule.phase() == number) {
                items.add(item);
            }
        }
        int[] positionAt = new int[items.size() + 1];
        int position = 0;
        for (int i = 0; i < items.size(); i++) {
            positionAt[i] = position;
            if (items.get(i) instanceof IrWafRule) {
                position++;
            }
        }
        int size = position;
        positionAt[items.size()] = size;
        List<Rule> rules = new ArrayList<>();
        Map<Integer, List<String>> markers = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            IrWafItem item = items.get(i);
            if (item instanceof IrWafMarker marker) {
                markers.computeIfAbsent(positionAt[i], p -> new ArrayList<>()).add(marker.name());
                continue;
            }
            IrWafRule head = (IrWafRule) item;
            int next = -1;
            if (head.skipAfter().isPresent()) {
                next = size;
                for (int j = i + 1; j < items.size(); j++) {
                    if (items.get(j) instanceof IrWafMarker marker && marker.name().equals(head.skipAfter().get())) {
                        next = positionAt[j];
                        break;
                    }
                }
            } else if (head.skip() > 0) {
                next = (int) Math.min((long) positionAt[i] + head.skip() + 1, size);
            }
            rules.add(rule(head, positionAt[i], next));
        }
        return new Phase(number, List.copyOf(rules), markers);
    }

    private Rule rule(IrWafRule head, int position, int next) {
        RuleInfo info = WafLinking.info(head);
        int infoSlot = infos.size();
        infos.add(info);
        List<Link> links = new ArrayList<>();
        for (IrWafRule link = head; link != null; link = link.chained().orElse(null)) {
            links.add(link(link));
        }
        return new Rule(head, position, methodName(head, position), infoSlot, List.copyOf(links), next);
    }

    private Link link(IrWafRule ir) {
        for (String name : ir.transformations()) {
            if (!transformations.containsKey(name)) {
                transformations.put(name, WafLinking.transformation(name, ir));
            }
        }
        int targetSlot = -1;
        int operatorSlot = -1;
        int screenSlot = -1;
        WafLinking.LinkedOperator operator = WafLinking.operator(ir);
        if (ir.operator().isPresent()) {
            targetSlot = targets.size();
            targets.add(ir.targets());
            if (operator.operator() != null) {
                operatorSlot = operators.size();
                operators.add(operator.operator());
                LiteralScreens.Screen screen = screenBuilder.screen(ir.targets(), ir.transformations().stream()
                        .map(transformations::get).toArray(Transformation[]::new), operator.operator(),
                        ir.operator().get().negated(), ir.multiMatch());
                if (screen != null) {
                    screenSlot = screens.size();
                    screens.add(screen);
                }
            }
        }
        List<Action> actions = new ArrayList<>();
        for (IrWafAction action : ir.actions()) {
            String text = action.name() + ":" + action.value();
            switch (action.name()) {
                case "setvar" -> {
                    actions.add(new Action(true, setVars.size(), text));
                    setVars.add(SetVar.parse(action.value()));
                }
                case "ctl" -> {
                    actions.add(new Action(false, ctls.size(), text));
                    ctls.add(Ctl.parse(action.value()));
                }
                default -> throw new IllegalStateException("unknown per-match action " + action.name());
            }
        }
        return new Link(ir, targetSlot, operatorSlot, operator.unsupported(), List.copyOf(actions), screenSlot);
    }

    /** {@code rule942100}; a repeated id gets a suffix, an id-less rule its phase and position. */
    private String methodName(IrWafRule head, int position) {
        String base = head.id() == 0 ? "rulePhase" + head.phase() + "At" + position : "rule" + head.id();
        int seen = methodNames.merge(base, 1, Integer::sum);
        return seen == 1 ? base : base + "Again" + seen;
    }

    private static String hash(IrWaf waf) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(waf.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
