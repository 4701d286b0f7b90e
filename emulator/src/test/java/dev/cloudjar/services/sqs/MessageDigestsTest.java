package dev.cloudjar.services.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cloudjar.services.sqs.engine.MessageAttribute;
import dev.cloudjar.services.sqs.engine.MessageDigests;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageDigestsTest {
    @Test
    void bodyDigestMatchesTheProtocolVectors() {
        assertEquals("49f68a5c8493ec2c0bf489821c21fc3b", MessageDigests.md5Hex("hi"));
        assertEquals("09d0d4298e1552d4fef9336e3c8ef978", MessageDigests.md5Hex("hi & <b>"));
    }

    @Test
    void attributeDigestMatchesTheProtocolVector() {
        assertEquals("a18cbb58171ebf4ce88d9fb787f9210b",
                MessageDigests.md5OfAttributes(Map.of("a", MessageAttribute.string("String", "v"))));
        assertNull(MessageDigests.md5OfAttributes(Map.of()));
    }

    @Test
    void attributeDigestSortsNamesAndMarksBinaryValues() {
        Map<String, MessageAttribute> attributes = Map.of(
                "b", MessageAttribute.binary("Binary", new byte[] {1, 2}),
                "a", MessageAttribute.string("Number.float", "1.5"));
        // computed independently in Python with the SDK's framing (struct.pack('>I', len) + bytes)
        assertEquals("1d7632e5511476e4f0e6e149d286c379", MessageDigests.md5OfAttributes(attributes));
    }
}
