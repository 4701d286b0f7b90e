package dev.cloudjar.protocol.eventstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The vnd.amazon.eventstream framing: lengths, string headers, and both CRC32s. */
class EventStreamWriterTest {

    @Test
    void framesAMessageAsAwsDoes() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":event-type", "Records");
        byte[] payload = "a,b\n".getBytes(StandardCharsets.UTF_8);
        byte[] message = EventStreamWriter.encode(headers, payload);
        ByteBuffer in = ByteBuffer.wrap(message);
        int total = in.getInt();
        int headerLength = in.getInt();
        assertEquals(message.length, total);
        assertEquals(1 + 11 + 1 + 2 + 7, headerLength);
        CRC32 prelude = new CRC32();
        prelude.update(message, 0, 8);
        assertEquals((int) prelude.getValue(), in.getInt());
        assertEquals(11, in.get());
        byte[] name = new byte[11];
        in.get(name);
        assertEquals(":event-type", new String(name, StandardCharsets.US_ASCII));
        assertEquals(7, in.get(), "string header type");
        assertEquals(7, in.getShort());
        byte[] value = new byte[7];
        in.get(value);
        assertEquals("Records", new String(value, StandardCharsets.US_ASCII));
        byte[] body = new byte[payload.length];
        in.get(body);
        assertEquals("a,b\n", new String(body, StandardCharsets.UTF_8));
        CRC32 all = new CRC32();
        all.update(message, 0, message.length - 4);
        assertEquals((int) all.getValue(), in.getInt());
    }
}
