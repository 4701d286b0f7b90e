package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/** Edges an independent S3 suite checks, each answered as S3 answers it. */
@ExtendWith(CloudJarExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3EdgesIT {
    private static final String BUCKET = "edges";
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void bucket(S3Client s3) {
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    private static CompleteMultipartUploadResponse complete(S3Client s3, String key, String uploadId, String eTag) {
        return s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));
    }

    @Test
    void aRepeatedCompleteAnswersTheObjectItMade(S3Client s3) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("twice")).uploadId();
        String eTag = s3.uploadPart(b -> b.bucket(BUCKET).key("twice").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("only part")).eTag();
        CompleteMultipartUploadResponse first = complete(s3, "twice", uploadId, eTag);
        CompleteMultipartUploadResponse second = complete(s3, "twice", uploadId, eTag);
        assertEquals(first.eTag(), second.eTag());
        s3.putObject(b -> b.bucket(BUCKET).key("twice"), RequestBody.fromString("replaced"));
        S3Exception gone = assertThrows(S3Exception.class, () -> complete(s3, "twice", uploadId, eTag));
        assertEquals("NoSuchUpload", gone.awsErrorDetails().errorCode());
    }

    @Test
    void completeUsesTheLatestUploadOfAPart(S3Client s3) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("latest")).uploadId();
        String older = s3.uploadPart(b -> b.bucket(BUCKET).key("latest").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("first try")).eTag();
        String newer = s3.uploadPart(b -> b.bucket(BUCKET).key("latest").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("second try")).eTag();
        S3Exception stale = assertThrows(S3Exception.class, () -> complete(s3, "latest", uploadId, older));
        assertEquals("InvalidPart", stale.awsErrorDetails().errorCode());
        complete(s3, "latest", uploadId, newer);
        assertEquals("second try", s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("latest")).asUtf8String());
    }

    @Test
    void aPutWithoutContentLengthIsRefused(URI endpoint) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/" + BUCKET + "/streamed"))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("no length".getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(411, response.statusCode(), response.body());
        assertTrue(response.body().contains("<Code>MissingContentLength</Code>"), response.body());
        assertTrue(response.body().contains("You must provide the Content-Length HTTP header."), response.body());
    }

    @Test
    void theEleventhObjectTagIsInvalid(S3Client s3) {
        s3.putObject(b -> b.bucket(BUCKET).key("tags"), RequestBody.fromString("x"));
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            tags.add(Tag.builder().key("k" + i).value("v").build());
        }
        S3Exception viaTagging = assertThrows(S3Exception.class, () -> s3.putObjectTagging(b -> b.bucket(BUCKET).key("tags")
                .tagging(t -> t.tagSet(tags))));
        assertEquals("InvalidTag", viaTagging.awsErrorDetails().errorCode());
        assertEquals("Object tags cannot be greater than 10", viaTagging.awsErrorDetails().errorMessage());
        S3Exception viaPut = assertThrows(S3Exception.class, () -> s3.putObject(b -> b.bucket(BUCKET).key("tags")
                .tagging(software.amazon.awssdk.services.s3.model.Tagging.builder().tagSet(tags).build()), RequestBody.fromString("x")));
        assertEquals("InvalidTag", viaPut.awsErrorDetails().errorCode());
        s3.putObjectTagging(b -> b.bucket(BUCKET).key("tags").tagging(t -> t.tagSet(tags.subList(0, 10))));
        assertEquals(10, s3.getObjectTagging(b -> b.bucket(BUCKET).key("tags")).tagSet().size());
    }

    @Test
    void anEmptyDelimiterIsNotEchoed(URI endpoint, S3Client s3) throws Exception {
        s3.putObject(b -> b.bucket(BUCKET).key("dir/file"), RequestBody.fromString("x"));
        for (String query : List.of("?list-type=2&delimiter=", "?delimiter=", "?versions&delimiter=")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/" + BUCKET + query)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertFalse(response.body().contains("<Delimiter"), query + ": " + response.body());
            assertTrue(response.body().contains("<Key>dir/file</Key>"), response.body());
        }
    }

    @Test
    void nonAsciiMetadataComesBackAsS3EncodesIt(URI endpoint, S3Client s3) throws Exception {
        String encoded = "=?UTF-8?B?w6lsw6h2ZQ==?=";
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(endpoint.resolve("/" + BUCKET + "/meta"))
                .header("x-amz-meta-word", encoded).header("x-amz-meta-plain", "ascii only")
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        Map<String, String> metadata = s3.headObject(b -> b.bucket(BUCKET).key("meta")).metadata();
        assertEquals(encoded, metadata.get("word"), "a value that already looks encoded comes back unchanged");
        assertEquals("ascii only", metadata.get("plain"));
        s3.putObject(b -> b.bucket(BUCKET).key("meta-sdk").metadata(Map.of("word", "élève")), RequestBody.fromString("x"));
        // mostly ASCII: Q-encoded, as S3 answered ÄMÄZÕÑ S3 in LocalStack's recordings against AWS
        assertEquals("=?UTF-8?Q?=C3=A9l=C3=A8ve?=", s3.headObject(b -> b.bucket(BUCKET).key("meta-sdk")).metadata().get("word"));
        s3.putObject(b -> b.bucket(BUCKET).key("meta-b").metadata(Map.of("word", "ÄÖÜ s")), RequestBody.fromString("x"));
        assertEquals("=?UTF-8?B?w4TDlsOcIHM=?=", s3.headObject(b -> b.bucket(BUCKET).key("meta-b")).metadata().get("word"));
    }

    @Test
    void multipartUploadListingsEncodeKeysOnlyWhenAsked(URI endpoint, S3Client s3) throws Exception {
        String key = "mp dir/a b&c";
        String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
        assertEquals(key, s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix("mp dir/").encodingType("url")).uploads().get(0).key(),
                "the SDK decodes what S3 encoded");
        HttpResponse<String> encoded = http.send(HttpRequest.newBuilder(endpoint.resolve("/" + BUCKET + "?uploads&encoding-type=url"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(encoded.body().contains("<Key>mp%20dir/a%20b%26c</Key>"), encoded.body());
        assertTrue(encoded.body().contains("<EncodingType>url</EncodingType>"), encoded.body());
        assertTrue(encoded.body().contains("<UploadId>" + uploadId + "</UploadId>"), encoded.body());
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(endpoint.resolve("/" + BUCKET + "?uploads")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(plain.body().contains("<Key>mp dir/a b&amp;c</Key>"), plain.body());
        s3.abortMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId));
    }

    @Test
    void uploadPartCopyOutsideTheSourceIsInvalidRange(S3Client s3) {
        s3.putObject(b -> b.bucket(BUCKET).key("copy-src"), RequestBody.fromString("0123456789"));
        String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("copy-dst")).uploadId();
        S3Exception past = assertThrows(S3Exception.class, () -> s3.uploadPartCopy(b -> b.sourceBucket(BUCKET).sourceKey("copy-src")
                .destinationBucket(BUCKET).destinationKey("copy-dst").uploadId(uploadId).partNumber(1).copySourceRange("bytes=0-21")));
        assertEquals("InvalidRange", past.awsErrorDetails().errorCode());
        S3Exception syntax = assertThrows(S3Exception.class, () -> s3.uploadPartCopy(b -> b.sourceBucket(BUCKET).sourceKey("copy-src")
                .destinationBucket(BUCKET).destinationKey("copy-dst").uploadId(uploadId).partNumber(1).copySourceRange("0-3")));
        assertEquals("InvalidArgument", syntax.awsErrorDetails().errorCode());
        s3.uploadPartCopy(b -> b.sourceBucket(BUCKET).sourceKey("copy-src").destinationBucket(BUCKET).destinationKey("copy-dst")
                .uploadId(uploadId).partNumber(1).copySourceRange("bytes=2-5"));
        s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("copy-dst").uploadId(uploadId));
    }

    @Test
    void aWrongPartChecksumOnCompleteIsRefused(S3Client s3) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("sha-mp")
                .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.SHA256)).uploadId();
        software.amazon.awssdk.services.s3.model.UploadPartResponse part = s3.uploadPart(b -> b.bucket(BUCKET).key("sha-mp")
                .uploadId(uploadId).partNumber(1).checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.SHA256),
                RequestBody.fromString("checked part"));
        String wrong = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        S3Exception refused = assertThrows(S3Exception.class, () -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("sha-mp")
                .uploadId(uploadId).multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part.eTag())
                        .checksumSHA256(wrong).build()))));
        assertEquals("InvalidPart", refused.awsErrorDetails().errorCode());
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("sha-mp").uploadId(uploadId).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(part.eTag()).checksumSHA256(part.checksumSHA256()).build())));
        assertEquals("checked part", s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("sha-mp")).asUtf8String());
    }

    @Test
    void aKeyThatIsNotUtf8IsInvalidUri(URI endpoint) throws Exception {
        for (String method : List.of("PUT", "GET")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/" + BUCKET + "/bad%AE%8A-key"))
                    .method(method, HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("<Code>InvalidURI</Code>"), response.body());
        }
        HttpResponse<String> replacementChar = http.send(HttpRequest.newBuilder(endpoint.resolve("/" + BUCKET + "/ok%EF%BF%BD"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, replacementChar.statusCode(), "U+FFFD spelled in UTF-8 is a valid key: " + replacementChar.body());
    }

    @Test
    void anExpectationOtherThan100ContinueIsIgnored(URI endpoint, S3Client s3) throws Exception {
        dev.cloudjar.testing.RawHttp raw = new dev.cloudjar.testing.RawHttp(endpoint);
        dev.cloudjar.testing.RawHttp.Response odd = raw.send("PUT", "/" + BUCKET + "/expect-odd", "odd", "Expect", "202-accepted");
        assertEquals(200, odd.status(), odd.body());
        dev.cloudjar.testing.RawHttp.Response both = raw.send("PUT", "/" + BUCKET + "/expect-both", "both", "Expect", "100-continue, x-y");
        // 100-continue among others is still honoured: the interim 100, then the answer (RawHttp reads the first status line)
        assertEquals(100, both.status(), both.body());
        assertTrue(both.body().startsWith("HTTP/1.1 200 OK"), both.body());
        assertEquals("odd", s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("expect-odd")).asUtf8String());
        assertEquals("both", s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("expect-both")).asUtf8String());
    }

    @Test
    void storedHeadersComeBackByteForByte(URI endpoint, S3Client s3) throws Exception {
        String type = "text/plain; charset=UTF-8";
        s3.putObject(b -> b.bucket(BUCKET).key("typed").contentType(type).contentEncoding("GZip").cacheControl("No-Cache, max-age=5")
                .contentDisposition("attachment; filename=\"A B.txt\""), RequestBody.fromString("typed"));
        var got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("typed")).response();
        assertEquals(type, got.contentType(), "the servlet API would answer text/plain;charset=utf-8");
        assertEquals("GZip", got.contentEncoding());
        assertEquals("No-Cache, max-age=5", got.cacheControl());
        assertEquals("attachment; filename=\"A B.txt\"", got.contentDisposition());
        assertEquals(type, s3.headObject(b -> b.bucket(BUCKET).key("typed")).contentType());
        dev.cloudjar.testing.RawHttp.Response raw = new dev.cloudjar.testing.RawHttp(endpoint).send("GET", "/" + BUCKET + "/typed", (byte[]) null);
        assertEquals(type, raw.header("Content-Type"));
        assertEquals("text/html; Charset=ISO-8859-1", s3.getObject(b -> b.bucket(BUCKET).key("typed")
                .responseContentType("text/html; Charset=ISO-8859-1")).response().contentType(), "response-content-type as asked");
    }
}
