package dev.palisade.engine.waf;

import java.util.Locale;
import java.util.Optional;

/** {@code SecRuleEngine On|DetectionOnly|Off}, also what {@code ctl:ruleEngine} switches to. */
public enum EngineMode {
    /** Rules run and disruptive actions interrupt the request (Palisade's {@code mode blocking}). */
    ON,
    /** Rules run and log; nothing is interrupted ({@code mode detection}). */
    DETECTION_ONLY,
    /** No rule runs. */
    OFF;

    public static Optional<EngineMode> parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "on" -> Optional.of(ON);
            case "detectiononly" -> Optional.of(DETECTION_ONLY);
            case "off" -> Optional.of(OFF);
            default -> Optional.empty();
        };
    }
}
