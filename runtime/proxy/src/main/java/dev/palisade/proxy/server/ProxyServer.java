package dev.palisade.proxy.server;

import dev.palisade.proxy.admin.AdminInitializer;
import dev.palisade.proxy.admin.Dashboard;
import dev.palisade.proxy.admin.ProxyMetrics;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.pipeline.RequestInspection;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Binds the proxy listener (and the admin listener, if configured) and shuts them down
 * gracefully: {@link #close} stops accepting first, then lets the exchanges in flight finish (up
 * to the drain timeout) and closes each client connection as its exchange ends.
 */
public final class ProxyServer implements AutoCloseable {
    /**
     * The names of the event loops' threads start with these: a thread dump shows which are the
     * proxy's, and LoadBenchmark measures the proxy's own CPU time by them.
     */
    public static final String WORKER_THREADS = "palisade-proxy";
    public static final String ACCEPTOR_THREADS = "palisade-accept";
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final Channel listener;
    private final Channel admin;
    private final ProxyInitializer clients;
    private final Duration drainTimeout;
    private boolean closed;

    private ProxyServer(EventLoopGroup acceptors, EventLoopGroup workers, Channel listener, Channel admin,
            ProxyInitializer clients, Duration drainTimeout) {
        this.acceptors = acceptors;
        this.workers = workers;
        this.listener = listener;
        this.admin = admin;
        this.clients = clients;
        this.drainTimeout = drainTimeout;
    }

    /** Binds and returns once both listeners accept connections. */
    public static ProxyServer start(ProxyConfig config, PolicyHolder holder, RequestInspection inspection,
            DecisionLog log) throws InterruptedException {
        return start(config, holder, inspection, log, null);
    }

    /**
     * The same, with {@code /dashboard} on the admin listener when {@code dashboard} is not {@code null};
     * the caller closes the dashboard after the server.
     */
    public static ProxyServer start(ProxyConfig config, PolicyHolder holder, RequestInspection inspection,
            DecisionLog log, Dashboard dashboard) throws InterruptedException {
        EventLoopGroup acceptors = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(ACCEPTOR_THREADS),
                NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(eventLoops(),
                new DefaultThreadFactory(WORKER_THREADS), NioIoHandler.newFactory());
        ProxyMetrics metrics = new ProxyMetrics(holder);
        DecisionLog observed = log.observedBy(metrics);
        try {
            ProxyInitializer clients = new ProxyInitializer(config, holder, inspection, observed, metrics);
            Channel listener = Listeners.bind(acceptors, workers, config.listen(), clients);
            Channel admin = config.admin() == null ? null
                    : Listeners.bind(acceptors, workers, config.admin(), new AdminInitializer(holder, metrics, dashboard));
            return new ProxyServer(acceptors, workers, listener, admin, clients, config.drainTimeout());
        } catch (RuntimeException | InterruptedException failed) {
            acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw failed;
        }
    }

    /**
     * One event loop per core (Netty's {@code io.netty.eventLoopThreads} when set), not Netty's
     * default of two per core: every loop is busy with CPU work, and with two per core they only
     * take turns. In LoadBenchmark on 2 cores, 2 loops cost the proxy 2-4 µs less CPU per request
     * than 4 (fewer wake-ups, more ready sockets per epoll_wait); 1 loop cost more and served less.
     */
    static int eventLoops() {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Integer.getInteger("io.netty.eventLoopThreads", cores));
    }

    /** The proxy's bound address (the real port when 0 was asked for). */
    public InetSocketAddress listenAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    public Optional<InetSocketAddress> adminAddress() {
        return Optional.ofNullable(admin).map(channel -> (InetSocketAddress) channel.localAddress());
    }

    /** Blocks until the listener is closed. */
    public void awaitClose() throws InterruptedException {
        listener.closeFuture().sync();
    }

    /**
     * Stops gracefully: no new connection is accepted (the listening socket is closed, so a
     * connect is refused), idle client connections are closed, busy ones finish their exchange
     * and are closed after it; whatever is still open after the drain timeout is closed.
     * Idempotent; a second caller waits for the first to finish.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        listener.close().syncUninterruptibly();
        if (admin != null) {
            admin.close().syncUninterruptibly();
        }
        ChannelGroup open = clients.drain();
        if (!open.newCloseFuture().awaitUninterruptibly(drainTimeout.toMillis())) {
            open.close().awaitUninterruptibly(drainTimeout.toMillis());
        }
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
