package dev.cloudjar.services.s3.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.persistence.MapDbStateStore;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.services.s3.S3Backend;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The S3 wire adapter without a server: routing, aws-chunked bodies, error documents. */
class S3ApiTest {
    private static final String SIG = "f".repeat(64);
    private MapDbStateStore store;
    private S3Api api;

    @BeforeEach
    void start() {
        store = MapDbStateStore.inMemory();
        api = new S3Api(new S3Backend(new ServiceContext(CloudJarConfig.defaults(), store, new EventBus(), Clock.systemUTC(),
                IdGenerator.random())), Clock.systemUTC());
        assertEquals(200, call(AwsRequest.builder().method("PUT").rawPath("/bkt")).status());
    }

    @AfterEach
    void stop() {
        store.close();
    }

    /** What the gateway does: handle, and render an AwsException through the adapter. */
    private AwsResponse call(AwsRequest.Builder builder) {
        AwsRequest request = builder.header("Host", "127.0.0.1:4566").build();
        try {
            return api.handle(request);
        } catch (AwsException e) {
            return api.error(e, request);
        }
    }

    private static String body(AwsResponse response) throws Exception {
        if (response.bytes() != null) {
            return response.bodyText();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        response.writer().writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static AwsRequest.Builder chunkedPut(String path, String trailerChecksum) {
        String framed = "b;chunk-signature=" + SIG + "\r\nhello world\r\n0;chunk-signature=" + SIG + "\r\n"
                + "x-amz-checksum-crc32:" + trailerChecksum + "\r\nx-amz-trailer-signature:" + SIG + "\r\n\r\n";
        return AwsRequest.builder().method("PUT").rawPath(path)
                .header("Content-Encoding", "aws-chunked")
                .header("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER")
                .header("x-amz-decoded-content-length", "11")
                .header("x-amz-sdk-checksum-algorithm", "CRC32")
                .header("x-amz-trailer", "x-amz-checksum-crc32")
                .body(framed.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void awsChunkedBodiesAreStoredDecodedAndTheirTrailerChecked() throws Exception {
        AwsResponse put = call(chunkedPut("/bkt/greeting", "DUoRhQ=="));
        assertEquals(200, put.status());
        assertEquals("\"5eb63bbbe01eeed093cb22bb8f5acdc3\"", put.headerValue("ETag"));
        assertEquals("DUoRhQ==", put.headerValue("x-amz-checksum-crc32"));
        AwsResponse get = call(AwsRequest.builder().method("GET").rawPath("/bkt/greeting"));
        assertEquals(11, get.contentLength());
        assertEquals("hello world", body(get));
        assertNull(get.headerValue("Content-Encoding"), "aws-chunked is not stored as a content encoding");
        AwsResponse bad = call(chunkedPut("/bkt/other", "AAAAAA=="));
        assertEquals(400, bad.status());
        assertTrue(bad.bodyText().contains("<Code>BadDigest</Code>"), bad.bodyText());
        assertEquals(404, call(AwsRequest.builder().method("HEAD").rawPath("/bkt/other")).status());
    }

    @Test
    void errorsAreS3ErrorDocumentsAndHeadErrorsHaveNoBody() {
        AwsResponse missing = call(AwsRequest.builder().method("GET").rawPath("/nobucket/key"));
        assertEquals(404, missing.status());
        String xml = missing.bodyText();
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchBucket</Code>"), xml);
        assertTrue(xml.contains("<BucketName>nobucket</BucketName>") && xml.contains("<RequestId>"), xml);
        AwsResponse head = call(AwsRequest.builder().method("HEAD").rawPath("/bkt/none"));
        assertEquals(404, head.status());
        assertNull(head.bytes());
        AwsResponse unsupported = call(AwsRequest.builder().method("GET").rawPath("/bkt").rawQuery("metadataTable"));
        assertEquals(501, unsupported.status());
        assertTrue(unsupported.bodyText().contains("<Code>NotImplemented</Code>"));
        AwsResponse malformed = call(AwsRequest.builder().method("PUT").rawPath("/bkt").rawQuery("tagging")
                .body("<Tagging><TagSet>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(malformed.bodyText().contains("<Code>MalformedXML</Code>"), malformed.bodyText());
    }

    @Test
    void contentMd5OfConfigurationDocumentsIsChecked() {
        byte[] tagging = "<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>".getBytes(StandardCharsets.UTF_8);
        AwsResponse wrong = call(AwsRequest.builder().method("PUT").rawPath("/bkt").rawQuery("tagging")
                .header("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==").body(tagging));
        assertTrue(wrong.bodyText().contains("<Code>BadDigest</Code>"), wrong.bodyText());
        String md5 = java.util.Base64.getEncoder().encodeToString(dev.cloudjar.protocol.auth.Checksums.md5(tagging));
        assertEquals(204, call(AwsRequest.builder().method("PUT").rawPath("/bkt").rawQuery("tagging")
                .header("Content-MD5", md5).body(tagging)).status());
    }

    @Test
    void xmlEntitiesAreNotExpanded() {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Tagging><TagSet><Tag><Key>k</Key><Value>&x;</Value></Tag></TagSet></Tagging>";
        AwsResponse response = call(AwsRequest.builder().method("PUT").rawPath("/bkt").rawQuery("tagging")
                .body(evil.getBytes(StandardCharsets.UTF_8)));
        String tags = call(AwsRequest.builder().method("GET").rawPath("/bkt").rawQuery("tagging")).bodyText();
        assertTrue(response.status() >= 400 || !tags.contains("root:"), tags);
    }

    @Test
    void listV2RendersTheDocumentedSkeleton() throws Exception {
        call(AwsRequest.builder().method("PUT").rawPath("/bkt/a%20b/c%2Bd.txt").body("x".getBytes(StandardCharsets.UTF_8)));
        String xml = call(AwsRequest.builder().method("GET").rawPath("/bkt/").rawQuery("list-type=2&delimiter=%2F")).bodyText();
        assertTrue(xml.contains("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>bkt</Name>"), xml);
        assertTrue(xml.contains("<KeyCount>1</KeyCount><IsTruncated>false</IsTruncated>"), xml);
        assertTrue(xml.contains("<CommonPrefixes><Prefix>a b/</Prefix></CommonPrefixes>"), xml);
        String all = call(AwsRequest.builder().method("GET").rawPath("/bkt").rawQuery("list-type=2")).bodyText();
        assertTrue(all.contains("<Key>a b/c+d.txt</Key>"), all);
    }
}
