package dev.palisade.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IP address literal and a port, {@code 127.0.0.1:9192} or {@code [::1]:9192}: what Envoy's
 * static clusters take. Parsed without name resolution, so a build never depends on DNS.
 */
record IpPort(String address, int port) {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)]");

    static Optional<IpPort> parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0 || !text.substring(colon + 1).matches("\\d{1,5}")) {
            return Optional.empty();
        }
        int port = Integer.parseInt(text.substring(colon + 1));
        String host = text.substring(0, colon);
        if (port < 1 || port > 65535) {
            return Optional.empty();
        }
        Matcher v4 = IPV4.matcher(host);
        if (v4.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(v4.group(group)) > 255) {
                    return Optional.empty();
                }
            }
            return Optional.of(new IpPort(host, port));
        }
        Matcher v6 = IPV6.matcher(host);
        if (!v6.matches()) {
            return Optional.empty();
        }
        try {
            // A text with a colon is parsed as an IPv6 literal, never looked up.
            return Optional.of(new IpPort(InetAddress.getByName(v6.group(1)).getHostAddress(), port));
        } catch (UnknownHostException malformed) {
            return Optional.empty();
        }
    }
}
