package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.events.S3ObjectEvent;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import dev.cloudjar.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * POST Object: browser form uploads, from boto3's generate_presigned_post sent by {@code requests}, and from
 * forms built by hand and sent with Java's HttpClient; policy conditions, size range, answers, errors, CORS.
 */
@ExtendWith(CloudJarExtension.class)
class S3PostObjectIT {
    private static final String BOUNDARY = "----cloudjarFormBoundary7MA4YWxkTrZu0gW";
    private final HttpClient http = HttpClient.newHttpClient();

    private static final String BOTO3 = String.join("\n",
            "import boto3, os, requests, xml.etree.ElementTree as ET",
            "s3 = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'])",
            "s3.create_bucket(Bucket='post-boto')",
            "p = s3.generate_presigned_post('post-boto', 'v2/${filename}', ExpiresIn=300)",
            "assert 'signature' in p['fields'] and 'AWSAccessKeyId' in p['fields'], p",
            "r = requests.post(p['url'], data=p['fields'], files={'file': ('v2.txt', b'signed v2')})",
            "assert r.status_code == 204, (r.status_code, r.text)",
            "assert s3.get_object(Bucket='post-boto', Key='v2/v2.txt')['Body'].read() == b'signed v2'",
            "s3 = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'], config=boto3.session.Config(signature_version='s3v4'))",
            "p = s3.generate_presigned_post('post-boto', 'uploads/${filename}', ExpiresIn=300)",
            "assert 'x-amz-signature' in p['fields'], p",
            "r = requests.post(p['url'], data=p['fields'], files={'file': ('hello.txt', b'hello form')})",
            "assert r.status_code == 204, (r.status_code, r.text)",
            "assert r.headers['ETag'] == '\"' + __import__('hashlib').md5(b'hello form').hexdigest() + '\"', r.headers",
            "assert r.headers['Location'].endswith('/post-boto/uploads%2Fhello.txt'), r.headers",
            "assert s3.get_object(Bucket='post-boto', Key='uploads/hello.txt')['Body'].read() == b'hello form'",
            "p = s3.generate_presigned_post('post-boto', 'meta.txt', ExpiresIn=300,",
            "    Fields={'success_action_status': '201', 'Content-Type': 'text/plain', 'x-amz-meta-color': 'blue'},",
            "    Conditions=[{'success_action_status': '201'}, ['starts-with', '$Content-Type', 'text/'],",
            "                {'x-amz-meta-color': 'blue'}, ['content-length-range', 1, 100]])",
            "r = requests.post(p['url'], data=p['fields'], files={'file': ('x', b'metadata!')})",
            "assert r.status_code == 201, (r.status_code, r.text)",
            "root = ET.fromstring(r.content)",
            "assert root.tag == 'PostResponse' and root.find('Key').text == 'meta.txt' and root.find('Bucket').text == 'post-boto', r.text",
            "head = s3.head_object(Bucket='post-boto', Key='meta.txt')",
            "assert head['ContentType'] == 'text/plain' and head['Metadata'] == {'color': 'blue'}, head",
            "r = requests.post(p['url'], data=p['fields'], files={'file': ('x', b'x' * 101)})",
            "assert r.status_code == 400 and '<Code>EntityTooLarge</Code>' in r.text and '<MaxSizeAllowed>100</MaxSizeAllowed>' in r.text, r.text",
            "bad = dict(p['fields']); bad['Content-Type'] = 'image/png'",
            "r = requests.post(p['url'], data=bad, files={'file': ('x', b'abc')})",
            "import html",
            "assert r.status_code == 403 and 'Invalid according to Policy: Policy Condition failed: [\"starts-with\", \"$Content-Type\", \"text/\"]' in html.unescape(r.text), r.text",
            "p = s3.generate_presigned_post('post-boto', 'go.txt', ExpiresIn=300, Fields={'success_action_redirect': 'http://127.0.0.1:9/done?x=1'},",
            "    Conditions=[['starts-with', '$success_action_redirect', 'http://127.0.0.1']])",
            "r = requests.post(p['url'], data=p['fields'], files={'file': ('go.txt', b'redirected')}, allow_redirects=False)",
            "assert r.status_code == 303, (r.status_code, r.text)",
            "assert r.headers['Location'] == 'http://127.0.0.1:9/done?x=1&bucket=post-boto&key=go.txt&etag=%22' + r.headers['ETag'].strip('\"') + '%22', r.headers",
            "old = s3.generate_presigned_post('post-boto', 'late.txt', ExpiresIn=-10)",
            "r = requests.post(old['url'], data=old['fields'], files={'file': ('late.txt', b'late')})",
            "assert r.status_code == 403 and 'Invalid according to Policy: Policy expired.' in r.text, r.text",
            "extra = dict(p['fields']); extra['x-amz-meta-sneaky'] = 'yes'",
            "r = requests.post(p['url'], data=extra, files={'file': ('go.txt', b'x')}, allow_redirects=False)",
            "assert r.status_code == 403 and 'Extra input fields: x-amz-meta-sneaky' in r.text, r.text",
            "print('POST-BOTO3-OK')");

