package dev.palisade.proxy.demo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The service {@code palisade demo} puts behind the proxy: on 127.0.0.1, an ephemeral port,
 * answering every request 200 with a body naming what it received, so a forwarded request is
 * visibly one the upstream saw. Netty rather than the JDK's {@code HttpServer}, which answers
 * 404 to a target such as {@code //passwords} (it reads {@code passwords} as an authority).
 */
public final class DemoUpstream implements AutoCloseable {
    /** The demo's requests carry form bodies of a few dozen bytes. */
    private static final int MAX_BODY = 64 * 1024;

    private final EventLoopGroup group;
    private final Channel listener;

    private DemoUpstream(EventLoopGroup group, Channel listener) {
        this.group = group;
        this.listener = listener;
    }

    /** Binds 127.0.0.1 on an ephemeral port; returns once it accepts connections. */
    public static DemoUpstream start() throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel listener = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline()
                                    .addLast("codec", new HttpServerCodec())
                                    .addLast("aggregator", new HttpObjectAggregator(MAX_BODY))
                                    .addLast("answer", new DemoUpstreamHandler());
                        }
                    })
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
            return new DemoUpstream(group, listener);
        } catch (RuntimeException | InterruptedException failed) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw failed;
        }
    }

    /** The body the upstream answers a request with. */
    public static String answer(String method, String target) {
        return "demo upstream saw " + method + " " + target + "\n";
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
