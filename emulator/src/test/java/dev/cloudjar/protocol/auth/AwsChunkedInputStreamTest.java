package dev.cloudjar.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AwsChunkedInputStreamTest {
    private static final String SIG = "a".repeat(64);

    private static AwsChunkedInputStream decoder(String body) {
        return new AwsChunkedInputStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void signedChunksWithTrailerAsJavaSdkSendsThem() throws IOException {
        AwsChunkedInputStream in = decoder("b;chunk-signature=" + SIG + "\r\nhello world\r\n0;chunk-signature=" + SIG + "\r\n"
                + "x-amz-checksum-crc32:DUoRhQ==\r\nx-amz-trailer-signature:" + SIG + "\r\n\r\n");
        assertEquals("hello world", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(in.finished());
        assertEquals("DUoRhQ==", in.trailers().get("x-amz-checksum-crc32"));
        assertEquals(SIG, in.trailers().get("x-amz-trailer-signature"));
    }

    @Test
    void unsignedChunksAsJsSendsThem() throws IOException {
        String data = "x".repeat(100);
        AwsChunkedInputStream in = decoder("64\r\n" + data + "\r\n0\r\nx-amz-checksum-crc32:mYjGyg==\r\n\r\n");
        assertEquals(data, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("mYjGyg==", in.trailers().get("x-amz-checksum-crc32"));
    }

    @Test
    void signedChunksWithoutTrailerAndManyChunks() throws IOException {
        StringBuilder body = new StringBuilder();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) {
            String chunk = String.valueOf((char) ('a' + i)).repeat(5000 + i);
            body.append(Integer.toHexString(chunk.length())).append(";chunk-signature=").append(SIG).append("\r\n").append(chunk).append("\r\n");
            expected.writeBytes(chunk.getBytes(StandardCharsets.UTF_8));
        }
        body.append("0;chunk-signature=").append(SIG).append("\r\n\r\n");
        AwsChunkedInputStream in = decoder(body.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[777];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
        }
        assertArrayEquals(expected.toByteArray(), out.toByteArray());
        assertTrue(in.trailers().isEmpty());
    }

    @Test
    void aTruncatedBodyIsMalformed() {
        AwsChunkedInputStream in = decoder("b\r\nhello");
        assertThrows(AwsChunkedInputStream.MalformedChunkException.class, in::readAllBytes);
        AwsChunkedInputStream noFinal = decoder("5\r\nhello\r\n");
        assertThrows(AwsChunkedInputStream.MalformedChunkException.class, noFinal::readAllBytes);
    }

    @Test
    void aBadSizeIsMalformed() {
        assertThrows(AwsChunkedInputStream.MalformedChunkException.class, () -> decoder("zz\r\nhello\r\n").readAllBytes());
        assertThrows(AwsChunkedInputStream.MalformedChunkException.class, () -> decoder("5\r\nhelloXX0\r\n\r\n").readAllBytes());
    }

    @Test
    void detectsAwsChunkedFromEitherHeader() {
        assertTrue(AwsChunkedInputStream.isAwsChunked("gzip,aws-chunked", null));
        assertTrue(AwsChunkedInputStream.isAwsChunked(null, "STREAMING-UNSIGNED-PAYLOAD-TRAILER"));
        assertFalse(AwsChunkedInputStream.isAwsChunked("gzip", "UNSIGNED-PAYLOAD"));
    }

    @Test
    void aSingleByteReadWorks() throws IOException {
        InputStream in = decoder("2\r\nab\r\n0\r\n\r\n");
        assertEquals('a', in.read());
        assertEquals('b', in.read());
        assertEquals(-1, in.read());
    }
}