    @Test
    void boto3PresignedPostsThroughRequests(URI endpoint) {
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(BOTO3).assertSuccess();
        assertTrue(result.stdout().contains("POST-BOTO3-OK"), result.stdout() + result.stderr());
    }

    /** A form: name/value pairs in order; a pair whose name is "file" becomes the file part (named by {@code filename}). */
    private static byte[] form(String filename, byte[] file, String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i += 2) {
            String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"";
            if (fields[i].equals("file")) {
                out.writeBytes((head + (filename == null ? "" : "; filename=\"" + filename + "\"")
                        + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(file);
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            } else {
                out.writeBytes((head + "\r\n\r\n" + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private HttpResponse<String> post(URI endpoint, String bucket, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/" + bucket))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String policy(String conditions) {
        String json = "{\"expiration\": \"" + Instant.now().plusSeconds(600) + "\", \"conditions\": [" + conditions + "]}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void formsBuiltByHandStoreTheFileWithItsFields(URI endpoint, S3Client s3, CloudJar cloudJar) throws Exception {
        s3.createBucket(b -> b.bucket("post-java").objectOwnership("ObjectWriter"));
        List<S3ObjectEvent> events = new CopyOnWriteArrayList<>();
        cloudJar.context().events().subscribe(S3ObjectEvent.class, events::add);
        byte[] large = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31);
        }
        String policy = policy("{\"bucket\": \"post-java\"}, [\"starts-with\", \"$key\", \"docs/\"], {\"acl\": \"public-read\"},"
                + " [\"eq\", \"$Content-Type\", \"image/png\"], [\"starts-with\", \"$x-amz-meta-owner\", \"\"], [\"starts-with\", \"$tagging\", \"\"],"
                + " {\"x-amz-storage-class\": \"STANDARD_IA\"}, [\"content-length-range\", 1, 4194304]");
        String tagging = "<Tagging><TagSet><Tag><Key>team</Key><Value>blue</Value></Tag></TagSet></Tagging>";
        HttpResponse<String> response = post(endpoint, "post-java", form("C:\\Users\\me\\pic one.png", large,
                "key", "docs/${filename}", "acl", "public-read", "Content-Type", "image/png", "x-amz-meta-owner", "Zoë",
                "tagging", tagging, "x-amz-storage-class", "STANDARD_IA", "policy", policy, "x-ignore-me", "1",
                "file", null, "after", "ignored as S3 ignores fields after the file"));
        assertEquals(204, response.statusCode(), response.body());
        assertEquals("", response.body());
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("post-java").key("docs/pic one.png"));
        assertTrue(java.util.Arrays.equals(large, got.asByteArray()));
        assertEquals("image/png", got.response().contentType());
        assertEquals("=?UTF-8?Q?Zo=C3=AB?=", got.response().metadata().get("owner"));
        assertEquals("STANDARD_IA", got.response().storageClassAsString());
        assertEquals("blue", s3.getObjectTagging(b -> b.bucket("post-java").key("docs/pic one.png")).tagSet().get(0).value());
        assertEquals("READ", s3.getObjectAcl(b -> b.bucket("post-java").key("docs/pic one.png")).grants().stream()
                .filter(g -> g.grantee().uri() != null && g.grantee().uri().endsWith("AllUsers")).findFirst().orElseThrow().permissionAsString());
        assertNotNull(response.headers().firstValue("x-amz-checksum-crc64nvme").orElse(null), "S3's default checksum");
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(10)));
        assertEquals(List.of("ObjectCreated:Post"), events.stream().map(S3ObjectEvent::eventName).toList());

        // a file part without a filename keeps ${filename} literally, as S3 does
        response = post(endpoint, "post-java", form(null, "plain".getBytes(StandardCharsets.UTF_8), "key", "lit-${filename}", "file", null));
        assertEquals(204, response.statusCode(), response.body());
        assertEquals("binary/octet-stream", s3.headObject(b -> b.bucket("post-java").key("lit-${filename}")).contentType());

        // a checksum field is verified against the bytes
        response = post(endpoint, "post-java", form("c.txt", "abc".getBytes(StandardCharsets.UTF_8), "key", "c.txt",
                "x-amz-checksum-sha256", "ungA/u6t5DHn8y8Q2R3pHlYrzqJcKk0Xk0kkumhZgG8=", "file", null));
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("<Code>BadDigest</Code>"), response.body());
        response = post(endpoint, "post-java", form("c.txt", "abc".getBytes(StandardCharsets.UTF_8), "key", "c.txt",
                "x-amz-checksum-sha256", "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=", "file", null));
        assertEquals(204, response.statusCode(), response.body());
        assertEquals("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=", response.headers().firstValue("x-amz-checksum-sha256").orElse(null));
    }

