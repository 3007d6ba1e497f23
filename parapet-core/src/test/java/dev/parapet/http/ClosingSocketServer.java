package dev.parapet.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;

/**
 * A loopback socket that answers every connection with fixed bytes and then closes it: a server that dies in the
 * middle of a response, which an HTTP server library will not do on purpose. Reads the request head first.
 */
final class ClosingSocketServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;

    ClosingSocketServer(byte[] answer) throws IOException {
        socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    readHead(s.getInputStream());
                    OutputStream out = s.getOutputStream();
                    out.write(answer);
                    out.flush();
                } catch (IOException e) {
                    // closed by the test, or the client went away
                }
            }
        });
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int i = 0; i < 64 * 1024 && matched < 4; i++) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
