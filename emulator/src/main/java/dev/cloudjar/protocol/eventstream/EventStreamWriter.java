package dev.cloudjar.protocol.eventstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Writes AWS's binary event stream ({@code application/vnd.amazon.eventstream}): each message is a
 * prelude (total length, headers length, CRC32 of those 8 bytes), string-typed headers, the payload and
 * a CRC32 of everything before it. Used by S3 SelectObjectContent.
 */
public final class EventStreamWriter {
    private static final byte STRING = 7;
    private final OutputStream out;

    public EventStreamWriter(OutputStream out) {
        this.out = out;
    }

    /** An {@code event} message of {@code eventType} (with its content type, null for none) and its payload. */
    public void event(String eventType, String contentType, byte[] payload) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":event-type", eventType);
        if (contentType != null) {
            headers.put(":content-type", contentType);
        }
        headers.put(":message-type", "event");
        write(headers, payload);
    }

    /** An {@code error} message: the stream's last, as when a query fails after records were sent. */
    public void error(String code, String message) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":error-code", code);
        headers.put(":error-message", message);
        headers.put(":message-type", "error");
        write(headers, new byte[0]);
    }

    public void flush() throws IOException {
        out.flush();
    }

    void write(Map<String, String> headers, byte[] payload) throws IOException {
        out.write(encode(headers, payload));
    }

    /** One framed message. */
    public static byte[] encode(Map<String, String> headers, byte[] payload) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            byte[] name = h.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = h.getValue().getBytes(StandardCharsets.UTF_8);
            head.write(name.length);
            head.writeBytes(name);
            head.write(STRING);
            head.write((value.length >>> 8) & 0xff);
            head.write(value.length & 0xff);
            head.writeBytes(value);
        }
        byte[] headerBytes = head.toByteArray();
        int total = 12 + headerBytes.length + payload.length + 4;
        ByteBuffer message = ByteBuffer.allocate(total);
        message.putInt(total).putInt(headerBytes.length);
        message.putInt((int) crc(message.array(), 0, 8));
        message.put(headerBytes).put(payload);
        message.putInt((int) crc(message.array(), 0, total - 4));
        return message.array();
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
