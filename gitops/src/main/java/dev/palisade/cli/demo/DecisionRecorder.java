package dev.palisade.cli.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The sink of the proxies' decision logs in {@code palisade demo}: keeps each JSON line by its
 * {@code request_id} instead of printing it, so the demo reports what the proxy actually decided.
 * Called from the proxies' event loops; read from the demo's thread.
 */
public final class DecisionRecorder implements Consumer<String> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, CompletableFuture<JsonNode>> byRequestId = new ConcurrentHashMap<>();

    @Override
    public void accept(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException impossible) {
            // INVARIANT: DecisionLog writes one JSON object a line.
            throw new IllegalStateException("not a decision log line: " + line, impossible);
        }
        JsonNode id = node.get("request_id");
        if (id != null && id.isTextual()) {
            slot(id.asText()).complete(node);
        }
    }

    /**
     * The log line of a request, waiting up to {@code timeout}: an allowed request is logged when
     * the upstream's response has been relayed, which may be just after the client read it.
     */
    public Optional<JsonNode> await(String requestId, Duration timeout) throws InterruptedException {
        try {
            return Optional.of(slot(requestId).get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS));
        } catch (TimeoutException notLogged) {
            return Optional.empty();
        } catch (ExecutionException impossible) {
            // INVARIANT: the futures are only ever completed normally.
            throw new IllegalStateException(impossible);
        }
    }

    private CompletableFuture<JsonNode> slot(String requestId) {
        return byRequestId.computeIfAbsent(requestId, id -> new CompletableFuture<>());
    }
}
