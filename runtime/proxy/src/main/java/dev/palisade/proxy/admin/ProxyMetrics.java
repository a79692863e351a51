package dev.palisade.proxy.admin;

import dev.palisade.engine.decision.Decision;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.log.Exchange;
import dev.palisade.proxy.pipeline.PolicyBundle;
import dev.palisade.proxy.pipeline.PolicyHolder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The proxy's Prometheus metrics, scraped from the admin listener's {@code /metrics}. Label
 * values come from the bundle (policy, rule location) or from fixed sets in this class, never
 * from the request (no paths, no client text), so the number of series stays bounded.
 */
public final class ProxyMetrics implements DecisionLog.Observer {
    /** What went wrong talking to the upstream; the label values of {@code palisade_upstream_errors_total}. */
    public enum UpstreamError {
        REFUSED, TIMEOUT, MALFORMED;

        String label() {
            return name().toLowerCase();
        }
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PolicyHolder holder;
    private final Timer duration;
    private Gauge bundleInfo;
    private String bundleHash;
    /**
     * The request counters met so far. Building and registering a meter looks it up by name and
     * tags, which cost about a tenth of the proxy's own CPU per request in LoadBenchmark; the
     * label set is bounded (see the class comment), so is this map.
     */
    private final Map<RequestLabels, Counter> requestCounters = new ConcurrentHashMap<>();

    private record RequestLabels(boolean denied, String deniedBy, String policy, String rule, int status) {}

    public ProxyMetrics(PolicyHolder holder) {
        this.holder = holder;
        this.duration = Timer.builder("palisade.request.duration")
                .description("From the complete request to the end of its response: decision plus forwarding")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        FunctionCounter.builder("palisade.reloads", holder, PolicyHolder::swaps)
                .description("Policy bundles installed (ok) or refused because they did not compile (failed)")
                .tag("result", "ok").register(registry);
        FunctionCounter.builder("palisade.reloads", holder, PolicyHolder::failedReloads)
                .description("Policy bundles installed (ok) or refused because they did not compile (failed)")
                .tag("result", "failed").register(registry);
        for (UpstreamError kind : UpstreamError.values()) {
            upstreamErrors(kind); // present at 0 from the start, so rate() sees the first error
        }
    }

    @Override
    public void exchange(Exchange exchange, int status) {
        Decision decision = exchange.inspection().alpDecision();
        String policy = decision == null || decision.policy() == null ? "none" : decision.policy();
        String location = decision == null ? null : decision.location();
        boolean denied = exchange.inspection().denied();
        String deniedBy = denied && exchange.inspection().deniedBy() != null ? exchange.inspection().deniedBy() : "none";
        requestCounters.computeIfAbsent(new RequestLabels(denied, deniedBy, policy, location, status),
                this::requestCounter).increment();
        duration.record(Duration.between(exchange.received(), Instant.now()));
    }

    private Counter requestCounter(RequestLabels labels) {
        return Counter.builder("palisade.requests")
                .description("Requests decided, by action, what denied them (alp, waf or none), deciding policy and rule,"
                        + " and the status the client got")
                .tag("action", labels.denied() ? "deny" : "allow")
                .tag("denied_by", labels.deniedBy())
                .tag("policy", labels.policy())
                .tag("rule", labels.rule() == null ? "none" : fileAndLine(labels.rule()))
                .tag("status", Integer.toString(labels.status()))
                .register(registry);
    }

    @Override
    public void rejection(int status, String reason) {
        Counter.builder("palisade.protocol.rejections")
                .description("Requests refused before any policy ran (malformed or ambiguous framing, limits)")
                .tag("reason", rejectionReason(status, reason))
                .register(registry).increment();
    }

    public void upstreamError(UpstreamError kind) {
        upstreamErrors(kind).increment();
    }

    private Counter upstreamErrors(UpstreamError kind) {
        return Counter.builder("palisade.upstream.errors")
                .description("Upstream connections refused, timed out, or answering malformed HTTP")
                .tag("kind", kind.label())
                .register(registry);
    }

    /** The Prometheus text exposition of every metric. */
    public synchronized String scrape() {
        Optional<PolicyBundle> bundle = holder.current();
        String hash = bundle.map(PolicyBundle::irHash).orElse(null);
        if (hash != null && !hash.equals(bundleHash)) {
            if (bundleInfo != null) {
                registry.remove(bundleInfo);
            }
            bundleInfo = Gauge.builder("palisade.bundle.info", () -> 1)
                    .description("The loaded policy bundle (always 1), labelled with its IR hash")
                    .tag("ir_hash", hash)
                    .register(registry);
            bundleHash = hash;
        }
        return registry.scrape();
    }

    /** {@code file:line:col} to {@code file:line}: one series per rule, not per column. */
    static String fileAndLine(String location) {
        int last = location.lastIndexOf(':');
        int before = last < 0 ? -1 : location.lastIndexOf(':', last - 1);
        return before < 0 ? location : location.substring(0, last);
    }

    /** A fixed label for each refusal: the guards' own words can carry request bytes. */
    static String rejectionReason(int status, String reason) {
        return switch (status) {
            case 413 -> "body_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> {
                if (reason == null) {
                    yield "malformed";
                } else if (reason.contains("Transfer-Encoding") && reason.contains("Content-Length")) {
                    yield "content_length_and_transfer_encoding";
                } else if (reason.contains("Transfer-Encoding")) {
                    yield "transfer_encoding";
                } else if (reason.contains("Content-Length")) {
                    yield "content_length";
                } else if (reason.contains("fragment")) {
                    yield "fragment";
                } else if (reason.contains("Host field")) {
                    yield "host";
                }
                yield "malformed";
            }
        };
    }
}
