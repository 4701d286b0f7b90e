package dev.cloudjar.protocol.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One set of records read and written as AWS JSON 1.1 or as CBOR, as the request came. */
class Json11OrCborTest {
    record In(String Name, byte[] Data, Instant Timestamp) {
    }

    record Out(Instant When, byte[] Data) {
    }

    private static AwsRequest request(String type, byte[] body) {
        return AwsRequest.builder().method("POST").rawPath("/").header("Content-Type", type).body(body).build();
    }

    @Test
    void cborInCarriesByteStringsAndTaggedMilliseconds() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator g = new CBORFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("Name", "s");
            g.writeFieldName("Data");
            g.writeBinary(new byte[] {0, 1, 2});
            g.writeFieldName("Timestamp");
            g.writeTag(1);
            g.writeNumber(1_700_000_000_123L);
            g.writeEndObject();
        }
        In in = Json11OrCbor.read(request(Json11OrCbor.CBOR_CONTENT_TYPE, bytes.toByteArray()), In.class);
        assertEquals("s", in.Name());
        assertArrayEquals(new byte[] {0, 1, 2}, in.Data());
        assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), in.Timestamp());
    }

    @Test
    void jsonInCarriesBase64AndEpochSeconds() {
        byte[] body = "{\"Name\":\"s\",\"Data\":\"AAEC\",\"Timestamp\":1700000000.5}".getBytes(StandardCharsets.UTF_8);
        In in = Json11OrCbor.read(request(JsonProtocol.CONTENT_TYPE_11, body), In.class);
        assertArrayEquals(new byte[] {0, 1, 2}, in.Data());
        assertEquals(Instant.ofEpochMilli(1_700_000_000_500L), in.Timestamp());
        AwsException bad = assertThrows(AwsException.class,
                () -> Json11OrCbor.read(request(JsonProtocol.CONTENT_TYPE_11, "[1]".getBytes(StandardCharsets.UTF_8)), In.class));
        assertEquals("SerializationException", bad.code());
    }

    @Test
    void answersInTheRequestsEncoding() throws Exception {
        Out out = new Out(Instant.ofEpochMilli(1_700_000_000_123L), new byte[] {7});
        AwsResponse json = Json11OrCbor.ok(request(JsonProtocol.CONTENT_TYPE_11, new byte[0]), out);
        assertEquals(JsonProtocol.CONTENT_TYPE_11, json.contentType());
        assertEquals("{\"When\":1700000000.123,\"Data\":\"Bw==\"}", json.bodyText());

        AwsResponse cbor = Json11OrCbor.ok(request(Json11OrCbor.CBOR_CONTENT_TYPE, new byte[0]), out);
        assertEquals(Json11OrCbor.CBOR_CONTENT_TYPE, cbor.contentType());
        try (CBORParser p = new CBORFactory().createParser(cbor.bytes())) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            p.nextToken();
            assertEquals(JsonToken.VALUE_NUMBER_INT, p.nextToken());
            assertEquals(1, p.getCurrentTag());
            assertEquals(1_700_000_000_123L, p.getLongValue());
            p.nextToken();
            assertEquals(JsonToken.VALUE_EMBEDDED_OBJECT, p.nextToken());
            assertArrayEquals(new byte[] {7}, p.getBinaryValue());
        }

        AwsResponse error = Json11OrCbor.error(new AwsException(400, "ResourceNotFoundException", "gone"),
                request(Json11OrCbor.CBOR_CONTENT_TYPE, new byte[0]));
        assertEquals(400, error.status());
        assertEquals("ResourceNotFoundException", error.headerValue("x-amzn-ErrorType"));
        try (CBORParser p = new CBORFactory().createParser(error.bytes())) {
            p.nextToken();
            assertEquals("__type", p.nextFieldName());
            assertEquals("ResourceNotFoundException", p.nextTextValue());
            assertEquals("message", p.nextFieldName());
            assertEquals("gone", p.nextTextValue());
        }
        assertTrue(Json11OrCbor.isCbor(request("application/x-amz-cbor-1.1; charset=utf-8", new byte[0])));
    }
}
