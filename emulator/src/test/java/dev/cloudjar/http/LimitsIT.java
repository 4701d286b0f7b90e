package dev.cloudjar.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import dev.cloudjar.testing.RawHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * AWS's limits on the request itself (header section, request line, key length, XML and JSON size and
 * nesting), sent with a plain HTTP client: each is answered with a 4xx in the addressed protocol, never a
 * dropped connection, a 500 or Jetty's HTML page, and CloudJar keeps serving after.
 */
@ExtendWith(CloudJarExtension.class)
class LimitsIT {
    private static final String S3_AUTH = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abc";
    private static final String DEEP_JSON = "[".repeat(10_000) + "]".repeat(10_000);

    @Test
    void aKeyOverTenTwentyFourBytesIsKeyTooLongErrorWithTheLimit(URI endpoint, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("limits-key"));
        S3Exception e = assertThrows(S3Exception.class,
                () -> s3.putObject(b -> b.bucket("limits-key").key("k".repeat(1025)), RequestBody.fromString("x")));
        assertEquals(400, e.statusCode());
        assertEquals("KeyTooLongError", e.awsErrorDetails().errorCode());
        RawHttp.Response raw = new RawHttp(endpoint).send("PUT", "/limits-key/" + "k".repeat(1025), "x", "Authorization", S3_AUTH);
        assertEquals(400, raw.status());
        assertTrue(raw.body().contains("<Size>1025</Size><MaxSizeAllowed>1024</MaxSizeAllowed>"), raw.body());
        s3.putObject(b -> b.bucket("limits-key").key("k".repeat(1024)), RequestBody.fromString("x"));
    }

    @Test
    void userMetadataOverTwoKilobytesIsMetadataTooLarge(URI endpoint, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("limits-meta"));
        S3Exception e = assertThrows(S3Exception.class, () -> s3.putObject(b -> b.bucket("limits-meta").key("big")
                .metadata(java.util.Map.of("a", "v".repeat(2000), "b", "w".repeat(47))), RequestBody.fromString("x")));
        assertEquals(400, e.statusCode());
        assertEquals("MetadataTooLarge", e.awsErrorDetails().errorCode());
        RawHttp.Response raw = new RawHttp(endpoint).send("PUT", "/limits-meta/big", "x", "Authorization", S3_AUTH,
                "x-amz-meta-a", "v".repeat(2000), "x-amz-meta-b", "w".repeat(47));
        assertEquals(400, raw.status());
        assertTrue(raw.body().contains("<Size>2049</Size><MaxSizeAllowed>2048</MaxSizeAllowed>"), raw.body());
        S3Exception multipart = assertThrows(S3Exception.class, () -> s3.createMultipartUpload(b -> b.bucket("limits-meta").key("mp")
                .metadata(java.util.Map.of("a", "v".repeat(2048)))));
        assertEquals("MetadataTooLarge", multipart.awsErrorDetails().errorCode());
        assertEquals(404, assertThrows(S3Exception.class, () -> s3.headObject(b -> b.bucket("limits-meta").key("big"))).statusCode());
        s3.putObject(b -> b.bucket("limits-meta").key("fits").metadata(java.util.Map.of("a", "v".repeat(2046))), RequestBody.fromString("x"));
        assertEquals(2046, s3.headObject(b -> b.bucket("limits-meta").key("fits")).metadata().get("a").length());
    }

    @Test
    void aHeaderSectionOverTheLimitIsS3sErrorNamingTheLimit(URI endpoint) throws Exception {
        RawHttp http = new RawHttp(endpoint);
        for (String[] headers : new String[][] {{"X-Padding", "a".repeat(EdgeErrors.MAX_HEADER_SECTION)}, manyHeaders(8_000)}) {
            RawHttp.Response response = http.send("GET", "/", (String) null, headers);
            assertEquals(400, response.status());
            assertEquals("application/xml", response.header("Content-Type"));
            assertTrue(response.body().contains("<Code>RequestHeaderSectionTooLarge</Code>"), response.body());
            assertTrue(response.body().contains("<MaxSizeAllowed>" + EdgeErrors.MAX_HEADER_SECTION + "</MaxSizeAllowed>"), response.body());
        }
    }

    @Test
    void manyHeadersWithinTheSizeAreServedByEveryProtocol(URI endpoint, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("limits-headers"));
        RawHttp http = new RawHttp(endpoint);
        List<String> s3Headers = new ArrayList<>(List.of(manyHeaders(2_000)));
        s3Headers.addAll(List.of("Authorization", S3_AUTH));
        RawHttp.Response listing = http.send("GET", "/limits-headers", (String) null, s3Headers.toArray(String[]::new));
        assertEquals(200, listing.status(), listing.body());
        assertTrue(listing.body().contains("<Name>limits-headers</Name>"), listing.body());

        List<String> dynamoHeaders = new ArrayList<>(List.of(manyHeaders(2_000)));
        dynamoHeaders.addAll(List.of("X-Amz-Target", "DynamoDB_20120810.ListTables", "Content-Type", "application/x-amz-json-1.0"));
        RawHttp.Response tables = http.send("POST", "/", "{}", dynamoHeaders.toArray(String[]::new));
        assertEquals(200, tables.status(), tables.body());
        assertTrue(tables.body().contains("\"TableNames\""), tables.body());
    }

    @Test
    void aRequestLineOverTheLimitIsAnXmlErrorNotADroppedConnection(URI endpoint, S3Client s3) throws Exception {
        RawHttp.Response response = new RawHttp(endpoint).send("GET", "/limits-line/" + "a".repeat(100_000), (String) null,
                "Authorization", S3_AUTH);
        assertEquals(414, response.status());
        assertTrue(response.body().startsWith("<?xml"), response.body());
        assertTrue(response.body().contains("<Code>KeyTooLongError</Code>"), response.body());
        assertFalse(response.body().contains("<html"), response.body());
        assertEquals(200, s3.listBuckets().sdkHttpResponse().statusCode());
    }

    @Test
    void xmlNestedTenThousandDeepOrOverFourMegabytesIsMalformedXml(URI endpoint, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("limits-xml"));
        RawHttp http = new RawHttp(endpoint);
        String deep = "<a>".repeat(10_000) + "</a>".repeat(10_000);
        String[][] requests = {
            {"PUT", "/limits-xml?tagging", "<Tagging><TagSet>" + deep + "</TagSet></Tagging>"},
            {"PUT", "/limits-xml?cors", "<CORSConfiguration>" + deep + "</CORSConfiguration>"},
            {"PUT", "/limits-xml?lifecycle", "<LifecycleConfiguration>" + deep + "</LifecycleConfiguration>"},
            {"POST", "/limits-xml?delete", "<Delete>" + deep + "</Delete>"},
            {"PUT", "/limits-xml?tagging", "<Tagging><TagSet>" + "<Tag><Key>k</Key><Value>v</Value></Tag>".repeat(150_000) + "</TagSet></Tagging>"},
        };
        for (String[] request : requests) {
            RawHttp.Response response = http.send(request[0], request[1], request[2], "Authorization", S3_AUTH);
            assertEquals(400, response.status(), request[1]);
            assertTrue(response.body().contains("<Code>MalformedXML</Code>"), request[1] + ": " + response.body());
        }
        S3Exception untagged = assertThrows(S3Exception.class, () -> s3.getBucketTagging(b -> b.bucket("limits-xml")));
        assertEquals("NoSuchTagSet", untagged.awsErrorDetails().errorCode(), "a refused document stores nothing");
    }

    @Test
    void jsonNestedTenThousandDeepIsSerializationExceptionInEachJsonProtocol(URI endpoint, DynamoDbClient dynamo) throws Exception {
        RawHttp http = new RawHttp(endpoint);
        RawHttp.Response dynamoAnswer = http.send("POST", "/", DEEP_JSON, "X-Amz-Target", "DynamoDB_20120810.ListTables",
                "Content-Type", "application/x-amz-json-1.0");
        assertEquals(400, dynamoAnswer.status());
        assertTrue(dynamoAnswer.body().contains("\"__type\":\"com.amazonaws.dynamodb.v20120810#SerializationException\""), dynamoAnswer.body());

        RawHttp.Response sqsAnswer = http.send("POST", "/", DEEP_JSON, "X-Amz-Target", "AmazonSQS.ListQueues",
                "Content-Type", "application/x-amz-json-1.0",
                "Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=abc");
        assertEquals(400, sqsAnswer.status());
        assertTrue(sqsAnswer.body().contains("SerializationException"), sqsAnswer.body());

        RawHttp.Response lambdaAnswer = http.send("POST", "/2015-03-31/functions", DEEP_JSON, "Content-Type", "application/json",
                "Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=abc");
        assertEquals(400, lambdaAnswer.status());
        assertEquals("SerializationException", lambdaAnswer.header("x-amzn-ErrorType"));
        assertEquals(200, dynamo.listTables().sdkHttpResponse().statusCode());
    }

    /** Alternating names and values: {@code count} small headers ("X-Limit-N: v"). */
    private static String[] manyHeaders(int count) {
        String[] headers = new String[count * 2];
        for (int i = 0; i < count; i++) {
            headers[2 * i] = "X-Limit-" + i;
            headers[2 * i + 1] = "v";
        }
        return headers;
    }
}
