package dev.cloudjar.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cloudjar.protocol.auth.Checksums.Algorithm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChecksumsTest {
    private static final byte[] HELLO = "hello world".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

    private static String b64(Algorithm algorithm, byte[] data) {
        return Checksums.base64(algorithm.newDigest().update(data).finish());
    }

    @Test
    void crc32MatchesTheProtocolVectors() {
        assertEquals("DUoRhQ==", b64(Algorithm.CRC32, HELLO));
        assertEquals("AAAAAA==", b64(Algorithm.CRC32, new byte[0]));
    }

    @Test
    void crc32cOfTheCheckStringIsE3069283() {
        assertEquals("e3069283", Checksums.hex(Algorithm.CRC32C.newDigest().update(CHECK).finish()));
    }

    @Test
    void crc64NvmeOfTheCheckStringIsAe8b14860a799888() {
        assertEquals("ae8b14860a799888", Checksums.hex(Algorithm.CRC64NVME.newDigest().update(CHECK).finish()));
        Crc64Nvme bytewise = new Crc64Nvme();
        for (byte b : CHECK) {
            bytewise.update(b);
        }
        assertEquals(0xae8b14860a799888L, bytewise.getValue());
    }

    @Test
    void crc64NvmeIsTheSameInOneGoAndInPieces() {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        Crc64Nvme whole = new Crc64Nvme();
        whole.update(data, 0, data.length);
        Crc64Nvme pieces = new Crc64Nvme();
        pieces.update(data, 0, 3);
        pieces.update(data, 3, 500);
        pieces.update(data, 503, 497);
        assertEquals(whole.getValue(), pieces.getValue());
    }

    @Test
    void shaAndMd5Vectors() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Checksums.hex(Checksums.sha256(new byte[0])));
        assertEquals("49f68a5c8493ec2c0bf489821c21fc3b", Checksums.hex(Checksums.md5("hi".getBytes(StandardCharsets.UTF_8))));
        assertEquals("Kq5sNclPz7QV2+lfQIuc6R7oRu0=", b64(Algorithm.SHA1, HELLO));
        assertEquals("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=", b64(Algorithm.SHA256, HELLO));
    }

    @Test
    void algorithmNamesParseCaseInsensitively() {
        assertEquals(Algorithm.CRC32C, Algorithm.fromName("crc32c"));
        assertEquals("x-amz-checksum-crc64nvme", Algorithm.CRC64NVME.header());
        assertNull(Algorithm.fromName("MD5"));
    }

    @Test
    void streamsDigestWhatPassesThrough() throws Exception {
        Checksums.Digest in = Algorithm.CRC32.newDigest();
        Checksums.DigestingInputStream stream = new Checksums.DigestingInputStream(new ByteArrayInputStream(HELLO), in, null);
        assertEquals(11, stream.readAllBytes().length);
        assertEquals(11, stream.count());
        assertEquals("DUoRhQ==", Checksums.base64(in.finish()));
        Checksums.Digest out = Checksums.md5();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (Checksums.DigestingOutputStream os = new Checksums.DigestingOutputStream(sink, out)) {
            os.write(HELLO);
        }
        assertEquals("5eb63bbbe01eeed093cb22bb8f5acdc3", Checksums.hex(out.finish()));
    }

    @Test
    void invalidEncodingsGiveNull() {
        assertNull(Checksums.base64DecodeOrNull("not base64!"));
        assertNull(Checksums.hexDecodeOrNull("abc"));
        assertNull(Checksums.hexDecodeOrNull("zz"));
    }
}
