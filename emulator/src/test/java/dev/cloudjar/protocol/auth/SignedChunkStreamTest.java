package dev.cloudjar.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudjar.core.AwsException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The chunk-signature chain of AWS's worked example (S3 API reference, "Signature Calculations ... in Multiple Chunks"). */
class SignedChunkStreamTest {
    private static final SignedChunkStream.Seed SEED = new SignedChunkStream.Seed("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "20130524T000000Z", "20130524", "us-east-1", "s3", "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9");

    private static byte[] body(String firstSignature) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] first = new byte[65536];
        Arrays.fill(first, (byte) 'a');
        byte[] second = new byte[1024];
        Arrays.fill(second, (byte) 'a');
        out.writeBytes(("10000;chunk-signature=" + firstSignature + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(first);
        out.writeBytes("\r\n400;chunk-signature=0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(second);
        out.writeBytes("\r\n0;chunk-signature=b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static byte[] readAll(byte[] body) throws IOException {
        try (SignedChunkStream in = new SignedChunkStream(new ByteArrayInputStream(body), SEED, false,
                (stringToSign, provided) -> new AwsException(403, "SignatureDoesNotMatch", stringToSign))) {
            return in.readAllBytes();
        }
    }

    @Test
    void awsExampleChainVerifiesAndPassesTheBytesOnUnchanged() throws IOException {
        byte[] body = body("ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648");
        assertArrayEquals(body, readAll(body));
    }

    @Test
    void aChangedSignatureOrByteBreaksTheChain() {
        byte[] wrongFirst = body("bd80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648");
        AwsException e = assertThrows(AwsException.class, () -> readAll(wrongFirst));
        assertEquals("SignatureDoesNotMatch", e.code());
        byte[] changedByte = body("ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648");
        changedByte[66_000] = (byte) 'b'; // inside the second chunk
        assertThrows(AwsException.class, () -> readAll(changedByte));
    }
}
