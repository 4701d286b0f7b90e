package dev.cloudjar.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudjar.services.dynamodb.table.KeySchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A multi-attribute key survives the store's JSON, and a key stored before multi-attribute keys reads as before. */
class KeySchemaCodecTest {
    private final JsonCodec<KeySchema> codec = new JsonCodec<>(KeySchema.class);

    @Test
    void multiAttributeKeyRoundTrips() {
        KeySchema key = new KeySchema("a", "S", "c", "N", List.of(new KeySchema.KeyAttribute("b", "S")),
                List.of(new KeySchema.KeyAttribute("d", "B")));
        assertEquals(key, codec.decode(codec.encode(key)));
    }

    @Test
    void keyStoredWithoutTheNewMembersReadsAsSingleAttribute() {
        KeySchema old = codec.decode("{\"hashName\":\"pk\",\"hashType\":\"S\",\"rangeName\":\"sk\",\"rangeType\":\"N\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(new KeySchema("pk", "S", "sk", "N"), old);
        assertEquals(List.of("pk", "sk"), old.names());
    }
}
