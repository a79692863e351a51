package dev.palisade.proxy.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Netty upstream on 127.0.0.1 for volume tests (the JDK's {@code HttpServer} in
 * {@link RecordingUpstream} has two threads and copies everything). Every response carries:
 * <ul>
 *   <li>{@code X-Received-Sha256}: the SHA-256 of the request body as the upstream got it;
 *   <li>{@code X-Token}: the request's {@code X-Token}, echoed (so a client can match answers);
 * </ul>
 * and its body is {@link #body(long, int)} of {@code X-Respond-Bytes} bytes seeded by
 * {@code X-Respond-Seed} when the request asks for one, otherwise the request body echoed. A
 * request with an {@code X-Hold} field is answered only after {@link #release()}.
 */
public final class EchoUpstream implements AutoCloseable {
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel listener;
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    public EchoUpstream() throws InterruptedException {
        listener = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast("codec", new HttpServerCodec())
                                .addLast("aggregator", new HttpObjectAggregator(MAX_BODY))
                                .addLast("answer", new Answer());
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    /** {@code length} pseudo-random bytes, the same for the same seed. */
    public static byte[] body(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public static String sha256(byte[] bytes) {
        return sha256(ByteBuffer.wrap(bytes));
    }

    static String sha256(ByteBuffer bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** Requests waiting for {@link #release()}. */
    public int held() {
        return held.get();
    }

    /** Requests answered or held so far. */
    public int requests() {
        return requests.get();
    }

    /** Answers the held requests, and any later {@code X-Hold} at once. */
    public void release() {
        released.countDown();
    }

    @Override
    public void close() {
        released.countDown();
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Answer extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            requests.incrementAndGet();
            FullHttpResponse response = answer(request);
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            HttpUtil.setKeepAlive(response, keepAlive);
            if (!request.headers().contains("X-Hold") || released.getCount() == 0) {
                send(ctx, response, keepAlive);
                return;
            }
            held.incrementAndGet();
            // Waits off the event loop, then answers on it.
            Thread waiter = new Thread(() -> {
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                ctx.executor().execute(() -> send(ctx, response, keepAlive));
            }, "echo-upstream-hold");
            waiter.setDaemon(true);
            waiter.start();
        }

        private FullHttpResponse answer(FullHttpRequest request) {
            ByteBuf received = request.content();
            String digest = sha256(received.nioBuffer());
            String size = request.headers().get("X-Respond-Bytes");
            ByteBuf body = size == null ? received.retainedDuplicate()
                    : Unpooled.wrappedBuffer(body(Long.parseLong(request.headers().get("X-Respond-Seed", "0")),
                            Integer.parseInt(size)));
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            response.headers().set("X-Received-Sha256", digest);
            String token = request.headers().get("X-Token");
            if (token != null) {
                response.headers().set("X-Token", token);
            }
            return response;
        }

        private void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
            if (keepAlive) {
                ctx.writeAndFlush(response);
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
