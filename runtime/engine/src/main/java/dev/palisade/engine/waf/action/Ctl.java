package dev.palisade.engine.waf.action;

import dev.palisade.engine.waf.EngineMode;
import dev.palisade.engine.waf.TargetSpec;
import dev.palisade.engine.waf.Transaction;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ctl:NAME=VALUE}: changes this transaction's configuration from a rule. Supported: rule
 * removal by id (single ids and ranges), tag or message, target removal by id or tag
 * ({@code ruleRemoveTargetById=942100;ARGS:password}), {@code ruleEngine},
 * {@code requestBodyProcessor}, {@code requestBodyAccess}, {@code forceRequestBodyVariable}. The audit
 * log settings ({@code auditEngine}, {@code auditLogParts}) are accepted and have no effect: Palisade
 * writes its own decision log.
 */
public sealed interface Ctl {

    void apply(Transaction transaction);

    record RemoveById(long first, long last) implements Ctl {
        public void apply(Transaction transaction) {
            transaction.removeRules(first, last);
        }
    }

    record RemoveByTag(String tag) implements Ctl {
        public void apply(Transaction transaction) {
            transaction.removeRulesByTag(tag);
        }
    }

    record RemoveByMsg(String message) implements Ctl {
        public void apply(Transaction transaction) {
            transaction.removeRulesByMessage(message);
        }
    }

    record RemoveTargetById(long first, long last, TargetSpec target) implements Ctl {
        public void apply(Transaction transaction) {
            transaction.removeTarget(first, last, null, target);
        }
    }

    record RemoveTargetByTag(String tag, TargetSpec target) implements Ctl {
        public void apply(Transaction transaction) {
            transaction.removeTarget(0, -1, tag, target);
        }
    }

    record RuleEngine(EngineMode mode) implements Ctl {
        public void apply(Transaction transaction) {
            transaction.engineMode(mode);
        }
    }

    record RequestBodyProcessor(String processor) implements Ctl {
        public void apply(Transaction transaction) {
            transaction.requestBodyProcessor(processor);
        }
    }

    record RequestBodyAccess(boolean on) implements Ctl {
        public void apply(Transaction transaction) {
            transaction.requestBodyAccess(on);
        }
    }

    record ForceRequestBodyVariable(boolean on) implements Ctl {
        public void apply(Transaction transaction) {
            transaction.forceRequestBodyVariable(on);
        }
    }

    /** A setting Palisade accepts and ignores, named so logs and dumps show it. */
    record Ignored(String name, String value) implements Ctl {
        public void apply(Transaction transaction) {}
    }

    /**
     * Reads {@code NAME=VALUE}.
     *
     * @throws IllegalArgumentException for an unknown name or a bad value, with a message saying which
     */
    static Ctl parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("ctl needs `name=value`, got `" + text + "`");
        }
        String name = text.substring(0, equals).trim();
        String value = text.substring(equals + 1).trim();
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "ruleremovebyid" -> {
                long[] range = idRange(value);
                yield new RemoveById(range[0], range[1]);
            }
            case "ruleremovebytag" -> new RemoveByTag(value);
            case "ruleremovebymsg" -> new RemoveByMsg(value);
            case "ruleremovetargetbyid" -> {
                String[] parts = split(value, text);
                long[] range = idRange(parts[0]);
                yield new RemoveTargetById(range[0], range[1], target(parts[1]));
            }
            case "ruleremovetargetbytag" -> {
                String[] parts = split(value, text);
                yield new RemoveTargetByTag(parts[0], target(parts[1]));
            }
            case "ruleengine" -> new RuleEngine(EngineMode.parse(value)
                    .orElseThrow(() -> new IllegalArgumentException("ctl:ruleEngine takes On, DetectionOnly or Off")));
            case "requestbodyprocessor" -> new RequestBodyProcessor(value.toUpperCase(Locale.ROOT));
            case "requestbodyaccess" -> new RequestBodyAccess(onOff(value, text));
            case "forcerequestbodyvariable" -> new ForceRequestBodyVariable(onOff(value, text));
            case "auditengine", "auditlogparts", "debugloglevel", "hashengine", "hashenforcement",
                    "responsebodyaccess", "requestbodylimit", "responsebodylimit", "parsexmlintoargs" ->
                    new Ignored(name, value);
            default -> throw new IllegalArgumentException("unknown ctl `" + name + "`");
        };
    }

    private static boolean onOff(String value, String text) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "1", "true" -> true;
            case "off", "0", "false" -> false;
            default -> throw new IllegalArgumentException("`" + text + "`: expected On or Off");
        };
    }

    private static String[] split(String value, String text) {
        int semicolon = value.indexOf(';');
        if (semicolon <= 0 || semicolon == value.length() - 1) {
            throw new IllegalArgumentException("`" + text + "`: expected `RULE;TARGET`");
        }
        return new String[] {value.substring(0, semicolon).trim(), value.substring(semicolon + 1).trim()};
    }

    private static long[] idRange(String value) {
        try {
            int dash = value.indexOf('-', 1);
            if (dash > 0) {
                return new long[] {Long.parseLong(value.substring(0, dash).trim()),
                        Long.parseLong(value.substring(dash + 1).trim())};
            }
            long id = Long.parseLong(value.trim());
            return new long[] {id, id};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("`" + value + "` is not a rule id or id range", e);
        }
    }

    /** {@code ARGS:password}, {@code REQUEST_COOKIES:/^sess/}, {@code ARGS}. */
    static TargetSpec target(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return TargetSpec.of(text.trim(), Optional.empty(), false, false, false);
        }
        String key = text.substring(colon + 1);
        boolean regex = key.length() >= 2 && key.startsWith("/") && key.endsWith("/");
        return TargetSpec.of(text.substring(0, colon).trim(), Optional.of(regex ? key.substring(1, key.length() - 1) : key),
                regex, false, false);
    }
}
