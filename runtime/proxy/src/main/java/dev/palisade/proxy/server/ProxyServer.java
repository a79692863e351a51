package dev.palisade.proxy.server;

import dev.palisade.proxy.admin.AdminInitializer;
import dev.palisade.proxy.admin.ProxyMetrics;
import dev.palisade.proxy.log.DecisionLog;
import dev.palisade.proxy.pipeline.PolicyHolder;
import dev.palisade.proxy.pipeline.RequestInspection;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Binds the proxy listener (and the admin listener, if configured) and shuts them down. */
public final class ProxyServer implements AutoCloseable {
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final Channel listener;
    private final Channel admin;

    private ProxyServer(EventLoopGroup acceptors, EventLoopGroup workers, Channel listener, Channel admin) {
        this.acceptors = acceptors;
        this.workers = workers;
        this.listener = listener;
        this.admin = admin;
    }

    /** Binds and returns once both listeners accept connections. */
    public static ProxyServer start(ProxyConfig config, PolicyHolder holder, RequestInspection inspection,
            DecisionLog log) throws InterruptedException {
        EventLoopGroup acceptors = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        ProxyMetrics metrics = new ProxyMetrics(holder);
        DecisionLog observed = log.observedBy(metrics);
        try {
            Channel listener = bind(acceptors, workers, config.listen(),
                    new ProxyInitializer(config, holder, inspection, observed, metrics));
            Channel admin = config.admin() == null ? null
                    : bind(acceptors, workers, config.admin(), new AdminInitializer(holder, metrics));
            return new ProxyServer(acceptors, workers, listener, admin);
        } catch (RuntimeException | InterruptedException failed) {
            acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw failed;
        }
    }

    private static Channel bind(EventLoopGroup acceptors, EventLoopGroup workers, InetSocketAddress address,
            ChannelHandler initializer) throws InterruptedException {
        return new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer)
                .bind(address).sync().channel();
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

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        if (admin != null) {
            admin.close().syncUninterruptibly();
        }
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
