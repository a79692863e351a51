package dev.palisade.backends.seclang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.backends.BuildInput.PolicyWaf;
import dev.palisade.compiler.generators.SecLangRuleSets;
import dev.palisade.compiler.ir.waf.Disruptive;
import dev.palisade.compiler.ir.waf.IrWaf;
import dev.palisade.compiler.ir.waf.IrWafAction;
import dev.palisade.compiler.ir.waf.IrWafOperator;
import dev.palisade.compiler.ir.waf.IrWafRule;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import dev.palisade.engine.waf.EngineMode;
import dev.palisade.engine.waf.TargetSpec;
import dev.palisade.engine.waf.WafLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Render → read back → the same WAF, for random rule sets: the compiler's SecLang generator
 * (chains, markers, skips, negation, counting, exclusions, setvar, ctl, every disruptive action),
 * and single rules whose text fields hold the characters SecLang quoting is about.
 */
class SecLangRoundTripProperties {

    @Property(tries = 200)
    void randomRuleSetsReadBackUnchanged(@ForAll("ruleSets") String seclang, @ForAll boolean detection) throws Exception {
        EngineMode mode = detection ? EngineMode.DETECTION_ONLY : EngineMode.ON;
        IrWaf waf = dev.palisade.compiler.waf.SecLangRuleSets.lower(mode, "rules.conf", seclang);
        Diagnostics diagnostics = new Diagnostics();
        String text = PolicyConf.render(new PolicyWaf("p", waf, mode, Optional.empty()), DataFileNames.none(), diagnostics);
        assertEquals(List.of(), EmittedConf.errors(diagnostics), seclang);
        assertEquals(EmittedConf.expectedDump(waf), readBack(text), () -> "source:\n" + seclang + "\nemitted:\n" + text);
    }

    /**
     * A rule with awkward text is written exactly, or the emitter says it cannot be; text without
     * single quotes, backslashes and edge spaces is always written exactly.
     */
    @Property(tries = 300)
    void awkwardTextIsWrittenExactlyOrReported(@ForAll("awkwardRules") IrWafRule rule) throws Exception {
        IrWaf waf = new IrWaf(EngineMode.ON, WafLimits.DEFAULT, List.of(rule));
        Diagnostics diagnostics = new Diagnostics();
        String text = PolicyConf.render(new PolicyWaf("p", waf, EngineMode.ON, Optional.empty()), DataFileNames.none(), diagnostics);
        List<String> errors = EmittedConf.errors(diagnostics);
        if (plain(rule)) {
            assertEquals(List.of(), errors, text);
        }
        if (errors.isEmpty()) {
            assertEquals(EmittedConf.expectedDump(waf), readBack(text), () -> "emitted:\n" + text);
        } else {
            assertTrue(errors.stream().allMatch(e -> e.contains("P0660")), errors::toString);
        }
    }

    /** Palisade's own rules and exclusions, compiled from random policies, read back from the emitted file. */
    @Property(tries = 100)
    void randomWafBlocksReadBackUnchanged(@ForAll("wafPolicies") String policy) throws Exception {
        Path dir = Files.createTempDirectory("seclang-policy");
        Path file = dir.resolve("p.pal");
        try {
            Files.writeString(file, policy);
            dev.palisade.backends.BuildInput input = EmittedConf.build(file);
            String text = EmittedConf.emit(input).files().get(0).text();
            IrWaf waf = input.wafs().get("p").ir();
            assertEquals(EmittedConf.expectedDump(waf), readBack(text), () -> "policy:\n" + policy + "\nemitted:\n" + text);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    @Provide
    Arbitrary<String> wafPolicies() {
        return RandomWafBlocks.policies();
    }

    private static String readBack(String text) throws Exception {
        Path dir = Files.createTempDirectory("seclang-property");
        try {
            return IrWafDump.dump(EmittedConf.readBack(dir, "p.conf", text));
        } finally {
            Files.deleteIfExists(dir.resolve("p.conf"));
            Files.deleteIfExists(dir);
        }
    }

    @Provide
    Arbitrary<String> ruleSets() {
        return SecLangRuleSets.ruleSets();
    }

    /** Characters SecLang quoting has to handle; {@code '} and {@code \\} only sometimes have a spelling. */
    private static final String AWKWARD = "ab ,\"'\\|/:%{}=";
    private static final String PLAIN = "ab ,\"|/:%{}=";

    private static Arbitrary<String> text(boolean plain) {
        Arbitrary<String> text = Arbitraries.strings().withChars(plain ? PLAIN : AWKWARD).ofMaxLength(8);
        return plain ? text.map(String::strip) : text;
    }

    @Provide
    Arbitrary<IrWafRule> awkwardRules() {
        return Arbitraries.of(true, false).flatMap(SecLangRoundTripProperties::rule);
    }

    private static Arbitrary<IrWafRule> rule(boolean plain) {
        Arbitrary<TargetSpec> target = Combinators.combine(Arbitraries.of("ARGS", "REQUEST_HEADERS", "TX"),
                text(plain).injectNull(0.3), Arbitraries.of(false, true), Arbitraries.of(false, true))
                .as((collection, key, excluded, count) -> TargetSpec.of(collection, Optional.ofNullable(key), false,
                        excluded, count));
        Arbitrary<IrWafOperator> operator = Combinators.combine(Arbitraries.of("rx", "contains", "streq"), text(plain),
                Arbitraries.of(false, true)).as(IrWafOperator::new);
        Arbitrary<List<IrWafAction>> actions = text(plain).map(v -> new IrWafAction("setvar", "tx.v=" + v))
                .list().ofMaxSize(2);
        return Combinators.combine(target.list().ofMinSize(1).ofMaxSize(3), operator, text(plain), text(plain),
                text(plain).list().ofMaxSize(2), actions, Arbitraries.of(Disruptive.PASS, Disruptive.DENY, Disruptive.ALLOW))
                .as((targets, op, message, logData, tags, setvars, disruptive) -> new IrWafRule(1, 2,
                        Span.point("p.pal", 1, 1), targets, List.of("lowercase"), Optional.of(op), message, logData, "",
                        tags, disruptive, 403, true, false, false, setvars, Optional.empty(), 0, Optional.empty(), "/tmp"));
    }

    private static boolean plain(IrWafRule rule) {
        List<String> texts = new java.util.ArrayList<>(List.of(rule.message(), rule.logData(),
                rule.operator().get().argument()));
        texts.addAll(rule.tags());
        rule.actions().forEach(a -> texts.add(a.value()));
        rule.targets().forEach(t -> t.key().ifPresent(texts::add));
        return texts.stream().allMatch(t -> t.indexOf('\'') < 0 && t.indexOf('\\') < 0 && t.strip().equals(t));
    }
}
