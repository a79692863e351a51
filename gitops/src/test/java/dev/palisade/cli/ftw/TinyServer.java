package dev.palisade.cli.ftw;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A raw HTTP/1.x server on 127.0.0.1 for tests: reads each request's head (to the empty line), keeps
 * it, and writes whatever {@code answer} returns for it (null: no answer, hold the connection until
 * the client gives up).
 */
final class TinyServer implements AutoCloseable {
    private final ServerSocket server;
    private final Function<String, String> answer;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    TinyServer(Function<String, String> answer) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.answer = answer;
        this.acceptor = new Thread(this::acceptAll, "tiny-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    List<String> requests() {
        return requests;
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(5000);
                String head = readHead(socket.getInputStream());
                requests.add(head);
                String response = answer.apply(head);
                if (response == null) {
                    socket.getInputStream().read();
                    continue;
                }
                socket.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                if (!response.contains("Connection: close")) {
                    // keep the connection open, as a keep-alive server would, until the client closes
                    socket.getInputStream().read();
                }
            } catch (IOException closedOrTimedOut) {
                // next connection, or the server was closed
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n") || text.endsWith("\n\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
