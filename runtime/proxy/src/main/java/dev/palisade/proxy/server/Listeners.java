package dev.palisade.proxy.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;

/** How every Palisade listener (proxy, admin, ext_authz over HTTP) binds its socket. */
public final class Listeners {
    private Listeners() {}

    /** Binds and returns once {@code address} accepts connections, handled by {@code initializer}. */
    public static Channel bind(EventLoopGroup acceptors, EventLoopGroup workers, InetSocketAddress address,
            ChannelHandler initializer) throws InterruptedException {
        return new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer)
                .bind(address).sync().channel();
    }
}
