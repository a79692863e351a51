package dev.palisade.engine.operator;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code @ipMatch}: the value is an IPv4 or IPv6 address inside one of the comma-separated
 * addresses or CIDR networks. A value that is not an address is no match.
 *
 * <pre>SecRule REMOTE_ADDR "@ipMatch 127.0.0.1,::1,10.0.0.0/8" "id:1,phase:1,pass,nolog"</pre>
 */
final class IpMatchOperator implements Operator {

    private final IpNetworks networks;

    IpMatchOperator(String argument) throws OperatorArgumentException {
        List<String> entries = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int at = 0;
        for (String entry : argument.split(",", -1)) {
            entries.add(entry);
            offsets.add(at);
            at += entry.length() + 1;
        }
        this.networks = IpNetworks.parse(entries, offsets);
    }

    @Override
    public String name() {
        return "ipMatch";
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        return networks.contains(value);
    }
}
