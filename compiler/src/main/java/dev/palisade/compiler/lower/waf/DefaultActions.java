package dev.palisade.compiler.lower.waf;

import dev.palisade.compiler.ir.waf.Disruptive;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code SecDefaultAction} per phase: the disruptive action {@code block} stands for, and the
 * logging default. Without one, ModSecurity's default is {@code phase:2,log,auditlog,pass}.
 */
final class DefaultActions {

    record Default(Disruptive disruptive, int status, boolean log, List<String> transformations) {}

    static final Default BUILT_IN = new Default(Disruptive.PASS, 0, true, List.of());

    private final Map<Integer, Default> byPhase = new HashMap<>();

    void set(int phase, Default value) {
        byPhase.put(phase, value);
    }

    Default forPhase(int phase) {
        return byPhase.getOrDefault(phase, BUILT_IN);
    }
}
