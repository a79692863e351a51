package dev.palisade.tests.seclang;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx with the ModSecurity v3 connector, run as a plain foreground process on
 * 127.0.0.1 with its own prefix, config, pid file and error log in a temporary directory
 * ({@code /work/shared/modsecurity-oracle.md}). The upstream is a second server of the same nginx,
 * without ModSecurity, that answers {@code 200 ok} to anything: a JDK {@code HttpServer} refuses
 * request targets nginx passes on ({@code /?x=%w20}, backslashes, backticks) with its own 400,
 * which would read as a WAF verdict. Closing stops nginx by its process (the master, which stops
 * its worker).
 */
final class NginxModSecurity implements AutoCloseable {
    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Path MODULE = Path.of("/usr/lib/nginx/modules/ngx_http_modsecurity_module.so");
    private static final Path[] UNICODE_MAPS = {Path.of("/etc/modsecurity/unicode.mapping"),
            Path.of("/etc/nginx/unicode.mapping")};

    private final Process process;
    private final int port;
    private final Path errorLog;

    private NginxModSecurity(Process process, int port, Path errorLog) {
        this.process = process;
        this.port = port;
        this.errorLog = errorLog;
    }

    /** Whether the machine has what this needs; the message names what is missing. */
    static String missing() {
        if (!Files.isExecutable(NGINX)) {
            return "nginx is not installed (" + NGINX + "; Debian package `nginx`)";
        }
        if (!Files.isReadable(MODULE)) {
            return "the ModSecurity module is not installed (" + MODULE + "; Debian package `libnginx-mod-http-modsecurity`)";
        }
        return "";
    }

    /**
     * Starts nginx with {@code rules} as the WAF's rules (after the engine settings ModSecurity v3
     * needs on this machine) in front of its own upstream, and waits until it accepts connections.
     */
    static NginxModSecurity start(Path dir, Path rules) throws IOException, InterruptedException {
        int port = freePort();
        int upstreamPort = freePort();
        StringBuilder main = new StringBuilder()
                .append("SecTmpDir ").append(dir).append('\n')
                .append("SecDataDir ").append(dir).append('\n')
                .append("SecAuditEngine Off\n");
        for (Path map : UNICODE_MAPS) {
            if (Files.isReadable(map)) {
                main.append("SecUnicodeMapFile ").append(map).append(" 20127\n");
                break;
            }
        }
        main.append("Include ").append(rules.toAbsolutePath()).append('\n');
        Files.writeString(dir.resolve("main.conf"), main);
        Path errorLog = dir.resolve("error.log");
        Files.writeString(dir.resolve("nginx.conf"), """
                load_module %1$s;
                daemon off;
                worker_processes 1;
                pid %2$s/nginx.pid;
                error_log %3$s info;
                events { worker_connections 64; }
                http {
                  access_log off;
                  client_body_temp_path %2$s/client-body;
                  proxy_temp_path %2$s/proxy;
                  fastcgi_temp_path %2$s/fastcgi;
                  uwsgi_temp_path %2$s/uwsgi;
                  scgi_temp_path %2$s/scgi;
                  server {
                    listen 127.0.0.1:%4$d;
                    modsecurity on;
                    modsecurity_rules_file %2$s/main.conf;
                    location / { proxy_pass http://127.0.0.1:%5$d; }
                  }
                  server {
                    listen 127.0.0.1:%5$d;
                    location / { return 200 "ok\\n"; }
                  }
                }
                """.formatted(MODULE, dir, errorLog, port, upstreamPort));
        Process process = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-e", errorLog.toString(),
                "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        NginxModSecurity nginx = new NginxModSecurity(process, port, errorLog);
        try {
            nginx.awaitListening(dir);
        } catch (IOException | RuntimeException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    private void awaitListening(Path dir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ":\n"
                        + Files.readString(dir.resolve("nginx.out")) + errorLog());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on 127.0.0.1:" + port + " within 30 s:\n" + errorLog());
    }

    int port() {
        return port;
    }

    /** The error log so far: ModSecurity writes a line for each rule that matched. */
    String errorLog() throws IOException {
        return Files.isReadable(errorLog) ? Files.readString(errorLog, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        java.util.List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        // The master stops its worker on TERM; one left behind (master killed) is stopped by its own pid.
        workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
