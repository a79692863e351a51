package dev.palisade.proxy.log;

import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.waf.ByteText;
import dev.palisade.engine.waf.RuleMatch;
import dev.palisade.engine.waf.WafResult;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One JSON object a line for every decided request ({@code "type":"alp"}) and every request
 * refused before the policy ran ({@code "type":"protocol"}), with field names in the spirit of Calico's
 * L7 and WAF logs (snake_case; {@code source_ip}, {@code source_port}, {@code dest_service},
 * {@code dest_namespace} (see {@link Destination}), {@code method},
 * {@code path}, {@code status}, {@code action}, {@code policy}, {@code rule}, {@code location},
 * {@code reason}), and {@code "body_inspected":false} when a body over the limit was forwarded
 * without inspection ({@code --request-body-limit-action pass-uninspected}). The rule is
 * numbered from 1, as people count and as {@code Decision.summary} prints it. With a policy's
 * {@code log} block ({@link #sampledBy}), decision lines are sampled per interval and each interval
 * ends with a {@code "type":"summary"} line counting them all.
 */
public final class DecisionLog {
    /** Sees what is logged, as values rather than a line (the metrics). */
    public interface Observer {
        void exchange(Exchange exchange, int status);

        void rejection(int status, String reason);
    }

    private static final Observer NOBODY = new Observer() {
        @Override
        public void exchange(Exchange exchange, int status) {}

        @Override
        public void rejection(int status, String reason) {}
    };

    private final Consumer<String> sink;
    private final Observer observer;
    private final Sampler sampler;

    /** @param sink receives one complete line (no newline); stdout in production */
    public DecisionLog(Consumer<String> sink) {
        this(sink, NOBODY, new Sampler(Optional::empty, Clock.systemUTC()));
    }

    private DecisionLog(Consumer<String> sink, Observer observer, Sampler sampler) {
        this.sink = sink;
        this.observer = observer;
        this.sampler = sampler;
    }

    /** The same log, also telling {@code observer} about every line (sampling does not apply to it). */
    public DecisionLog observedBy(Observer observer) {
        return new DecisionLog(sink, observer, sampler);
    }

    /**
     * The same log, sampling decision lines as the {@code log} blocks of the policies that select
     * the workload say ({@code settings} is read per request, so a reload applies at once); no
     * sampling while it is empty. Protocol rejections are never sampled.
     */
    public DecisionLog sampledBy(Supplier<Optional<LogSampling>> settings, Clock clock) {
        return new DecisionLog(sink, observer, new Sampler(settings, clock));
    }

    /** Writes the summary of a window whose time is over; call about once a second. */
    public void flushDue() {
        sampler.closeIfDue(this::writeSummary);
    }

    /** Writes the current window's summary now (shutdown). */
    public void flush() {
        sampler.close(this::writeSummary);
    }

    public static DecisionLog toStdout() {
        return new DecisionLog(System.out::println);
    }

    /** Logs an exchange with the status the client got (the upstream's, or 403, 502, 504). */
    public void write(Exchange exchange, int status) {
        observer.exchange(exchange, status);
        String action = exchange.inspection().denied() ? "deny" : "allow";
        if (!sampler.admit(action, exchange.inspection().denied() ? exchange.inspection().deniedBy() : null, this::writeSummary)) {
            return;
        }
        JsonLine json = new JsonLine()
                .field("timestamp", exchange.received())
                .field("type", "alp")
                .field("request_id", exchange.requestId());
        writeSource(json, exchange.source());
        json.fields(written(exchange.destination(), DecisionLog::destinationFields))
                .field("method", exchange.method())
                .field("path", exchange.target())
                .field("status", status)
                .field("action", action);
        Decision decision = exchange.inspection().alpDecision();
        json.fields(decision == null ? NO_DECISION : written(decision, DecisionLog::decisionFields));
        if (exchange.inspection().denied()) {
            json.field("denied_by", exchange.inspection().deniedBy());
        }
        writeWaf(json, exchange.inspection().wafResults());
        // Only when false: ext-authz checks carry no body, so "true" there would claim an inspection
        // that never happened; absent means "whatever body the inspectors were given".
        if (!exchange.bodyInspected()) {
            json.field("body_inspected", false);
        }
        sink.accept(json.end());
    }

    /**
     * The fields that come from the bundle's decision or the listener's workload rather than from
     * the request, as JSON, written once per distinct value (they were most of a line's writing
     * time). Keyed by value, so a reload's equal decisions find theirs; emptied if it ever grows
     * past {@link #MAX_FIELDS}, as reload after reload could make it.
     */
    private static final Map<Object, String> FIELDS = new ConcurrentHashMap<>();
    private static final int MAX_FIELDS = 4096;
    private static final String NO_DECISION = decisionFields(null);

    private static String written(Object value, Function<Object, String> writer) {
        String written = FIELDS.get(value);
        if (written == null) {
            if (FIELDS.size() >= MAX_FIELDS) {
                FIELDS.clear();
            }
            written = writer.apply(value);
            FIELDS.put(value, written);
        }
        return written;
    }

    private static String destinationFields(Object destination) {
        Destination named = (Destination) destination;
        return new JsonLine().field("dest_service", named.service()).field("dest_namespace", named.namespace())
                .fields();
    }

    private static String decisionFields(Object decision) {
        Decision decided = (Decision) decision;
        JsonLine json = new JsonLine()
                .field("policy", decided == null ? null : decided.policy())
                .field("tier", decided == null ? null : decided.tier());
        if (decided == null || decided.rule() < 0) {
            json.nullField("rule");
        } else {
            json.field("rule", decided.rule() + 1);
        }
        return json.field("location", decided == null ? null : decided.location())
                .field("reason", decided == null ? null : decided.reason().name().toLowerCase())
                .field("description", decided == null ? null : decided.description())
                .fields();
    }

    /**
     * {@code {"type":"summary", …}}: a sampling window's counts, every request included, so the
     * requests not logged line by line are still accounted for.
     */
    private void writeSummary(SamplingWindow.Summary summary) {
        sink.accept(new JsonLine()
                .field("timestamp", summary.end())
                .field("type", "summary")
                .field("interval_start", summary.start())
                .field("interval_seconds", summary.sampling().intervalSeconds())
                .field("requests_per_interval", summary.sampling().requestsPerInterval())
                .field("requests", summary.requests())
                .field("logged", summary.logged())
                .field("not_logged", summary.notLogged())
                .field("allowed", summary.allowed())
                .field("denied_by_alp", summary.deniedByAlp())
                .field("denied_by_waf", summary.deniedByWaf())
                .end());
    }

    /**
     * {@code "waf": [{"id":942100,"phase":2,"msg":…,"data":…,"severity":…,"tags":[…],"disruptive":…}]}
     * for every rule that fired (in detection mode too), and {@code "waf_skipped"} for rules that
     * could not run. Absent when no WAF ran or none fired.
     */
    private static void writeWaf(JsonLine json, List<WafResult> results) {
        boolean anyMatch = false;
        boolean anySkipped = false;
        for (WafResult result : results) {
            anyMatch |= !result.matches().isEmpty();
            anySkipped |= !result.skipped().isEmpty();
        }
        if (anyMatch) {
            json.startArray("waf");
            for (WafResult result : results) {
                for (RuleMatch match : result.matches()) {
                    json.startObject()
                            .field("id", match.id())
                            .field("phase", match.phase())
                            // Messages are the WAF's bytes; a policy's "café" reads as café. The matched
                            // data stays the request's bytes, as ModSecurity logs them and tune reads them.
                            .field("msg", ByteText.readable(match.message()))
                            .field("data", match.data())
                            .field("severity", match.severity())
                            .startArray("tags");
                    for (String tag : match.tags()) {
                        json.value(tag);
                    }
                    json.endArray()
                            .field("disruptive", match.disruptive())
                            .endObject();
                }
            }
            json.endArray();
        }
        if (anySkipped) {
            json.startArray("waf_skipped");
            for (WafResult result : results) {
                for (long id : result.skipped()) {
                    json.value(id);
                }
            }
            json.endArray();
        }
    }

    /**
     * Logs a request the proxy answered before any policy ran: malformed or ambiguous framing,
     * a body over the limit. {@code method} and {@code target} are {@code null} when the request
     * line itself could not be read.
     */
    public void writeRejection(SocketAddress source, String method, String target, int status, String reason) {
        JsonLine json = new JsonLine()
                .field("timestamp", Instant.now())
                .field("type", "protocol");
        writeSource(json, source instanceof InetSocketAddress inet ? inet : null);
        sink.accept(json.field("method", method)
                .field("path", target)
                .field("status", status)
                .field("action", "reject")
                .field("reason", reason)
                .end());
        observer.rejection(status, reason);
    }

    private static void writeSource(JsonLine json, InetSocketAddress source) {
        if (source == null) {
            json.nullField("source_ip").nullField("source_port");
        } else {
            json.field("source_ip", source.getAddress().getHostAddress()).field("source_port", source.getPort());
        }
    }
}
