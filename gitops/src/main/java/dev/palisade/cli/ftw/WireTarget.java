package dev.palisade.cli.ftw;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Sends each stage's exact bytes to a running server (the Palisade proxy in front of a backend) over
 * a plain socket, as the reference runners do: no HTTP client would send {@code \tGET}. Timeouts
 * are bounded (5 s by default, the reference's {@code SOCKET_TIMEOUT}).
 *
 * <p>The server names the rules that fired in the response header {@value #RULES_HEADER}
 * (comma-separated ids). It is an opt-in debug header for the proxy to add when asked; never
 * enabled in production, since it tells an attacker which rule caught them. Without it the
 * outcome says the rules are not visible, and log expectations are skipped, not failed.
 *
 * <p>{@code dest_addr} and {@code port} of the test files are ignored: every stage goes to the
 * target URL (the suite names 127.0.0.1:80 throughout).
 */
public final class WireTarget implements FtwTarget {
    public static final String RULES_HEADER = "X-Palisade-Waf-Rules";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_RESPONSE = 1 << 20;

    private final String host;
    private final int port;
    private final Duration timeout;

    public WireTarget(URI target, Duration timeout) {
        Objects.requireNonNull(target, "target");
        if (!"http".equalsIgnoreCase(target.getScheme()) || target.getHost() == null) {
            throw new IllegalArgumentException("the target must be http://HOST[:PORT], got `" + target + "`");
        }
        this.host = target.getHost();
        this.port = target.getPort() < 0 ? 80 : target.getPort();
        this.timeout = timeout;
    }

    public WireTarget(URI target) {
        this(target, DEFAULT_TIMEOUT);
    }

    /** Whether the target is this machine (127.0.0.0/8, ::1, localhost); others need an explicit flag. */
    public static boolean isLoopback(URI target) {
        if (target.getHost() == null) {
            return false;
        }
        try {
            String name = target.getHost().replaceAll("^\\[|\\]$", "");
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false;
        }
    }

    @Override
    public FtwOutcome send(FtwStage stage) {
        byte[] request = RawRequests.build(stage.input());
        byte[] response;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            } catch (IOException writeFailed) {
                // the server may have answered and closed before reading everything (a 400): read on
            }
            response = read(socket.getInputStream());
        } catch (IOException e) {
            return FtwOutcome.httpError("cannot talk to " + host + ":" + port + ": " + e.getMessage());
        }
        if (response.length == 0) {
            return FtwOutcome.httpError("no response within " + timeout.toSeconds() + " s (connection closed or timed out)");
        }
        return HttpResponseHead.parse(new String(response, StandardCharsets.ISO_8859_1))
                .map(WireTarget::outcome)
                .orElseGet(() -> FtwOutcome.httpError("the response has no HTTP status line: `"
                        + firstLine(new String(response, StandardCharsets.ISO_8859_1)) + "`"));
    }

    private static FtwOutcome outcome(HttpResponseHead head) {
        Optional<String> rules = head.header(RULES_HEADER);
        Set<Long> ids = new LinkedHashSet<>();
        rules.ifPresent(list -> {
            for (String id : list.split(",")) {
                String trimmed = id.trim();
                if (trimmed.matches("\\d{1,18}")) {
                    ids.add(Long.parseLong(trimmed));
                }
            }
        });
        return new FtwOutcome(OptionalInt.of(head.status()), ids, ErrorLog.renderIds(ids), rules.isPresent(),
                Optional.empty(), Optional.of(head.body()));
    }

    /** Reads until the response is complete (by its framing), the server closes, or the timeout. */
    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (received.size() < MAX_RESPONSE) {
            int count;
            try {
                count = in.read(buffer);
            } catch (SocketTimeoutException timedOut) {
                break;
            } catch (IOException reset) {
                if (received.size() > 0) {
                    break;
                }
                throw reset;
            }
            if (count < 0) {
                break;
            }
            received.write(buffer, 0, count);
            if (HttpResponseHead.complete(new String(received.toByteArray(), StandardCharsets.ISO_8859_1))) {
                break;
            }
        }
        return received.toByteArray();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 80 ? line.substring(0, 80) + "…" : line.strip();
    }
}
