package dev.cloudjar.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a service answers: status, headers (case kept as given), and a body that is either bytes or a
 * stream written straight to the socket. A response may also be {@link #deferred} (long polls), so
 * no thread waits while nothing happens.
 */
public final class AwsResponse {
    /** Writes a body to the client; called once, on the request's thread. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private int status;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>(6);
    private String contentType;
    private byte[] bytes;
    private BodyWriter writer;
    private long contentLength = -1;
    private CompletableFuture<AwsResponse> deferred;

    private AwsResponse(int status) {
        this.status = status;
    }

    public static AwsResponse status(int status) {
        return new AwsResponse(status);
    }

    public static AwsResponse ok() {
        return new AwsResponse(200);
    }

    /** A response that completes later; the gateway releases its thread meanwhile. */
    public static AwsResponse deferred(CompletableFuture<AwsResponse> future) {
        AwsResponse response = new AwsResponse(200);
        response.deferred = future;
        return response;
    }

    public AwsResponse header(String name, String value) {
        if (value != null) {
            headers.add(Map.entry(name, value));
        }
        return this;
    }

    public AwsResponse body(byte[] body, String type) {
        this.bytes = body;
        this.writer = null;
        this.contentType = type;
        this.contentLength = body.length;
        return this;
    }

    public AwsResponse body(String body, String type) {
        return body(body.getBytes(StandardCharsets.UTF_8), type);
    }

    /** A streamed body of known length (-1 if unknown: the gateway then uses chunked encoding). */
    public AwsResponse stream(BodyWriter body, long length, String type) {
        this.writer = body;
        this.bytes = null;
        this.contentType = type;
        this.contentLength = length;
        return this;
    }

    /** Streams the given input to the client and closes it. */
    public AwsResponse stream(InputStream in, long length, String type) {
        return stream(out -> {
            try (InputStream source = in) {
                source.transferTo(out);
            }
        }, length, type);
    }

    /**
     * Declares the Content-Length without sending a body: HEAD answers carry the length of what GET
     * would send.
     */
    public AwsResponse contentLengthOnly(long length, String type) {
        this.bytes = null;
        this.writer = null;
        this.contentLength = length;
        this.contentType = type;
        return this;
    }

    public AwsResponse statusCode(int code) {
        this.status = code;
        return this;
    }

    public int status() {
        return status;
    }

    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    public String headerValue(String name) {
        for (Map.Entry<String, String> e : headers) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] bytes() {
        return bytes;
    }

    public BodyWriter writer() {
        return writer;
    }

    public long contentLength() {
        return contentLength;
    }

    public CompletableFuture<AwsResponse> deferredResult() {
        return deferred;
    }

    /** The body as text, for tests and logs; null for streamed bodies. */
    public String bodyText() {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
