package dev.palisade.benchmarks;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import dev.palisade.proxy.server.ProxyServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load generator on Netty: {@code connections} keep-alive connections,
 * each sending its next request as soon as the previous response has arrived (like {@code wrk}
 * without pipelining). After a warm-up, every response whose request was sent and answered inside
 * the measurement window counts, and its latency (send to last byte received) is kept; anything
 * but a 200, and every connection lost, is an error.
 */
final class LoadGenerator implements AutoCloseable {

    /** What one run measured. Latencies in microseconds. */
    record Result(long requests, long errors, double seconds, long p50, long p90, long p99, long max,
            double cpuMicrosPerRequest, double proxyCpuMicrosPerRequest) {
        double perSecond() {
            return requests / seconds;
        }
    }

    /** CPU time of this whole process (generator, proxy and upstream alike), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU time of the proxy's event loops alone (threads named {@link ProxyServer#WORKER_THREADS}),
     * in nanoseconds: the proxy's own share of a request, apart from the generator's and the
     * upstream's, and apart from whatever else the shared machine runs.
     */
    private static long proxyCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith(ProxyServer.WORKER_THREADS)) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return total;
    }

    private final EventLoopGroup group;

    LoadGenerator(int threads) {
        group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    }

    Result run(InetSocketAddress target, List<String> paths, int connections, Duration warmup, Duration measure)
            throws InterruptedException {
        long cpuBefore = processCpuNanos();
        long proxyCpuBefore = proxyCpuNanos();
        long now = System.nanoTime();
        Window window = new Window(now + warmup.toNanos(), now + warmup.toNanos() + measure.toNanos());
        List<Connection> handlers = new ArrayList<>();
        CountDownLatch finished = new CountDownLatch(connections);
        for (int index = 0; index < connections; index++) {
            Connection handler = new Connection(window, paths, index, finished);
            handlers.add(handler);
            new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20), handler);
                        }
                    })
                    .connect(target).addListener(connected -> {
                        if (!connected.isSuccess()) {
                            window.errors.incrementAndGet();
                            finished.countDown();
                        }
                    });
        }
        if (!finished.await(warmup.plus(measure).toSeconds() + 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("connections did not finish");
        }
        long cpu = processCpuNanos() - cpuBefore;
        long proxyCpu = proxyCpuNanos() - proxyCpuBefore;
        long total = handlers.stream().mapToLong(handler -> handler.count).sum();
        long[] all = new long[(int) total];
        int offset = 0;
        for (Connection handler : handlers) {
            System.arraycopy(handler.latencies, 0, all, offset, handler.count);
            offset += handler.count;
        }
        Arrays.sort(all);
        double seconds = measure.toNanos() / 1e9;
        // Over every request of the run, warm-up included: CPU is not split by window.
        long sent = Math.max(1, handlers.stream().mapToLong(handler -> handler.sent).sum());
        return new Result(total, window.errors.get(), seconds, percentile(all, 0.50), percentile(all, 0.90),
                percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1], cpu / 1000.0 / sent,
                proxyCpu / 1000.0 / sent);
    }

    private static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The measurement window, shared by all connections. */
    private static final class Window {
        final long start;
        final long end;
        final AtomicLong errors = new AtomicLong();

        Window(long start, long end) {
            this.start = start;
            this.end = end;
        }
    }

    /** One connection's loop; touched only by its event loop. */
    private static final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final Window window;
        private final List<String> paths;
        private final CountDownLatch finished;
        private int next;
        private long sentAt;
        private long[] latencies = new long[1 << 14];
        private int count;
        private long sent;
        private boolean done;

        Connection(Window window, List<String> paths, int first, CountDownLatch finished) {
            this.window = window;
            this.paths = paths;
            this.next = first;
            this.finished = finished;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            send(ctx.channel());
        }

        private void send(Channel channel) {
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                    paths.get(next++ % paths.size()));
            request.headers().set(HttpHeaderNames.HOST, "bench");
            sentAt = System.nanoTime();
            sent++;
            channel.writeAndFlush(request);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            long now = System.nanoTime();
            if (response.status().code() != 200) {
                window.errors.incrementAndGet();
            } else if (sentAt >= window.start && now <= window.end) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = (now - sentAt) / 1000;
            }
            if (now > window.end) {
                finish(ctx);
                return;
            }
            send(ctx.channel());
        }

        private void finish(ChannelHandlerContext ctx) {
            if (!done) {
                done = true;
                ctx.close();
                finished.countDown();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!done) {
                window.errors.incrementAndGet();
                finish(ctx);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
