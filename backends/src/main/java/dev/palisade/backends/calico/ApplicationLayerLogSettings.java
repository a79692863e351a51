package dev.palisade.backends.calico;

import dev.palisade.backends.BuildInput;
import dev.palisade.backends.BuildInput.LogSettings;
import dev.palisade.compiler.ir.IrPolicy;
import dev.palisade.dsl.diag.DiagnosticCode;
import dev.palisade.dsl.diag.Diagnostics;
import dev.palisade.dsl.diag.Span;
import java.util.Map;
import java.util.Optional;

/**
 * The one {@code logCollection} of Calico's cluster-wide ApplicationLayer, from every policy's
 * {@code log} block. When blocks differ, the most detailed wins: the shortest interval, and the
 * most requests per interval ({@code all} above any number). Each block that asked for something
 * else gets a warning (P0620) at its span, not an error: logging does not decide any request,
 * and the merged setting logs at least as often and at least as many requests as every block
 * asked, so no policy loses a log line; the cost is log volume, which the warning makes visible.
 *
 * <pre>
 * policy a { ... log { interval 5s  requests-per-interval 100 } }
 * policy b { ... log { interval 10s requests-per-interval all } }   // warning: merged to 5s, all
 * </pre>
 */
final class ApplicationLayerLogSettings {
    private ApplicationLayerLogSettings() {}

    /** The merged settings; empty when no policy has a {@code log} block. */
    static Optional<LogSettings> merged(BuildInput input, Diagnostics diagnostics) {
        if (input.logs().isEmpty()) {
            return Optional.empty();
        }
        long interval = Long.MAX_VALUE;
        long requests = 0;
        for (LogSettings settings : input.logs().values()) {
            interval = Math.min(interval, settings.intervalSeconds());
            requests = requests < 0 || settings.requestsPerInterval() < 0 ? -1
                    : Math.max(requests, settings.requestsPerInterval());
        }
        LogSettings merged = new LogSettings(interval, requests);
        for (Map.Entry<String, LogSettings> entry : input.logs().entrySet()) {
            if (!entry.getValue().equals(merged)) {
                diagnostics.warning(DiagnosticCode.LOG_SETTINGS_MERGED, span(input, entry.getKey()),
                        "policy `" + entry.getKey() + "` logs " + describe(entry.getValue())
                                + ", but Calico's ApplicationLayer has one log setting for the cluster: "
                                + describe(merged) + ", the most detailed any policy asks for",
                        "give every policy's log block the same interval and requests-per-interval");
            }
        }
        return Optional.of(merged);
    }

    /** The policy's log block, else the policy. */
    private static Span span(BuildInput input, String policy) {
        return input.spansOf(policy).log().orElseGet(() -> input.bundle().policies().stream()
                .filter(p -> p.name().equals(policy)).map(IrPolicy::span).findFirst().orElse(Span.NONE));
    }

    private static String describe(LogSettings settings) {
        return "every " + settings.intervalSeconds() + "s, "
                + (settings.requestsPerInterval() < 0 ? "all requests" : settings.requestsPerInterval() + " requests");
    }
}
