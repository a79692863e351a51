package dev.palisade.proxy.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.palisade.engine.decision.Decision;
import dev.palisade.engine.waf.RuleMatch;
import dev.palisade.engine.waf.WafResult;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
    private static final JsonFactory JSON = new JsonFactory();

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
        Decision decision = exchange.inspection().alpDecision();
        emit(json -> {
            json.writeStringField("timestamp", exchange.received().toString());
            json.writeStringField("type", "alp");
            json.writeStringField("request_id", exchange.requestId());
            writeSource(json, exchange.source());
            json.writeStringField("dest_service", exchange.destination().service());
            json.writeStringField("dest_namespace", exchange.destination().namespace());
            json.writeStringField("method", exchange.method());
            json.writeStringField("path", exchange.target());
            json.writeNumberField("status", status);
            json.writeStringField("action", exchange.inspection().denied() ? "deny" : "allow");
            json.writeStringField("policy", decision == null ? null : decision.policy());
            json.writeStringField("tier", decision == null ? null : decision.tier());
            json.writeFieldName("rule");
            if (decision == null || decision.rule() < 0) {
                json.writeNull();
            } else {
                json.writeNumber(decision.rule() + 1);
            }
            json.writeStringField("location", decision == null ? null : decision.location());
            json.writeStringField("reason", decision == null ? null : decision.reason().name().toLowerCase());
            json.writeStringField("description", decision == null ? null : decision.description());
            if (exchange.inspection().denied()) {
                json.writeStringField("denied_by", exchange.inspection().deniedBy());
            }
            writeWaf(json, exchange.inspection().wafResults());
            // Only when false: ext-authz checks carry no body, so "true" there would claim an inspection
            // that never happened; absent means "whatever body the inspectors were given".
            if (!exchange.bodyInspected()) {
                json.writeBooleanField("body_inspected", false);
            }
        });
    }

    /**
     * {@code {"type":"summary", …}}: a sampling window's counts, every request included, so the
     * requests not logged line by line are still accounted for.
     */
    private void writeSummary(SamplingWindow.Summary summary) {
        emit(json -> {
            json.writeStringField("timestamp", summary.end().toString());
            json.writeStringField("type", "summary");
            json.writeStringField("interval_start", summary.start().toString());
            json.writeNumberField("interval_seconds", summary.sampling().intervalSeconds());
            json.writeNumberField("requests_per_interval", summary.sampling().requestsPerInterval());
            json.writeNumberField("requests", summary.requests());
            json.writeNumberField("logged", summary.logged());
            json.writeNumberField("not_logged", summary.notLogged());
            json.writeNumberField("allowed", summary.allowed());
            json.writeNumberField("denied_by_alp", summary.deniedByAlp());
            json.writeNumberField("denied_by_waf", summary.deniedByWaf());
        });
    }

    /**
     * {@code "waf": [{"id":942100,"phase":2,"msg":…,"data":…,"severity":…,"tags":[…],"disruptive":…}]}
     * for every rule that fired (in detection mode too), and {@code "waf_skipped"} for rules that
     * could not run. Absent when no WAF ran or none fired.
     */
    private static void writeWaf(JsonGenerator json, List<WafResult> results) throws IOException {
        boolean any = results.stream().anyMatch(r -> !r.matches().isEmpty());
        if (any) {
            json.writeArrayFieldStart("waf");
            for (WafResult result : results) {
                for (RuleMatch match : result.matches()) {
                    json.writeStartObject();
                    json.writeNumberField("id", match.id());
                    json.writeNumberField("phase", match.phase());
                    json.writeStringField("msg", match.message());
                    json.writeStringField("data", match.data());
                    json.writeStringField("severity", match.severity());
                    json.writeArrayFieldStart("tags");
                    for (String tag : match.tags()) {
                        json.writeString(tag);
                    }
                    json.writeEndArray();
                    json.writeBooleanField("disruptive", match.disruptive());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
        }
        List<Long> skipped = results.stream().flatMap(r -> r.skipped().stream()).toList();
        if (!skipped.isEmpty()) {
            json.writeArrayFieldStart("waf_skipped");
            for (long id : skipped) {
                json.writeNumber(id);
            }
            json.writeEndArray();
        }
    }

    /**
     * Logs a request the proxy answered before any policy ran: malformed or ambiguous framing,
     * a body over the limit. {@code method} and {@code target} are {@code null} when the request
     * line itself could not be read.
     */
    public void writeRejection(SocketAddress source, String method, String target, int status, String reason) {
        emit(json -> {
            json.writeStringField("timestamp", Instant.now().toString());
            json.writeStringField("type", "protocol");
            writeSource(json, source instanceof InetSocketAddress inet ? inet : null);
            json.writeStringField("method", method);
            json.writeStringField("path", target);
            json.writeNumberField("status", status);
            json.writeStringField("action", "reject");
            json.writeStringField("reason", reason);
        });
        observer.rejection(status, reason);
    }

    private static void writeSource(JsonGenerator json, InetSocketAddress source) throws IOException {
        json.writeStringField("source_ip", source == null ? null : source.getAddress().getHostAddress());
        json.writeFieldName("source_port");
        if (source == null) {
            json.writeNull();
        } else {
            json.writeNumber(source.getPort());
        }
    }

    /** The fields of one line, written in order. */
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * Streams the fields straight to JSON: building a map per request and serializing it through
     * {@code ObjectMapper} was a quarter of the proxy's own CPU per request in LoadBenchmark.
     */
    private void emit(Fields fields) {
        StringWriter line = new StringWriter(384);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException impossible) {
            // INVARIANT: writing strings and numbers to a StringWriter cannot fail.
            throw new IllegalStateException(impossible);
        }
        sink.accept(line.toString());
    }
}
