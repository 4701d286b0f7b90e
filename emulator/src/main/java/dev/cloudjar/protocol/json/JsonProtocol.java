package dev.cloudjar.protocol.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import java.io.IOException;
import java.util.Map;
import java.util.zip.CRC32;

/** AWS JSON 1.0 envelopes: request bodies in, {@code application/x-amz-json-1.0} bodies and errors out. */
public final class JsonProtocol {
    public static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    /** AWS JSON 1.1 (EventBridge, CloudWatch Logs, Kinesis): the same envelopes under another content type. */
    public static final String CONTENT_TYPE_11 = "application/x-amz-json-1.1";
    /**
     * Strings may be as long as a whole buffered body: Jackson's default cap (20 M chars) would refuse a
     * Lambda ZipFile over ~15 MB, where AWS takes 50 MB. Member names may be 64 KB: DynamoDB attribute
     * names are map keys and AWS allows them that long, where Jackson's default stops at 50,000.
     */
    static final com.fasterxml.jackson.core.StreamReadConstraints READ_LIMITS = com.fasterxml.jackson.core.StreamReadConstraints
            .builder().maxStringLength(AwsRequest.MAX_BUFFERED_BODY).maxNameLength(64 * 1024).build();

    public static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(READ_LIMITS)
            .build())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonProtocol() {
    }

    /** The request body as a tree: an empty body is {@code {}}; malformed JSON is a SerializationException. */
    public static JsonNode readTree(AwsRequest request) {
        byte[] body = request.bodyBytes();
        if (body.length == 0) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                return MAPPER.createObjectNode();
            }
            if (!node.isObject()) {
                throw serializationError("Start of structure or map found where not expected.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw serializationError("Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw serializationError("Unable to read request body");
        }
    }

    /** Binds the body to a record or class with AWS's member names. */
    public static <T> T read(AwsRequest request, Class<T> type) {
        JsonNode tree = readTree(request);
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw serializationError(e.getOriginalMessage());
        }
    }

    public static AwsException serializationError(String message) {
        return new AwsException(400, "SerializationException", message);
    }

    public static AwsResponse ok(Object body) {
        return AwsResponse.ok().body(encode(body), CONTENT_TYPE);
    }

    /** Like {@link #ok} and adds {@code X-Amz-Crc32}, which DynamoDB clients verify. */
    public static AwsResponse okWithCrc32(Object body) {
        byte[] bytes = encode(body);
        return AwsResponse.ok().header("X-Amz-Crc32", Long.toString(crc32(bytes))).body(bytes, CONTENT_TYPE);
    }

    public static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /**
     * {@code {"__type":"<namespace>#<Code>","message":...}} with any details as extra members, and the
     * {@code x-amzn-query-error} header when the error has a legacy Query code.
     */
    public static AwsResponse error(AwsException e, AwsRequest request, String typeNamespace) {
        return error(e, request, typeNamespace, CONTENT_TYPE);
    }

    /** {@link #ok} in AWS JSON 1.1. */
    /** Runs the operation the X-Amz-Target names, or answers AWS JSON 1.1's UnknownOperationException. */
    public static AwsResponse dispatch11(dev.cloudjar.protocol.OperationTable operations, AwsRequest request) {
        dev.cloudjar.protocol.OperationTable.Operation op = operations.find(request.target());
        if (op == null) {
            return error11(new AwsException(400, "UnknownOperationException", null), request, null);
        }
        return op.handle(request);
    }

    public static AwsResponse ok11(Object body) {
        return AwsResponse.ok().body(encode(body), CONTENT_TYPE_11);
    }

    /** {@link #error} in AWS JSON 1.1. */
    public static AwsResponse error11(AwsException e, AwsRequest request, String typeNamespace) {
        return error(e, request, typeNamespace, CONTENT_TYPE_11);
    }

    private static AwsResponse error(AwsException e, AwsRequest request, String typeNamespace, String contentType) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("__type", typeNamespace == null ? e.code() : typeNamespace + "#" + e.code());
        if (e.getMessage() != null) {
            body.put("message", e.getMessage());
        }
        for (Map.Entry<String, Object> detail : e.details().entrySet()) {
            body.set(detail.getKey(), MAPPER.valueToTree(detail.getValue()));
        }
        byte[] bytes = encode(body);
        AwsResponse response = AwsResponse.status(e.status())
                .header("X-Amz-Crc32", Long.toString(crc32(bytes)));
        if (e.legacyCode() != null) {
            response.header("x-amzn-query-error", e.legacyCode() + ";" + (e.senderFault() ? "Sender" : "Receiver"));
        }
        return response.body(bytes, contentType);
    }

    public static AwsResponse unknownOperation(AwsRequest request, String typeNamespace) {
        return error(new AwsException(400, "UnknownOperationException", null), request, typeNamespace);
    }

    public static byte[] encode(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render response", e);
        }
    }
}
