package dev.palisade.proxy.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.engine.decision.Decision;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One JSON object a line for every decided request ({@code "type":"alp"}) and every request
 * refused before the policy ran ({@code "type":"protocol"}), with field names in the spirit of Calico's
 * L7 and WAF logs (snake_case; {@code source_ip}, {@code source_port}, {@code method},
 * {@code path}, {@code status}, {@code action}, {@code policy}, {@code rule}, {@code location},
 * {@code reason}), and {@code "body_inspected":false} when a body over the limit was forwarded
 * without inspection ({@code --request-body-limit-action pass-uninspected}). The rule is numbered from 1, as people count and as {@code Decision.summary}
 * prints it.
 */
public final class DecisionLog {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** @param sink receives one complete line (no newline); stdout in production */
    public DecisionLog(Consumer<String> sink) {
        this(sink, NOBODY);
    }

    private DecisionLog(Consumer<String> sink, Observer observer) {
        this.sink = sink;
        this.observer = observer;
    }

    /** The same log, also telling {@code observer} about every line. */
    public DecisionLog observedBy(Observer observer) {
        return new DecisionLog(sink, observer);
    }

    public static DecisionLog toStdout() {
        return new DecisionLog(System.out::println);
    }

    /** Logs an exchange with the status the client got (the upstream's, or 403, 502, 504). */
    public void write(Exchange exchange, int status) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", exchange.received().toString());
        line.put("type", "alp");
        line.put("request_id", exchange.requestId());
        line.put("source_ip", exchange.source() == null ? null : exchange.source().getAddress().getHostAddress());
        line.put("source_port", exchange.source() == null ? null : exchange.source().getPort());
        line.put("method", exchange.method());
        line.put("path", exchange.target());
        line.put("status", status);
        Decision decision = exchange.inspection().alpDecision();
        line.put("action", exchange.inspection().denied() ? "deny" : "allow");
        line.put("policy", decision == null ? null : decision.policy());
        line.put("tier", decision == null ? null : decision.tier());
        line.put("rule", decision == null || decision.rule() < 0 ? null : decision.rule() + 1);
        line.put("location", decision == null ? null : decision.location());
        line.put("reason", decision == null ? null : decision.reason().name().toLowerCase());
        line.put("description", decision == null ? null : decision.description());
        // Only when false: ext-authz checks carry no body, so "true" there would claim an inspection
        // that never happened; absent means "whatever body the inspectors were given".
        if (!exchange.bodyInspected()) {
            line.put("body_inspected", false);
        }
        emit(line);
        observer.exchange(exchange, status);
    }

    /**
     * Logs a request the proxy answered before any policy ran: malformed or ambiguous framing,
     * a body over the limit. {@code method} and {@code target} are {@code null} when the request
     * line itself could not be read.
     */
    public void writeRejection(SocketAddress source, String method, String target, int status, String reason) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("type", "protocol");
        InetSocketAddress address = source instanceof InetSocketAddress inet ? inet : null;
        line.put("source_ip", address == null ? null : address.getAddress().getHostAddress());
        line.put("source_port", address == null ? null : address.getPort());
        line.put("method", method);
        line.put("path", target);
        line.put("status", status);
        line.put("action", "reject");
        line.put("reason", reason);
        emit(line);
        observer.rejection(status, reason);
    }

    private void emit(Map<String, Object> line) {
        try {
            sink.accept(JSON.writeValueAsString(line));
        } catch (JsonProcessingException impossible) {
            // INVARIANT: a map of strings and numbers always serializes.
            throw new IllegalStateException(impossible);
        }
    }
}
