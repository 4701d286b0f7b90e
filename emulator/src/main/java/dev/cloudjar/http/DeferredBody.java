package dev.cloudjar.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request body, opened on first read: Jetty answers {@code Expect: 100-continue} when the body is
 * opened, so a request refused on its headers alone (a declared length over the limit, a denied
 * origin) is refused without inviting the client to send the bytes.
 */
final class DeferredBody extends InputStream {
    private final HttpServletRequest request;
    private InputStream body;

    DeferredBody(HttpServletRequest request) {
        this.request = request;
    }

    private InputStream body() throws IOException {
        if (body == null) {
            body = request.getInputStream();
        }
        return body;
    }

    @Override
    public int read() throws IOException {
        return body().read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return body().read(buffer, offset, length);
    }

    @Override
    public long skip(long n) throws IOException {
        return body().skip(n);
    }

    @Override
    public int available() throws IOException {
        return body == null ? 0 : body.available();
    }

    @Override
    public void close() throws IOException {
        if (body != null) {
            body.close();
        }
    }
}
