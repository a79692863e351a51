package dev.palisade.compiler.check;

import dev.palisade.compiler.CompilationUnit;
import dev.palisade.compiler.Pass;
import dev.palisade.dsl.ast.LogBlock;
import dev.palisade.dsl.ast.PolicyDecl;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import java.time.Duration;

/**
 * {@code log} blocks map to Calico's ApplicationLayer {@code logIntervalSeconds} (whole seconds,
 * at least 1) and {@code logRequestsPerInterval}.
 */
public final class CheckLogBlocks implements Pass {
    @Override
    public CompilationUnit run(CompilationUnit unit, Diagnostics diagnostics) {
        for (PolicyDecl policy : unit.policies()) {
            policy.log().flatMap(log -> log.interval()).ifPresent(interval -> {
                Duration duration = parse(interval.text());
                if (duration.isZero() || duration.toMillis() % 1000 != 0) {
                    diagnostics.error(DiagnosticCode.INVALID_DURATION, interval.span(),
                            "log interval `" + interval.text() + "` is not a whole, positive number of seconds",
                            "Calico flushes L7 logs in whole seconds: write `5s` or `1m`");
                }
            });
            policy.log().flatMap(log -> log.requestsPerInterval()).ifPresent(count -> {
                if (count.text().equals("all") || !count.text().chars().allMatch(Character::isDigit)) {
                    return;
                }
                long requests;
                try {
                    requests = Long.parseLong(count.text());
                } catch (NumberFormatException tooLarge) {
                    diagnostics.error(DiagnosticCode.OUT_OF_RANGE, count.span(),
                            "`requests-per-interval " + count.text() + "` is more than a log can count",
                            "write `all` for no limit");
                    return;
                }
                if (requests == 0) {
                    diagnostics.warning(DiagnosticCode.OUT_OF_RANGE, count.span(),
                            "`requests-per-interval 0` logs nothing", "write `all` for no limit");
                }
            });
        }
        return unit;
    }

    /** Calico's ApplicationLayer defaults, for a log block that leaves a setting out. */
    public static final long DEFAULT_INTERVAL_SECONDS = 5;
    public static final long ALL_REQUESTS = -1;

    /** A checked log block's interval in whole seconds (the default when not given). */
    public static long intervalSeconds(LogBlock log) {
        return log.interval().map(text -> parse(text.text()).toSeconds()).orElse(DEFAULT_INTERVAL_SECONDS);
    }

    /** A checked log block's requests per interval: {@value #ALL_REQUESTS} for {@code all} (and when not given). */
    public static long requestsPerInterval(LogBlock log) {
        return log.requestsPerInterval().map(text -> text.text().equals("all") ? ALL_REQUESTS : Long.parseLong(text.text()))
                .orElse(ALL_REQUESTS);
    }

    /** {@code 500ms}, {@code 5s}, {@code 1m}, {@code 1h}; the lexer only makes these shapes. */
    public static Duration parse(String text) {
        int unit = 0;
        while (unit < text.length() && Character.isDigit(text.charAt(unit))) {
            unit++;
        }
        long amount;
        try {
            amount = Long.parseLong(text.substring(0, unit));
        } catch (NumberFormatException tooLong) {
            return Duration.ZERO;
        }
        return switch (text.substring(unit)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(Math.min(amount, 1_000_000));
            default -> Duration.ofHours(Math.min(amount, 1_000_000));
        };
    }
}
