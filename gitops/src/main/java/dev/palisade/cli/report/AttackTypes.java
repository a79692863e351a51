package dev.palisade.cli.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kind of attack a fired Core Rule Set rule points at: its {@code attack-*} tag first (that is
 * what the CRS authors meant), else its rule-id family (942xxx is SQL injection), so rules without
 * tags and custom rules numbered in a CRS range are still counted. Anomaly evaluation rules
 * (949110, 980130) and initialization rules have no type: they fire because others did.
 */
public final class AttackTypes {
    /** Type key to what the page shows, in the order the page lists them. */
    public static final Map<String, String> LABELS = labels();

    private static final Map<String, String> BY_TAG = Map.ofEntries(
            Map.entry("attack-sqli", "sqli"), Map.entry("attack-xss", "xss"), Map.entry("attack-lfi", "lfi"),
            Map.entry("attack-rfi", "rfi"), Map.entry("attack-rce", "rce"),
            Map.entry("attack-injection-php", "php"), Map.entry("attack-injection-nodejs", "nodejs"),
            Map.entry("attack-injection-java", "java"), Map.entry("attack-fixation", "fixation"),
            Map.entry("attack-protocol", "protocol"), Map.entry("attack-multipart-header", "protocol"),
            Map.entry("attack-deprecated-header", "protocol"), Map.entry("attack-reputation-scanner", "scanner"),
            Map.entry("attack-reputation-crawler", "scanner"), Map.entry("attack-reputation-scripting", "scanner"),
            Map.entry("attack-reputation-ip", "reputation"), Map.entry("attack-dos", "dos"),
            Map.entry("attack-generic", "generic"), Map.entry("attack-disclosure", "disclosure"));

    private static final Map<Long, String> BY_FAMILY = Map.ofEntries(
            Map.entry(910L, "reputation"), Map.entry(912L, "dos"), Map.entry(913L, "scanner"),
            Map.entry(920L, "protocol"), Map.entry(921L, "protocol"), Map.entry(922L, "protocol"),
            Map.entry(930L, "lfi"), Map.entry(931L, "rfi"), Map.entry(932L, "rce"), Map.entry(933L, "php"),
            Map.entry(934L, "nodejs"), Map.entry(941L, "xss"), Map.entry(942L, "sqli"),
            Map.entry(943L, "fixation"), Map.entry(944L, "java"), Map.entry(950L, "disclosure"),
            Map.entry(951L, "disclosure"), Map.entry(952L, "disclosure"), Map.entry(953L, "disclosure"),
            Map.entry(954L, "disclosure"));

    private AttackTypes() {}

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("sqli", "SQL injection");
        labels.put("xss", "Cross-site scripting");
        labels.put("lfi", "Local file inclusion");
        labels.put("rfi", "Remote file inclusion");
        labels.put("rce", "Remote command execution");
        labels.put("php", "PHP injection");
        labels.put("nodejs", "Node.js injection");
        labels.put("java", "Java attack");
        labels.put("fixation", "Session fixation");
        labels.put("protocol", "Protocol violation");
        labels.put("scanner", "Scanner");
        labels.put("reputation", "IP reputation");
        labels.put("dos", "Denial of service");
        labels.put("generic", "Generic attack");
        labels.put("disclosure", "Data leakage");
        return Collections.unmodifiableMap(labels);
    }

    /**
     * Families whose rules fire because others did or set things up: initialization (901), the
     * application exclusions and common exceptions (903, 905), the anomaly score evaluations (949, 959)
     * and correlation (980). CRS tags 949110 {@code attack-generic}; counting it would put every
     * blocked request under "generic".
     */
    private static final Set<Long> UNTYPED_FAMILIES = Set.of(901L, 903L, 905L, 949L, 959L, 980L);

    /** The type key ({@code sqli}) of a fired rule, if it has one. */
    public static Optional<String> of(FiredRule rule) {
        if (UNTYPED_FAMILIES.contains(rule.id() / 1000)) {
            return Optional.empty();
        }
        for (String tag : rule.tags()) {
            String type = BY_TAG.get(tag.toLowerCase(Locale.ROOT));
            if (type != null) {
                return Optional.of(type);
            }
        }
        return Optional.ofNullable(BY_FAMILY.get(rule.id() / 1000));
    }
}
