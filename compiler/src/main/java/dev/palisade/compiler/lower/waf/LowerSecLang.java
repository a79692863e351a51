package dev.palisade.compiler.lower.waf;

import dev.palisade.compiler.ir.waf.Disruptive;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.ir.waf.IrWafAction;
import dev.palisade.compiler.ir.waf.IrWafItem;
import dev.palisade.compiler.ir.waf.IrWafMarker;
import dev.palisade.compiler.ir.waf.IrWafOperator;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import dev.palisade.dsl.seclang.SecLangStatement;
import dev.palisade.dsl.seclang.SecLangStatement.ActionItem;
import dev.palisade.engine.waf.EngineMode;
import dev.palisade.engine.waf.ResponseBodyAccess;
import dev.palisade.engine.waf.TargetSpec;
import dev.palisade.engine.waf.WafLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * SecLang statements, in load order, to the WAF IR, with ModSecurity's configuration-time
 * semantics: {@code SecDefaultAction} applies to the rules after it, {@code chain} joins a rule to
 * the next, and the {@code SecRuleRemove…}/{@code SecRuleUpdate…} directives change the rules
 * defined before them.
 *
 * <p>Statements are fed in batches ({@link #add}) so a policy can interleave its own rules
 * ({@link #addRule}) with included files, then {@link #finish} builds the IR.
 */
public final class LowerSecLang {

    private final Diagnostics diagnostics;
    private final List<Object> items = new ArrayList<>();
    private final DefaultActions defaults = new DefaultActions();
    private EngineMode mode = EngineMode.ON;
    private WafLimits limits = WafLimits.DEFAULT;
    private ResponseBodyAccess responseBody = ResponseBodyAccess.DEFAULT;
    private RuleDraft openChain;

    public LowerSecLang(EngineMode mode, Diagnostics diagnostics) {
        this.mode = mode;
        this.diagnostics = diagnostics;
    }

    /** Lowers statements read from files in {@code dataDirectory} (where their data files live). */
    public void add(List<SecLangStatement> statements, Path dataDirectory) {
        for (SecLangStatement statement : statements) {
            if (statement instanceof SecLangStatement.Rule rule) {
                rule(rule.actions(), rule.span(), Optional.of(rule), dataDirectory);
            } else if (statement instanceof SecLangStatement.UnconditionalRule action) {
                rule(action.actions(), action.span(), Optional.empty(), dataDirectory);
            } else if (statement instanceof SecLangStatement.Marker marker) {
                closeChain();
                items.add(new IrWafMarker(marker.name(), marker.span()));
            } else if (statement instanceof SecLangStatement.DefaultAction defaultAction) {
                defaultAction(defaultAction);
            } else if (statement instanceof SecLangStatement.RemoveById remove) {
                heads().removeIf(r -> remove.ids().stream().anyMatch(i -> i.contains(r.id)));
            } else if (statement instanceof SecLangStatement.RemoveByMatch remove) {
                removeByMatch(remove);
            } else if (statement instanceof SecLangStatement.UpdateTarget update) {
                updateTarget(update);
            } else if (statement instanceof SecLangStatement.UpdateAction update) {
                updateAction(update);
            } else if (statement instanceof SecLangStatement.Setting setting) {
                setting(setting);
            }
        }
    }

    /** Adds a rule built elsewhere (a Palisade {@code rule} block, an exclusion). */
    public void addRule(RuleDraft rule) {
        closeChain();
        rule.defaults = defaults.forPhase(rule.phase);
        items.add(rule);
    }

    public EngineMode mode() {
        return mode;
    }

    public void mode(EngineMode mode) {
        this.mode = mode;
    }

    public IrWaf finish() {
        closeChain();
        List<IrWafItem> frozen = new ArrayList<>();
        TargetInterner interner = new TargetInterner();
        for (Object item : items) {
            frozen.add(item instanceof RuleDraft draft ? draft.freeze(interner) : (IrWafItem) item);
        }
        return new IrWaf(mode, limits, responseBody, frozen);
    }

    private void rule(List<ActionItem> actions, Span span, Optional<SecLangStatement.Rule> rule, Path dataDirectory) {
        RuleDraft draft = new RuleDraft();
        draft.span = span;
        Path file = Path.of(span.file()).toAbsolutePath().getParent();
        draft.dataDirectory = (file != null && !span.file().startsWith("<") ? file : dataDirectory).toString();
        rule.ifPresent(r -> {
            for (SecLangStatement.Variable v : r.variables()) {
                target(v).ifPresent(draft.targets::add);
            }
            draft.operator = Optional.of(new IrWafOperator(r.operator().name(), r.operator().argument(),
                    r.operator().negated()));
        });
        RuleActions.apply(draft, actions, diagnostics);
        if (openChain != null) {
            openChain.chained = draft;
            openChain = draft.chainsOn ? draft : null;
            return;
        }
        draft.defaults = defaults.forPhase(draft.phase);
        items.add(draft);
        openChain = draft.chainsOn ? draft : null;
    }

    /** Something other than a rule follows: a chain still waiting for its next rule is a mistake. */
    private void closeChain() {
        if (openChain != null) {
            diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, openChain.span, "`chain` is not followed by a rule");
            openChain = null;
        }
    }

    private Optional<TargetSpec> target(SecLangStatement.Variable v) {
        try {
            return Optional.of(TargetSpec.of(v.collection(), v.key(), v.keyIsRegex(), v.excluded(), v.count()));
        } catch (IllegalArgumentException e) {
            diagnostics.error(DiagnosticCode.INVALID_REGEX, v.span(), e.getMessage());
            return Optional.empty();
        }
    }

    private void defaultAction(SecLangStatement.DefaultAction statement) {
        RuleDraft probe = new RuleDraft();
        probe.span = statement.span();
        RuleActions.apply(probe, statement.actions(), diagnostics);
        defaults.set(probe.phase, new DefaultActions.Default(probe.disruptive == null ? Disruptive.PASS : probe.disruptive,
                probe.status, probe.log == null || probe.log, probe.transformations));
    }

    /** The chain heads defined so far (rules, not markers), for removal and updates. */
    private List<RuleDraft> heads() {
        List<RuleDraft> heads = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof RuleDraft draft) {
                heads.add(draft);
            }
        }
        return new RemovingList(heads, items);
    }

    private void removeByMatch(SecLangStatement.RemoveByMatch remove) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(remove.pattern());
        } catch (PatternSyntaxException e) {
            diagnostics.error(DiagnosticCode.INVALID_REGEX, remove.span(), "bad pattern: " + e.getDescription());
            return;
        }
        heads().removeIf(r -> remove.byTag() ? r.tags.stream().anyMatch(t -> pattern.matcher(t).find())
                : pattern.matcher(r.message).find());
    }

    private void updateTarget(SecLangStatement.UpdateTarget update) {
        List<TargetSpec> added = new ArrayList<>();
        update.targets().forEach(v -> target(v).ifPresent(added::add));
        Optional<List<TargetSpec>> replacing = update.replacing().map(list -> {
            List<TargetSpec> specs = new ArrayList<>();
            list.forEach(v -> target(v).ifPresent(specs::add));
            return specs;
        });
        for (RuleDraft rule : heads()) {
            boolean selected = update.ids().map(ids -> ids.stream().anyMatch(i -> i.contains(rule.id)))
                    .orElseGet(() -> update.tag().map(tag -> rule.tags.contains(tag)).orElse(false));
            if (!selected) {
                continue;
            }
            if (replacing.isPresent()) {
                int at = rule.targets.indexOf(replacing.get().get(0));
                if (at >= 0) {
                    rule.targets.remove(at);
                    rule.targets.addAll(at, added);
                    continue;
                }
            }
            rule.targets.addAll(added);
        }
    }

    private void updateAction(SecLangStatement.UpdateAction update) {
        for (RuleDraft rule : heads()) {
            if (update.ids().stream().anyMatch(i -> i.contains(rule.id))) {
                RuleActions.apply(rule, update.actions(), diagnostics);
            }
        }
    }

    private void setting(SecLangStatement.Setting setting) {
        String value = setting.values().isEmpty() ? "" : setting.values().get(0);
        switch (setting.name().toLowerCase(Locale.ROOT)) {
            case "secruleengine" -> EngineMode.parse(value).ifPresent(m -> mode = m);
            case "secrequestbodyaccess" -> limits = new WafLimits(value.equalsIgnoreCase("on"), limits.bodyLimit(),
                    limits.noFilesLimit(), limits.argumentSeparator(), limits.maxArguments(), limits.jsonDepth());
            case "secrequestbodylimit" -> number(setting, value).ifPresent(n -> limits = new WafLimits(limits.bodyAccess(),
                    n, limits.noFilesLimit(), limits.argumentSeparator(), limits.maxArguments(), limits.jsonDepth()));
            case "secrequestbodynofileslimit" -> number(setting, value).ifPresent(n -> limits = new WafLimits(
                    limits.bodyAccess(), limits.bodyLimit(), n, limits.argumentSeparator(), limits.maxArguments(),
                    limits.jsonDepth()));
            case "secargumentseparator" -> {
                if (value.length() == 1) {
                    limits = new WafLimits(limits.bodyAccess(), limits.bodyLimit(), limits.noFilesLimit(), value.charAt(0),
                            limits.maxArguments(), limits.jsonDepth());
                } else {
                    diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, setting.span(),
                            "SecArgumentSeparator takes one character");
                }
            }
            case "secresponsebodyaccess" -> responseBody = new ResponseBodyAccess(value.equalsIgnoreCase("on"),
                    responseBody.mimeTypes(), responseBody.limit());
            case "secresponsebodymimetype" -> responseBody = new ResponseBodyAccess(responseBody.on(), setting.values(),
                    responseBody.limit());
            case "secresponsebodylimit" -> number(setting, value).ifPresent(n -> responseBody = new ResponseBodyAccess(
                    responseBody.on(), responseBody.mimeTypes(), (int) Math.min(Integer.MAX_VALUE, n)));
            default -> { } // other settings (audit log, temp dirs, signatures) do not change verdicts
        }
    }

    private Optional<Long> number(SecLangStatement.Setting setting, String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            diagnostics.error(DiagnosticCode.WRONG_ARGUMENTS, setting.span(), "`" + value + "` is not a number");
            return Optional.empty();
        }
    }

    /** A view of the heads whose {@code removeIf} also removes them from the item list. */
    private static final class RemovingList extends java.util.AbstractList<RuleDraft> {
        private final List<RuleDraft> heads;
        private final List<Object> items;

        RemovingList(List<RuleDraft> heads, List<Object> items) {
            this.heads = heads;
            this.items = items;
        }

        @Override
        public RuleDraft get(int index) {
            return heads.get(index);
        }

        @Override
        public int size() {
            return heads.size();
        }

        @Override
        public boolean removeIf(java.util.function.Predicate<? super RuleDraft> filter) {
            boolean removed = heads.removeIf(filter);
            items.removeIf(item -> item instanceof RuleDraft draft && filter.test(draft));
            return removed;
        }
    }
}
