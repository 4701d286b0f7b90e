package dev.cloudjar.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The cheapest possible "is it serving?" check: one HTTP/1.1 GET over a fresh socket, written by hand so
 * that polling a starting server every few milliseconds costs the client almost nothing and needs no
 * warm-up of an HTTP library (which would otherwise be counted in the start time).
 */
public final class HttpProbe {
    private HttpProbe() {
    }

    /**
     * The HTTP status code answered for GET path on 127.0.0.1:port, or -1 when nothing answers
     * (connection refused, reset, or no status line within the timeout).
     */
    public static int status(int port, String path, int timeoutMillis) {
        return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n", timeoutMillis);
    }

    /** The HTTP status code answered for a whole request written by hand (ending with Connection: close), or -1. */
    public static int exchange(int port, String request, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int n = 0;
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            String statusLine = new String(head, 0, n, StandardCharsets.US_ASCII);
            if (n < 12 || !statusLine.startsWith("HTTP/")) {
                return -1;
            }
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
