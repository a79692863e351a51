package dev.palisade.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's nginx as a plain reverse proxy (no WAF, no policy) in front of the same upstream: the
 * reference row of {@link LoadBenchmark}. It tells how much of direct throughput any proxy keeps
 * on this machine, where the load generator, the proxy and the upstream share the cores: nginx's
 * relaying is about as cheap as an HTTP/1.1 proxy gets, so its share bounds what Palisade's can
 * reach. One worker per core and pooled keep-alive upstream connections, as Palisade has.
 */
final class NginxReferenceProxy implements AutoCloseable {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final Path dir;
    private final InetSocketAddress address;

    private NginxReferenceProxy(Process process, Path dir, InetSocketAddress address) {
        this.process = process;
        this.dir = dir;
        this.address = address;
    }

    static boolean available() {
        return Files.isExecutable(NGINX);
    }

    static NginxReferenceProxy start(InetSocketAddress upstream) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("palisade-nginx-reference");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                worker_processes %1$d;
                pid %2$s/nginx.pid;
                error_log %2$s/error.log warn;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  # The load generator keeps its connections for the whole run (nginx closes after 100 by default).
                  keepalive_requests 100000000;
                  keepalive_timeout 300s;
                  client_body_temp_path %2$s/client-body;
                  proxy_temp_path %2$s/proxy;
                  fastcgi_temp_path %2$s/fastcgi;
                  uwsgi_temp_path %2$s/uwsgi;
                  scgi_temp_path %2$s/scgi;
                  upstream backend {
                    server %3$s:%4$d;
                    keepalive 256;
                    keepalive_requests 100000000;
                  }
                  server {
                    listen 127.0.0.1:%5$d;
                    location / {
                      proxy_pass http://backend;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                    }
                  }
                }
                """.formatted(Runtime.getRuntime().availableProcessors(), dir, upstream.getHostString(),
                upstream.getPort(), port));
        Process process = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
                "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        NginxReferenceProxy nginx = new NginxReferenceProxy(process, dir,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        try {
            nginx.awaitListening();
        } catch (IOException | RuntimeException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    InetSocketAddress address() {
        return address;
    }

    /** CPU time of the master and its workers so far. */
    long cpuNanos() {
        long total = 0;
        for (ProcessHandle handle : Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList()) {
            total += handle.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
        }
        return total;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ":\n"
                        + Files.readString(dir.resolve("nginx.out")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(address, 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + address + " within 30 s");
    }

    @Override
    public void close() throws InterruptedException, IOException {
        java.util.List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
