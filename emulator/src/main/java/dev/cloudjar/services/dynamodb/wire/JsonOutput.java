package dev.cloudjar.services.dynamodb.wire;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.json.JsonProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renders JSON 1.0 responses straight through a streaming generator (no intermediate tree), with
 * the {@code X-Amz-Crc32} header DynamoDB clients verify.
 */
final class JsonOutput {
    private static final JsonFactory FACTORY = JsonProtocol.MAPPER.getFactory();

    /** Writes the members of the top-level object. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonOutput() {
    }

    static AwsResponse ok(Body body) {
        byte[] bytes = render(body);
        return AwsResponse.ok().header("X-Amz-Crc32", Long.toString(JsonProtocol.crc32(bytes)))
                .body(bytes, JsonProtocol.CONTENT_TYPE);
    }

    static byte[] render(Body body) {
        ByteArrayBuilder out = new ByteArrayBuilder(256);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Operations without an output shape (TagResource, UntagResource) answer with no body at all, as DynamoDB does. */
    static AwsResponse empty() {
        return AwsResponse.ok().header("X-Amz-Crc32", Long.toString(JsonProtocol.crc32(new byte[0])))
                .body(new byte[0], JsonProtocol.CONTENT_TYPE);
    }

    /** Epoch seconds with millisecond fraction, as a JSON number. */
    static void epochSeconds(JsonGenerator g, String field, long millis) throws IOException {
        g.writeFieldName(field);
        if (millis % 1000 == 0) {
            g.writeNumber(millis / 1000);
        } else {
            g.writeNumber(java.math.BigDecimal.valueOf(millis, 3));
        }
    }
}
