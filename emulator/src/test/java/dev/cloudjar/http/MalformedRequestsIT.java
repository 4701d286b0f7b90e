package dev.cloudjar.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import dev.cloudjar.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/** Requests AWS answers with a 4xx: CloudJar answers the same, in the protocol's shape, never a 500 or HTML. */
@ExtendWith(CloudJarExtension.class)
class MalformedRequestsIT {
    private static final String BAD_SCOPE = "AWS4-HMAC-SHA256 Credential=/, SignedHeaders=host, Signature=abc";

    @Test
    void aMalformedCredentialScopeIsA400OnEveryProtocol(URI endpoint) throws Exception {
        RawHttp http = new RawHttp(endpoint);
        RawHttp.Response s3 = http.send("GET", "/", (String) null, "Authorization", BAD_SCOPE);
        assertEquals(400, s3.status());
        assertTrue(s3.body().contains("<Code>AuthorizationHeaderMalformed</Code>"), s3.body());
        RawHttp.Response presigned = http.send("GET", "/some-bucket/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=onlykey"
                + "&X-Amz-Date=20261203T000000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=abc", (String) null);
        assertEquals(400, presigned.status());
        assertTrue(presigned.body().contains("<Code>AuthorizationQueryParametersError</Code>"), presigned.body());
        RawHttp.Response dynamo = http.send("POST", "/", "{}", "Authorization", BAD_SCOPE,
                "X-Amz-Target", "DynamoDB_20120810.ListTables", "Content-Type", "application/x-amz-json-1.0");
        assertEquals(400, dynamo.status());
        assertTrue(dynamo.body().contains("IncompleteSignatureException"), dynamo.body());
        RawHttp.Response sqs = http.send("POST", "/", "Action=ListQueues&Version=2012-11-05", "Authorization", BAD_SCOPE,
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(400, sqs.status());
        assertTrue(sqs.body().contains("<Code>IncompleteSignature</Code>"), sqs.body());
        RawHttp.Response lambda = http.send("GET", "/2015-03-31/functions", (String) null, "Authorization", BAD_SCOPE);
        assertEquals(400, lambda.status());
        assertEquals("IncompleteSignatureException", lambda.header("x-amzn-ErrorType"));
    }

    @Test
    void aBodyShorterThanItsContentLengthIsA400(URI endpoint) throws Exception {
        assertTrue(cutOff(endpoint, "/", "X-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Type: application/x-amz-json-1.0\r\n", "{}")
                .contains("IncompleteBody"));
        assertTrue(cutOff(endpoint, "/", "Content-Type: application/x-www-form-urlencoded\r\n", "Action=ListQueues")
                .contains("<Code>IncompleteBody</Code>"));
        assertTrue(cutOff(endpoint, "/2015-03-31/functions", "Content-Type: application/json\r\n", "{\"a\":").contains("IncompleteBody"));
    }

    /** Declares 100 bytes, sends fewer, closes its side: the answer, status line first. */
    private static String cutOff(URI endpoint, String path, String headers, String body) throws Exception {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers
                    + "Content-Length: 100\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            return answer;
        }
    }

    @Test
    void awsChunkedFramingThatIsNotChunkedIsIncompleteBody(URI endpoint, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("chunky"));
        RawHttp.Response response = new RawHttp(endpoint).send("PUT", "/chunky?tagging", "<Tagging><TagSet></TagSet></Tagging>",
                "Content-Encoding", "aws-chunked", "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
        assertEquals(400, response.status(), response.body());
        assertTrue(response.body().contains("<Code>IncompleteBody</Code>"), response.body());
    }

    @Test
    void keysThatLookLikePathsAreKeysAndUndecodableUrisAreS3Errors(URI endpoint, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("paths"));
        RawHttp http = new RawHttp(endpoint);
        for (String key : new String[] {"../etc/passwd", "%2e%2e/x", "a/../../b"}) {
            assertEquals(200, http.send("PUT", "/paths/" + key, "body", "Content-Type", "text/plain").status(), key);
        }
        assertEquals("body", s3.getObjectAsBytes(b -> b.bucket("paths").key("../etc/passwd")).asUtf8String());
        assertEquals("body", s3.getObjectAsBytes(b -> b.bucket("paths").key("../x")).asUtf8String());
        RawHttp.Response nul = http.send("PUT", "/paths/a%00b", "x");
        assertEquals(400, nul.status());
        assertTrue(nul.body().contains("<Code>InvalidURI</Code>"), nul.body());
        assertFalse(nul.body().contains("<html"), nul.body());
    }

    @Test
    void aHugeHeaderIsS3s400AndAnOverLimitUploadIsRefusedBeforeContinue(URI endpoint, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("limits"));
        RawHttp.Response huge = new RawHttp(endpoint).send("GET", "/", (String) null, "X-Padding", "a".repeat(1024 * 1024));
        assertEquals(400, huge.status());
        assertTrue(huge.body().contains("<Code>RequestHeaderSectionTooLarge</Code>"), huge.body());

        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("PUT /limits/huge HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 6442450944\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] first = new byte[12];
            assertEquals(12, in.readNBytes(first, 0, 12));
            assertEquals("HTTP/1.1 400", new String(first, StandardCharsets.US_ASCII), "no 100 Continue before the refusal");
        }
    }

    @Test
    void malformedXmlIsMalformedXmlWithNothingOnStderr(URI endpoint, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("xmlbad"));
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            RawHttp http = new RawHttp(endpoint);
            for (byte[] body : new byte[][] {{(byte) 0xff, (byte) 0xfe, '<'}, "<Tagging><TagSet>".getBytes(StandardCharsets.UTF_8),
                    "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Tagging>&e;</Tagging>".getBytes(StandardCharsets.UTF_8)}) {
                RawHttp.Response response = http.send("PUT", "/xmlbad?tagging", body);
                assertEquals(400, response.status());
                assertTrue(response.body().contains("<Code>MalformedXML</Code>"), response.body());
            }
        } finally {
            System.setErr(original);
        }
        assertFalse(captured.toString(StandardCharsets.UTF_8).contains("[Fatal Error]"), captured.toString(StandardCharsets.UTF_8));
    }
}
