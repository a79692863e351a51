package dev.palisade.proxy.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection for volume tests: buffered both ways (unlike
 * {@link RawHttp}, which reads a byte per system call), requests sent one at a time, responses
 * framed by {@code Content-Length} only (what the proxy and {@link EchoUpstream} send).
 */
public final class KeepAliveClient implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 30_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public KeepAliveClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    /** Sends one request; {@code headers} are extra fields, each "Name: value". */
    public RawHttp.Response exchange(String method, String target, byte[] body, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(128).append(method).append(' ').append(target)
                .append(" HTTP/1.1\r\nHost: test\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (body.length > 0 || method.equals("POST") || method.equals("PUT")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return read();
    }

    private RawHttp.Response read() throws IOException {
        RawHttp.Head head = RawHttp.readHead(in);
        String length = head.headers().get("content-length");
        if (length == null) {
            throw new IOException("a response without Content-Length: " + head.status() + " " + head.headers());
        }
        byte[] body = in.readNBytes(Integer.parseInt(length));
        if (body.length != Integer.parseInt(length)) {
            throw new IOException("connection closed after " + body.length + " of " + length + " body bytes");
        }
        return new RawHttp.Response(head.status(), head.headers(), body);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
