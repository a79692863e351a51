package dev.palisade.engine.operator;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of IPv4 and IPv6 networks ({@code 192.168.0.0/16}, {@code 10.0.0.1}, {@code ::1},
 * {@code 2001:db8::/32}) and the address parsing behind {@code @ipMatch}. Addresses are parsed by
 * hand, never through {@link java.net.InetAddress}, which may ask DNS about a name.
 */
final class IpNetworks {

    /** An address as 16 bytes (IPv4 in the first 4) and a prefix length in bits. */
    private record Network(boolean v6, byte[] address, int prefix) {
        boolean contains(boolean otherV6, byte[] other) {
            if (otherV6 != v6) {
                return false;
            }
            int full = prefix / 8;
            for (int k = 0; k < full; k++) {
                if (address[k] != other[k]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (other[full] & mask);
        }
    }

    private final List<Network> networks;

    private IpNetworks(List<Network> networks) {
        this.networks = networks;
    }

    /** Parses entries such as {@code 10.0.0.0/8}; {@code offsets[k]} is where entry k starts in the argument. */
    static IpNetworks parse(List<String> entries, List<Integer> offsets) throws OperatorArgumentException {
        List<Network> networks = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            String entry = entries.get(k).strip();
            int slash = entry.indexOf('/');
            String host = slash < 0 ? entry : entry.substring(0, slash);
            boolean v6 = host.indexOf(':') >= 0;
            byte[] address = v6 ? parseV6(host) : parseV4(host);
            int bits = v6 ? 128 : 32;
            int prefix = bits;
            if (slash >= 0) {
                String digits = entry.substring(slash + 1);
                prefix = digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                        ? -1 : Integer.parseInt(digits);
            }
            if (address == null || prefix < 0 || prefix > bits) {
                throw new OperatorArgumentException("`" + entry + "` is not an IP address or CIDR network", offsets.get(k));
            }
            networks.add(new Network(v6, address, prefix));
        }
        return new IpNetworks(networks);
    }

    boolean contains(String text) {
        boolean v6 = text.indexOf(':') >= 0;
        byte[] address = v6 ? parseV6(text) : parseV4(text);
        if (address == null) {
            return false;
        }
        for (Network network : networks) {
            if (network.contains(v6, address)) {
                return true;
            }
        }
        return false;
    }

    static byte[] parseV4(String text) {
        byte[] out = new byte[16];
        return parseV4Into(text, out, 0) ? out : null;
    }

    private static boolean parseV4Into(String text, byte[] out, int offset) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (int k = 0; k < 4; k++) {
            String part = parts[k];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return false;
            }
            out[offset + k] = (byte) value;
        }
        return true;
    }

    static byte[] parseV6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = new ArrayList<>();
        List<Integer> tail = new ArrayList<>();
        byte[] out = new byte[16];
        if (gap < 0) {
            if (!groups(text, head, out)) {
                return null;
            }
        } else if (!groups(text.substring(0, gap), head, null) || !groups(text.substring(gap + 2), tail, out)) {
            return null;
        }
        int total = head.size() + tail.size();
        if (gap < 0 ? total != 8 : total > 7) {
            return null;
        }
        for (int k = 0; k < head.size(); k++) {
            out[2 * k] = (byte) (head.get(k) >> 8);
            out[2 * k + 1] = (byte) (int) head.get(k);
        }
        for (int k = 0; k < tail.size(); k++) {
            int slot = 8 - tail.size() + k;
            out[2 * slot] = (byte) (tail.get(k) >> 8);
            out[2 * slot + 1] = (byte) (int) tail.get(k);
        }
        return out;
    }

    /** Hex groups separated by {@code :}; the last may be a dotted IPv4 address (two groups). */
    private static boolean groups(String text, List<Integer> out, byte[] scratch) {
        if (text.isEmpty()) {
            return true;
        }
        String[] parts = text.split(":", -1);
        for (int k = 0; k < parts.length; k++) {
            String part = parts[k];
            if (k == parts.length - 1 && part.indexOf('.') >= 0 && scratch != null) {
                byte[] v4 = new byte[16];
                if (!parseV4Into(part, v4, 0)) {
                    return false;
                }
                out.add((v4[0] & 0xFF) << 8 | (v4[1] & 0xFF));
                out.add((v4[2] & 0xFF) << 8 | (v4[3] & 0xFF));
                continue;
            }
            if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
                return false;
            }
            out.add(Integer.parseInt(part, 16));
        }
        return true;
    }
}
