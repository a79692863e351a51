package dev.palisade.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Attacks are typed by the CRS tag first, by the rule's family otherwise, and evaluation rules not at all. */
class AttackTypesTest {
    private static Optional<String> type(long id, String... tags) {
        return AttackTypes.of(new FiredRule(id, null, List.of(tags), false));
    }

    @Test
    void theAttackTagDecides() {
        assertEquals(Optional.of("sqli"), type(942100, "application-multi", "attack-sqli", "paranoia-level/1"));
        assertEquals(Optional.of("lfi"), type(930120, "attack-lfi"));
        assertEquals(Optional.of("scanner"), type(913100, "attack-reputation-scanner"));
        // A custom rule in someone else's range keeps the type its author tagged.
        assertEquals(Optional.of("xss"), type(942999, "ATTACK-XSS"));
    }

    @Test
    void untaggedRulesAreTypedByTheirFamily() {
        assertEquals(Optional.of("protocol"), type(920350));
        assertEquals(Optional.of("protocol"), type(921110));
        assertEquals(Optional.of("rce"), type(932100));
        assertEquals(Optional.of("java"), type(944100));
        assertEquals(Optional.empty(), type(1000));
    }

    @Test
    void theAnomalyEvaluationIsNotAnAttackType() {
        assertEquals(Optional.empty(), type(949110, "attack-generic"));
        assertEquals(Optional.empty(), type(980130, "attack-generic"));
    }
}
