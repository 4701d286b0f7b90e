package dev.cloudjar.protocol;

import dev.cloudjar.core.AwsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Undoes a request body's {@code Content-Encoding: gzip} or {@code deflate} (what botocore's request
 * compression and other clients send), bounded by {@link AwsRequest#MAX_BUFFERED_BODY} so a small
 * compressed body cannot expand without limit. Other encodings pass through untouched.
 */
public final class ContentEncoding {
    private ContentEncoding() {
    }

    public static AwsRequest decoded(AwsRequest request) {
        String encoding = request.header("Content-Encoding");
        if (encoding == null) {
            return request;
        }
        String e = encoding.trim().toLowerCase(Locale.ROOT);
        if (!e.equals("gzip") && !e.equals("x-gzip") && !e.equals("deflate")) {
            return request;
        }
        byte[] raw = request.bodyBytes();
        if (raw.length == 0) {
            return request;
        }
        try (InputStream in = e.equals("deflate") ? new InflaterInputStream(new ByteArrayInputStream(raw))
                : new GZIPInputStream(new ByteArrayInputStream(raw))) {
            byte[] plain = in.readNBytes(AwsRequest.MAX_BUFFERED_BODY + 1);
            if (plain.length > AwsRequest.MAX_BUFFERED_BODY) {
                throw AwsRequest.tooLarge();
            }
            return request.toBuilder().body(plain).build();
        } catch (IOException ex) {
            throw new AwsException(400, "SerializationException", "Unable to read request body");
        }
    }
}
