package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.backends.envoy.ParsedBootstrap;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code palisade build}'s Envoy options reach the bootstraps; bad values are a usage error, not a build. */
class EnvoyBuildOptionsTest {
    private static final String BOOKINFO = "policies-examples/bookinfo.pal";

    @Test
    void envoyFailsClosedUnlessTheBuildAsksToFailOpen(@TempDir Path directory) throws Exception {
        assertFalse(productpage(directory.resolve("default")).extAuthz().getFailureModeAllow());
        assertFalse(productpage(directory.resolve("deny"), "--envoy-failure-mode", "deny").extAuthz().getFailureModeAllow());
        assertTrue(productpage(directory.resolve("allow"), "--envoy-failure-mode", "allow").extAuthz().getFailureModeAllow());
    }

    @Test
    void theRuntimeAddressIsAnIpAndAPort(@TempDir Path directory) throws Exception {
        assertEquals("10.0.0.7:7000", runtime(productpage(directory.resolve("v4"), "--envoy-runtime", "10.0.0.7:7000")));
        assertEquals("0:0:0:0:0:0:0:1:9192", runtime(productpage(directory.resolve("v6"), "--envoy-runtime", "[::1]:9192")));
    }

    @Test
    void badEnvoyOptionsAreUsageErrors(@TempDir Path directory) {
        for (String[] bad : new String[][] {
                {"--envoy-runtime", "palisade.default.svc:9192"}, {"--envoy-runtime", "127.0.0.1"},
                {"--envoy-runtime", "127.0.0.1:0"}, {"--envoy-runtime", "256.0.0.1:9192"}, {"--envoy-runtime", "[::g]:1"},
                {"--envoy-failure-mode", "open"}}) {
            Cli build = Cli.run("build", BOOKINFO, "-o", directory.toString(), bad[0], bad[1]);
            assertEquals(2, build.exitCode(), build::toString);
            assertTrue(build.err().startsWith("palisade: " + bad[0] + " must be "), build::toString);
            assertTrue(build.err().contains("`" + bad[1] + "`"), build::toString);
            assertFalse(Files.exists(directory.resolve("envoy")), "nothing written");
        }
    }

    private static ParsedBootstrap productpage(Path output, String... options) throws Exception {
        String[] args = new String[4 + options.length];
        args[0] = "build";
        args[1] = BOOKINFO;
        args[2] = "-o";
        args[3] = output.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        Cli build = Cli.run(args);
        assertEquals(0, build.exitCode(), build::toString);
        return ParsedBootstrap.parse(Files.readString(output.resolve("envoy/bookinfo/productpage.yaml")));
    }

    private static String runtime(ParsedBootstrap bootstrap) {
        SocketAddress socket = bootstrap.bootstrap().getStaticResources().getClustersList().stream()
                .filter(cluster -> cluster.getName().equals(bootstrap.extAuthz().getGrpcService().getEnvoyGrpc().getClusterName()))
                .findFirst().orElseThrow().getLoadAssignment().getEndpoints(0).getLbEndpoints(0).getEndpoint().getAddress()
                .getSocketAddress();
        return socket.getAddress() + ":" + socket.getPortValue();
    }
}
