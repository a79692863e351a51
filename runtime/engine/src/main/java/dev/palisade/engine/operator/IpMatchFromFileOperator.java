package dev.palisade.engine.operator;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * {@code @ipMatchFromFile} (alias {@code @ipMatchF}): {@code @ipMatch} with one address or CIDR
 * network per line of a data file (see {@link DataFiles}).
 *
 * <pre>SecRule REMOTE_ADDR "@ipMatchFromFile trusted-networks.data" "id:1,phase:1,pass"</pre>
 */
final class IpMatchFromFileOperator implements Operator {

    private final IpNetworks networks;

    IpMatchFromFileOperator(String argument, Path dataDirectory) throws OperatorArgumentException {
        List<String> lines = DataFiles.lines("ipMatchFromFile", argument, dataDirectory);
        try {
            this.networks = IpNetworks.parse(lines, Collections.nCopies(lines.size(), -1));
        } catch (OperatorArgumentException e) {
            throw new OperatorArgumentException(e.getMessage() + " in `" + argument.strip() + "`");
        }
    }

    @Override
    public String name() {
        return "ipMatchFromFile";
    }

    @Override
    public boolean evaluate(String value, OperatorContext context) {
        return networks.contains(value);
    }
}
