package dev.cloudjar.protocol.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.OperationTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * AWS JSON 1.1 and its binary twin {@code application/x-amz-cbor-1.1} (Kinesis; the AWS SDK for Java
 * v2 sends CBOR by default): one set of input/output records, read and answered in the encoding the
 * request came in. Blobs ({@code byte[]}) are base64 text in JSON and byte strings in CBOR;
 * timestamps ({@link Instant}) are epoch seconds in JSON and, in CBOR, tag 1 with epoch
 * milliseconds, which is what the SDK's CBOR marshaller writes and its unmarshaller reads.
 */
public final class Json11OrCbor {
    public static final String CBOR_CONTENT_TYPE = "application/x-amz-cbor-1.1";

    private static final StreamReadConstraints LIMITS = JsonProtocol.READ_LIMITS;
    static final ObjectMapper JSON = configure(JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(LIMITS).build()), false);
    static final ObjectMapper CBOR = configure(CBORMapper.builder(CBORFactory.builder()
            .streamReadConstraints(LIMITS).build()), true);

    private Json11OrCbor() {
    }

    private static ObjectMapper configure(com.fasterxml.jackson.databind.cfg.MapperBuilder<?, ?> builder, boolean cbor) {
        SimpleModule times = new SimpleModule("aws-timestamps");
        times.addSerializer(Instant.class, cbor ? new CborInstantWriter() : new JsonInstantWriter());
        times.addDeserializer(Instant.class, new InstantReader(cbor));
        return builder.serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .addModule(times)
                .build();
    }

    /** True when the request body is CBOR (by its Content-Type). */
    public static boolean isCbor(AwsRequest request) {
        String type = request.header("Content-Type");
        return type != null && type.regionMatches(true, 0, CBOR_CONTENT_TYPE, 0, CBOR_CONTENT_TYPE.length());
    }

    private static ObjectMapper mapper(AwsRequest request) {
        return isCbor(request) ? CBOR : JSON;
    }

    /** Binds the body (JSON or CBOR) to a record with AWS's member names; an empty body is {@code {}}. */
    public static <T> T read(AwsRequest request, Class<T> type) {
        byte[] body = request.bodyBytes();
        ObjectMapper mapper = mapper(request);
        try {
            if (body.length == 0) {
                return mapper.treeToValue(mapper.createObjectNode(), type);
            }
            try (JsonParser parser = mapper.createParser(body)) {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    return mapper.treeToValue(mapper.createObjectNode(), type);
                }
                if (first != JsonToken.START_OBJECT) {
                    throw JsonProtocol.serializationError("Start of structure or map found where not expected.");
                }
                return mapper.readValue(parser, type);
            }
        } catch (JsonProcessingException e) {
            throw JsonProtocol.serializationError(e.getOriginalMessage());
        } catch (IOException e) {
            throw JsonProtocol.serializationError("Unable to read request body");
        }
    }

    /** The output record in the request's encoding. */
    public static AwsResponse ok(AwsRequest request, Object body) {
        boolean cbor = isCbor(request);
        return AwsResponse.ok().body(encode(cbor ? CBOR : JSON, body), cbor ? CBOR_CONTENT_TYPE : JsonProtocol.CONTENT_TYPE_11);
    }

    /** {@code __type} and {@code message} in the request's encoding, with the {@code x-amzn-ErrorType} header. */
    public static AwsResponse error(AwsException e, AwsRequest request) {
        boolean cbor = request != null && isCbor(request);
        ObjectMapper mapper = cbor ? CBOR : JSON;
        com.fasterxml.jackson.databind.node.ObjectNode body = mapper.createObjectNode();
        body.put("__type", e.code());
        if (e.getMessage() != null) {
            body.put("message", e.getMessage());
        }
        for (Map.Entry<String, Object> detail : e.details().entrySet()) {
            body.set(detail.getKey(), mapper.valueToTree(detail.getValue()));
        }
        return AwsResponse.status(e.status())
                .header("x-amzn-ErrorType", e.code())
                .body(encode(mapper, body), cbor ? CBOR_CONTENT_TYPE : JsonProtocol.CONTENT_TYPE_11);
    }

    /** Runs the operation the X-Amz-Target names, or answers UnknownOperationException in the request's encoding. */
    public static AwsResponse dispatch(OperationTable operations, AwsRequest request) {
        OperationTable.Operation op = operations.find(request.target());
        if (op == null) {
            return error(new AwsException(400, "UnknownOperationException", null), request);
        }
        return op.handle(request);
    }

    private static byte[] encode(ObjectMapper mapper, Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render response", e);
        }
    }

    /** Epoch seconds with millisecond precision, as AWS JSON writes timestamps. */
    private static final class JsonInstantWriter extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(BigDecimal.valueOf(value.toEpochMilli(), 3));
        }
    }

    /** CBOR tag 1 (epoch-based date/time) over epoch milliseconds, as the SDK for Java v2 reads it. */
    private static final class CborInstantWriter extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (gen instanceof CBORGenerator cbor) {
                cbor.writeTag(1);
            }
            gen.writeNumber(value.toEpochMilli());
        }
    }

    /**
     * JSON: epoch seconds (integer or fraction) or an ISO-8601 string. CBOR: an integer is epoch
     * milliseconds (the SDK for Java v2's encoding), a fraction epoch seconds (RFC 8949's tag 1).
     */
    private static final class InstantReader extends JsonDeserializer<Instant> {
        private final boolean cbor;

        InstantReader(boolean cbor) {
            this.cbor = cbor;
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT) {
                long value = p.getLongValue();
                return cbor ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
            }
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                BigDecimal seconds = p.getDecimalValue();
                return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = p.getText().trim();
                try {
                    return text.matches("-?\\d+(\\.\\d+)?")
                            ? Instant.ofEpochMilli(new BigDecimal(text).movePointRight(3).longValue())
                            : Instant.parse(text);
                } catch (RuntimeException e) {
                    throw JsonProtocol.serializationError("Unable to parse timestamp: " + text);
                }
            }
            throw JsonProtocol.serializationError("Expected a timestamp but found " + token);
        }
    }
}