    @Test
    void refusalsUseS3sCodesAndMessages(URI endpoint, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("post-errors"));
        byte[] three = "abc".getBytes(StandardCharsets.UTF_8);
        assertError(post(endpoint, "post-errors", form("a", three, "file", null)), 400, "InvalidArgument",
                "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.");
        assertError(post(endpoint, "post-errors", form("a", three, "file", null, "key", "after-the-file")), 400, "InvalidArgument",
                "Bucket POST must contain a field named 'key'.");
        assertError(post(endpoint, "post-errors", form(null, three, "key", "k")), 400, "InvalidArgument",
                "POST requires exactly one file upload per request.");
        assertError(post(endpoint, "post-errors", form("a", three, "key", "k", "policy", policy("{\"key\": \"k\"}, [\"content-length-range\", 5, 10]"),
                "file", null)), 400, "EntityTooSmall", "<MinSizeAllowed>5</MinSizeAllowed>");
        assertError(post(endpoint, "post-errors", form("a", three, "key", "k", "policy", policy("{\"key\": \"other\"}"), "file", null)),
                403, "AccessDenied", "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$key\", \"other\"]");
        assertError(post(endpoint, "post-errors", form("a", three, "key", "k", "policy", policy("{\"key\": \"k\"}"),
                "x-amz-meta-a", "1", "file", null)), 403, "AccessDenied", "Invalid according to Policy: Extra input fields: x-amz-meta-a");
        assertError(post(endpoint, "post-errors", form("a", three, "key", "k", "policy", policy("[\"eq\", \"$key\", \"k\", \"x\"]"),
                "file", null)), 400, "InvalidPolicyDocument", "Invalid Policy: Invalid eq: wrong number of arguments.");
        assertError(post(endpoint, "post-errors", form("a", three, "key", "k", "policy", "bm90IGpzb24=", "file", null)),
                400, "InvalidPolicyDocument", "Invalid Policy: Invalid JSON.");
        String expired = Base64.getEncoder().encodeToString(("{\"expiration\": \"2020-01-01T00:00:00Z\", \"conditions\": [{\"key\": \"k\"}]}")
                .getBytes(StandardCharsets.UTF_8));
        assertError(post(endpoint, "post-errors", form("a", three, "key", "k", "policy", expired, "file", null)),
                403, "AccessDenied", "Invalid according to Policy: Policy expired.");
        assertError(post(endpoint, "post-errors", form("a", three, "key", "k", "policy", policy("{\"key\": \"k\"}"),
                "x-amz-algorithm", "AWS4-HMAC-SHA256", "file", null)), 400, "InvalidArgument",
                "Bucket POST must contain a field named 'X-Amz-Credential'.");
        assertError(post(endpoint, "post-errors", form("a", three, "key", "k", "policy", policy("{\"key\": \"k\"}"),
                "AWSAccessKeyId", "test", "file", null)), 400, "InvalidArgument", "Bucket POST must contain a field named 'Signature'.");
        HttpResponse<String> notForm = http.send(HttpRequest.newBuilder(endpoint.resolve("/post-errors")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("key=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertError(notForm, 412, "PreconditionFailed", "<Condition>Bucket POST must be of the enclosure-type multipart/form-data</Condition>");
        HttpResponse<String> broken = http.send(HttpRequest.newBuilder(endpoint.resolve("/post-errors"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nunfinished"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertError(broken, 400, "MalformedPOSTRequest", "The body of your POST request is not well-formed multipart/form-data.");
        byte[] huge = new byte[PRE_DATA + 10];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertError(post(endpoint, "post-errors", form("a", three, "key", "k", "x-amz-meta-big", new String(huge, StandardCharsets.US_ASCII),
                "file", null)), 400, "MaxPostPreDataLengthExceeded", "<MaxPostPreDataLengthBytes>20480</MaxPostPreDataLengthBytes>");
        assertError(post(endpoint, "no-such-post-bucket", form("a", three, "key", "k", "file", null)), 404, "NoSuchBucket", "");
        assertTrue(s3.listObjectsV2(b -> b.bucket("post-errors")).contents().isEmpty(), "nothing refused was stored");
    }

    private static final int PRE_DATA = 20 * 1024;

    private static void assertError(HttpResponse<String> response, int status, String code, String text) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains("<Code>" + code + "</Code>"), response.body());
        String body = response.body().replace("&quot;", "\"").replace("&apos;", "'");
        assertTrue(body.contains(text), body);
    }

    @Test
    void virtualHostStyleAnswers201AndCorsLetsAnotherOriginPost(URI endpoint, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("post-vhost"));
        RawHttp raw = new RawHttp(endpoint);
        byte[] body = form("v.txt", "virtual".getBytes(StandardCharsets.UTF_8), "key", "a/${filename}", "success_action_status", "201", "file", null);
        RawHttp.Response response = raw.send("POST", "/", body, "Host", "post-vhost.localhost:" + endpoint.getPort(),
                "Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        assertEquals(201, response.status(), response.body());
        assertTrue(response.body().contains("<PostResponse><Location>http://post-vhost.localhost:" + endpoint.getPort() + "/a%2Fv.txt</Location>"
                + "<Bucket>post-vhost</Bucket><Key>a/v.txt</Key><ETag>&quot;"), response.body());
        assertEquals("virtual", s3.getObjectAsBytes(b -> b.bucket("post-vhost").key("a/v.txt")).asUtf8String());

        String origin = "http://uploads.example.test";
        HttpResponse<String> refused = post(endpoint, "post-vhost", form("c.txt", new byte[] {1}, "key", "c.txt", "file", null), "Origin", origin);
        assertEquals(403, refused.statusCode(), "no CORS rule yet: " + refused.body());
        s3.putBucketCors(b -> b.bucket("post-vhost").corsConfiguration(c -> c.corsRules(CORSRule.builder()
                .allowedOrigins(origin).allowedMethods("POST").allowedHeaders("*").build())));
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(endpoint.resolve("/post-vhost"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, preflight.statusCode(), preflight.body());
        HttpResponse<String> allowed = post(endpoint, "post-vhost", form("c.txt", new byte[] {1}, "key", "c.txt", "file", null), "Origin", origin);
        assertEquals(204, allowed.statusCode(), allowed.body());
        assertEquals(origin, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertNull(s3.headObject(b -> b.bucket("post-vhost").key("c.txt")).versionId());
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2(b -> b.bucket("post-vhost")).contents().forEach(o -> keys.add(o.key()));
        assertEquals(List.of("a/v.txt", "c.txt"), keys);

        s3.putBucketVersioning(b -> b.bucket("post-vhost").versioningConfiguration(v -> v.status("Enabled")));
        HttpResponse<String> versioned = post(endpoint, "post-vhost", form("c.txt", new byte[] {2}, "key", "c.txt", "file", null));
        assertEquals(204, versioned.statusCode(), versioned.body());
        String versionId = versioned.headers().firstValue("x-amz-version-id").orElse(null);
        assertNotNull(versionId, "a POST into a versioned bucket names the version it made");
        assertEquals(versionId, s3.headObject(b -> b.bucket("post-vhost").key("c.txt")).versionId());
    }
}
