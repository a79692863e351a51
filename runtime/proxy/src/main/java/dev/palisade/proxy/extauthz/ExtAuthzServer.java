package dev.palisade.proxy.extauthz;

import dev.palisade.proxy.admin.AdminInitializer;
import dev.palisade.proxy.admin.Dashboard;
import dev.palisade.proxy.admin.ProxyMetrics;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.server.Listeners;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Palisade as Envoy's external authorization service: the HTTP contract on our Netty, the gRPC
 * one on gRPC's own (shaded) Netty. Both decide with the same bundle, swapped by reload.
 */
public final class ExtAuthzServer implements AutoCloseable {
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final Channel http;
    private final Server grpc;
    private final Channel admin;

    private ExtAuthzServer(EventLoopGroup acceptors, EventLoopGroup workers, Channel http, Server grpc, Channel admin) {
        this.acceptors = acceptors;
        this.workers = workers;
        this.http = http;
        this.grpc = grpc;
        this.admin = admin;
    }

    /** Binds and returns once both services accept connections. */
    public static ExtAuthzServer start(ExtAuthzConfig config, PolicyHolder holder, DecisionLog log)
            throws InterruptedException {
        return start(config, holder, log, null, null);
    }

    /**
     * Binds the services and, when {@code admin} is given, the admin listener as the proxy has it
     * ({@code /healthz}, {@code /readyz}, {@code /metrics}, {@code /policies}, and {@code /dashboard}
     * when {@code dashboard} is given); every check counts in the metrics.
     */
    public static ExtAuthzServer start(ExtAuthzConfig config, PolicyHolder holder, DecisionLog log,
            InetSocketAddress admin, Dashboard dashboard) throws InterruptedException {
        ProxyMetrics metrics = new ProxyMetrics(holder);
        Authorizer authorizer = new Authorizer(holder, Authorizer.alpWithIdentityThenWaf(), log.observedBy(metrics));
        EventLoopGroup acceptors = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        Channel http = null;
        Channel adminChannel = null;
        try {
            http = Listeners.bind(acceptors, workers, config.httpListen(), new HttpAuthzInitializer(config, authorizer));
            adminChannel = admin == null ? null
                    : Listeners.bind(acceptors, workers, admin, new AdminInitializer(holder, metrics, dashboard));
            Server grpc = config.grpcListen() == null ? null : startGrpc(config, authorizer);
            return new ExtAuthzServer(acceptors, workers, http, grpc, adminChannel);
        } catch (RuntimeException | InterruptedException failed) {
            if (http != null) {
                http.close();
            }
            if (adminChannel != null) {
                adminChannel.close();
            }
            acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw failed;
        }
    }

    /** Checks are decided without blocking (compiled policy, cached selections): on gRPC's own threads. */
    private static Server startGrpc(ExtAuthzConfig config, Authorizer authorizer) {
        try {
            return NettyServerBuilder.forAddress(config.grpcListen())
                    .directExecutor()
                    .addService(new GrpcAuthorizationService(authorizer, config.defaultWorkload()))
                    .build()
                    .start();
        } catch (IOException bindFailed) {
            throw new UncheckedIOException("cannot listen for gRPC on " + config.grpcListen(), bindFailed);
        }
    }

    /** The HTTP service's bound address (the real port when 0 was asked for). */
    public InetSocketAddress httpAddress() {
        return (InetSocketAddress) http.localAddress();
    }

    /** The gRPC service's bound address, when there is one. */
    public Optional<InetSocketAddress> grpcAddress() {
        return Optional.ofNullable(grpc).map(server -> (InetSocketAddress) server.getListenSockets().get(0));
    }

    /** The admin listener's bound address, when there is one. */
    public Optional<InetSocketAddress> adminAddress() {
        return Optional.ofNullable(admin).map(channel -> (InetSocketAddress) channel.localAddress());
    }

    /** Blocks until the HTTP listener is closed. */
    public void awaitClose() throws InterruptedException {
        http.closeFuture().sync();
    }

    @Override
    public void close() {
        http.close().syncUninterruptibly();
        if (admin != null) {
            admin.close().syncUninterruptibly();
        }
        if (grpc != null) {
            grpc.shutdown();
            try {
                if (!grpc.awaitTermination(2, TimeUnit.SECONDS)) {
                    grpc.shutdownNow();
                }
            } catch (InterruptedException interrupted) {
                grpc.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
