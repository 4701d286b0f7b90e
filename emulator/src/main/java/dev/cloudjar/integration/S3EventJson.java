package dev.cloudjar.integration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudjar.events.S3ObjectEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The S3 event notification document AWS sends to queues, topics and functions (PROTOCOLS.md 4.9):
 * keys form-URL-encoded, eTag unquoted, size and eTag only on creations, and the s3:TestEvent sent
 * when a destination is configured.
 */
final class S3EventJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private S3EventJson() {
    }

    static String records(S3ObjectEvent event, String configurationId) {
        ObjectNode record = NODES.objectNode();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", event.scope().region());
        record.put("eventTime", TIME.format(event.eventTime()));
        record.put("eventName", event.eventName());
        record.putObject("userIdentity").put("principalId", "AWS:" + principal(event));
        record.putObject("requestParameters").put("sourceIPAddress", event.sourceIp() == null ? "127.0.0.1" : event.sourceIp());
        record.putObject("responseElements")
                .put("x-amz-request-id", shortId(event.requestId()))
                .put("x-amz-id-2", event.requestId() == null ? "" : event.requestId());
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        ObjectNode bucket = s3.putObject("bucket");
        bucket.put("name", event.bucket());
        bucket.putObject("ownerIdentity").put("principalId", principal(event));
        bucket.put("arn", "arn:aws:s3:::" + event.bucket());
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(event.key()));
        if (event.size() != null) {
            object.put("size", event.size());
        }
        if (event.eTag() != null) {
            object.put("eTag", event.eTag());
        }
        if (event.versionId() != null) {
            object.put("versionId", event.versionId());
        }
        object.put("sequencer", event.sequencer());
        ObjectNode root = NODES.objectNode();
        ArrayNode records = root.putArray("Records");
        records.add(record);
        return root.toString();
    }

    static String testEvent(String bucket, String requestId, java.time.Instant time) {
        ObjectNode root = NODES.objectNode();
        root.put("Service", "Amazon S3");
        root.put("Event", "s3:TestEvent");
        root.put("Time", TIME.format(time));
        root.put("Bucket", bucket);
        root.put("RequestId", shortId(requestId));
        root.put("HostId", requestId == null ? "" : requestId);
        return root.toString();
    }

    /** Form encoding as AWS applies it to keys: spaces become '+', and '/' stays readable. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/").replace("*", "%2A").replace("%7E", "~");
    }

    private static String principal(S3ObjectEvent event) {
        return "A" + event.scope().account();
    }

    private static String shortId(String requestId) {
        if (requestId == null) {
            return "";
        }
        String compact = requestId.replace("-", "").toUpperCase();
        return compact.length() > 16 ? compact.substring(0, 16) : compact;
    }
}
