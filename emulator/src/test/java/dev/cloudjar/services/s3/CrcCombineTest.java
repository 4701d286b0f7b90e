package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cloudjar.protocol.auth.Checksums.Algorithm;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrcCombineTest {
    private static long crc(Algorithm algorithm, CrcCombine combine, byte[] data, int from, int to) {
        byte[] part = java.util.Arrays.copyOfRange(data, from, to);
        return combine.fromBytes(algorithm.newDigest().update(part).finish());
    }

    @Test
    void combiningPartCrcsGivesTheWholeObjectCrc() {
        byte[] data = new byte[100_003];
        new Random(11).nextBytes(data);
        for (Algorithm algorithm : new Algorithm[] {Algorithm.CRC32, Algorithm.CRC32C, Algorithm.CRC64NVME}) {
            CrcCombine combine = CrcCombine.forAlgorithm(algorithm.name());
            long whole = crc(algorithm, combine, data, 0, data.length);
            long combined = crc(algorithm, combine, data, 0, 40_000);
            combined = combine.combine(combined, crc(algorithm, combine, data, 40_000, 99_999), 59_999);
            combined = combine.combine(combined, crc(algorithm, combine, data, 99_999, data.length), 4);
            assertEquals(whole, combined, algorithm.name());
        }
    }

    @Test
    void helloWorldFromTwoHalves() {
        CrcCombine crc32 = CrcCombine.forAlgorithm("CRC32");
        byte[] hello = "hello ".getBytes(StandardCharsets.UTF_8);
        byte[] world = "world".getBytes(StandardCharsets.UTF_8);
        long combined = crc32.combine(crc32.fromBytes(Algorithm.CRC32.newDigest().update(hello).finish()),
                crc32.fromBytes(Algorithm.CRC32.newDigest().update(world).finish()), world.length);
        assertEquals("DUoRhQ==", java.util.Base64.getEncoder().encodeToString(crc32.toBytes(combined)));
        assertNull(CrcCombine.forAlgorithm("SHA256"));
    }
}
