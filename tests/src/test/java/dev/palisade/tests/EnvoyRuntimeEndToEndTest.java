package dev.palisade.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.rpc.Code;
import dev.palisade.backends.envoy.ParsedBootstrap;
import dev.palisade.cli.Main;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthz;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Envoy bootstrap {@code palisade build} emits reaches the runtime as the README runs it: the
 * ext_authz filter's gRPC cluster, read from the parsed bootstrap, is where
 * {@code palisade serve --mode ext-authz --grpc-listen} answers {@code Authorization/Check}, and
 * the runtime decides for the workload the bootstrap names. No Envoy binary: the test sends the
 * checks Envoy would send, over real sockets on 127.0.0.1.
 */
class EnvoyRuntimeEndToEndTest {
    private static final String SERVICE = "envoy.service.auth.v3.Authorization";

    /** Without build options, the bootstrap points at the address the README's serve command listens on. */
    @Test
    void byDefaultTheBootstrapCallsTheRuntimeWhereTheReadmeRunsIt(@TempDir Path deploy) throws Exception {
        assumeCrs();
        Cli build = Cli.run("build", "policies-examples", "--accept-inexact", "P0621,P0623", "-o", deploy.toString());
        assertEquals(0, build.exitCode(), build::toString);
        Matcher documented = Pattern.compile("palisade serve --mode ext-authz [^\\n]*--grpc-listen (\\S+)")
                .matcher(readmeSection("### Envoy and the runtime together"));
        assertTrue(documented.find(), "the README's section runs serve with --grpc-listen");
        assertEquals(documented.group(1), runtimeAddress(bootstrap(deploy)));
    }

    @Test
    @Timeout(120)
    void theRuntimeAnswersTheChecksOfTheEmittedBootstrap(@TempDir Path deploy) throws Exception {
        assumeCrs();
        int port = freePort();
        Cli build = Cli.run("build", "policies-examples", "--accept-inexact", "P0621,P0623", "-o", deploy.toString(),
                "--envoy-runtime", "127.0.0.1:" + port);
        assertEquals(0, build.exitCode(), build::toString);
        ParsedBootstrap bootstrap = bootstrap(deploy);
        ExtAuthz filter = bootstrap.extAuthz();
        assertEquals("V3", filter.getTransportApiVersion().name());
        String grpcListen = runtimeAddress(bootstrap);
        assertEquals("127.0.0.1:" + port, grpcListen);
        Map<String, String> workload = bootstrap.extAuthzPerRoute().getCheckSettings().getContextExtensionsMap();

        // As the README runs it; the HTTP service, unused by Envoy, on any free port.
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--mode", "ext-authz",
                "--policies", "policies-examples", "--grpc-listen", grpcListen, "--listen", "127.0.0.1:0",
                "--workload-labels", "app=www", "--namespace", "default", "--no-watch")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ManagedChannel channel = null;
        try {
            awaitServing(serve);
            int colon = grpcListen.lastIndexOf(':');
            channel = NettyChannelBuilder.forAddress(grpcListen.substring(0, colon),
                    Integer.parseInt(grpcListen.substring(colon + 1))).usePlaintext().build();
            AuthorizationGrpc.AuthorizationBlockingStub stub = AuthorizationGrpc.newBlockingStub(channel);
            assertEquals(SERVICE, AuthorizationGrpc.SERVICE_NAME, "the service Envoy's envoy_grpc calls");

            CheckResponse allowed = stub.withDeadlineAfter(10, TimeUnit.SECONDS)
                    .check(check("GET", "/robots.txt", "", workload));
            assertEquals(Code.OK_VALUE, allowed.getStatus().getCode(), allowed::toString);
            CheckResponse benignLogin = stub.withDeadlineAfter(10, TimeUnit.SECONDS)
                    .check(check("POST", "/login.php", "username=alice&password=correct+horse", workload));
            assertEquals(Code.OK_VALUE, benignLogin.getStatus().getCode(), benignLogin::toString);
            CheckResponse bypass = stub.withDeadlineAfter(10, TimeUnit.SECONDS)
                    .check(check("POST", "/login.php", "username=%27+or+5%3D5--+&password=x", workload));
            assertEquals(Code.PERMISSION_DENIED_VALUE, bypass.getStatus().getCode(), bypass::toString);
            assertEquals(403, bypass.getDeniedResponse().getStatus().getCodeValue());
        } finally {
            if (channel != null) {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
            serve.destroy();
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve ends on SIGTERM");
        }
    }

    /** A check as Envoy sends it with {@code with_request_body} and {@code pack_as_bytes}: the body as {@code raw_body}. */
    private static CheckRequest check(String method, String path, String body, Map<String, String> extensions) {
        AttributeContext.HttpRequest.Builder http = AttributeContext.HttpRequest.newBuilder()
                .setMethod(method).setPath(path).setHost("www.example").setProtocol("HTTP/1.1")
                .putHeaders(":method", method).putHeaders(":path", path).putHeaders(":authority", "www.example")
                .putHeaders("user-agent", "Mozilla/5.0").putHeaders("accept", "text/html");
        if (!body.isEmpty()) {
            http.putHeaders("content-type", "application/x-www-form-urlencoded")
                    .putHeaders("content-length", Integer.toString(body.length()))
                    .setRawBody(ByteString.copyFromUtf8(body));
        }
        return CheckRequest.newBuilder().setAttributes(AttributeContext.newBuilder()
                .setSource(AttributeContext.Peer.newBuilder().setAddress(Address.newBuilder().setSocketAddress(
                        SocketAddress.newBuilder().setAddress("10.1.2.3").setPortValue(40000))))
                .setRequest(AttributeContext.Request.newBuilder().setHttp(http))
                .putAllContextExtensions(extensions)).build();
    }

    private static ParsedBootstrap bootstrap(Path deploy) throws IOException {
        return ParsedBootstrap.parse(Files.readString(deploy.resolve("envoy/default/www.yaml")));
    }

    /** The socket address of the cluster the ext_authz filter's {@code envoy_grpc} names. */
    private static String runtimeAddress(ParsedBootstrap bootstrap) {
        String name = bootstrap.extAuthz().getGrpcService().getEnvoyGrpc().getClusterName();
        List<Cluster> clusters = bootstrap.bootstrap().getStaticResources().getClustersList().stream()
                .filter(cluster -> cluster.getName().equals(name)).toList();
        assertEquals(1, clusters.size(), "one cluster named " + name);
        SocketAddress socket = clusters.get(0).getLoadAssignment().getEndpoints(0).getLbEndpoints(0)
                .getEndpoint().getAddress().getSocketAddress();
        return socket.getAddress() + ":" + socket.getPortValue();
    }

    private static void awaitServing(Process serve) throws IOException {
        BufferedReader stderr = new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = stderr.readLine(); line == null || !line.contains("gRPC on"); line = stderr.readLine()) {
            assertTrue(line != null, () -> "serve ended before it listened:\n" + seen);
            seen.append(line).append('\n');
        }
        // Keep draining stderr so the runtime never blocks on a full pipe.
        Thread drain = new Thread(() -> drain(serve.getErrorStream()), "serve-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    private static void drain(InputStream stream) {
        try {
            stream.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException closed) {
            // the process ended
        }
    }

    private static String readmeSection(String heading) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "README has " + heading);
        Matcher next = Pattern.compile("\n#{2,3} ").matcher(readme);
        return readme.substring(start, next.find(start + heading.length() + 2) ? next.start() : readme.length());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void assumeCrs() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/share/modsecurity-crs/rules")),
                "skipped: the www example's WAF needs Debian's modsecurity-crs package");
    }
}
