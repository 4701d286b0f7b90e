package dev.cloudjar.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.services.lambda.TestPackages;
import dev.cloudjar.testing.CloudJarExtension;
import dev.cloudjar.testing.RawHttp;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The attacks a web page open in the developer's browser could make, each sent as the browser would
 * send it, and refused; beside each, the same request as a tool sends it, still served.
 */
@ExtendWith(CloudJarExtension.class)
class BrowserGuardIT {
    private static final String EVIL = "http://evil.example";
    private static final String ECHO = "dev.cloudjar.services.lambda.fixtures.EchoHandler";

    private static String createFunctionJson(String name) {
        return "{\"FunctionName\":\"" + name + "\",\"Runtime\":\"java21\",\"Role\":\"arn:aws:iam::000000000000:role/r\","
                + "\"Handler\":\"" + ECHO + "\",\"Code\":{\"ZipFile\":\"" + Base64.getEncoder().encodeToString(TestPackages.fixtures()) + "\"}}";
    }

    @Test
    void aCrossOriginSimplePostCannotCreateOrInvokeAFunction(URI endpoint, LambdaClient lambda) throws Exception {
        RawHttp http = new RawHttp(endpoint);
        RawHttp.Response fromPage = http.send("POST", "/2015-03-31/functions", createFunctionJson("planted"),
                "Content-Type", "text/plain;charset=UTF-8", "Origin", EVIL, "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors");
        assertEquals(403, fromPage.status(), fromPage.body());
        assertEquals("AccessDeniedException", fromPage.header("x-amzn-ErrorType"));
        assertTrue(fromPage.body().contains("--allowed-origins"), fromPage.body());
        assertThrows(ResourceNotFoundException.class, () -> lambda.getFunction(b -> b.functionName("planted")));

        // no Origin (an older browser, a form post from a file): the text/plain body is still not run
        RawHttp.Response plain = http.send("POST", "/2015-03-31/functions", createFunctionJson("planted"), "Content-Type", "text/plain");
        assertEquals(415, plain.status(), plain.body());
        assertEquals("UnsupportedMediaTypeException", plain.header("x-amzn-ErrorType"));
        RawHttp.Response form = http.send("POST", "/2015-03-31/functions", createFunctionJson("planted"),
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(415, form.status(), form.body());
        assertThrows(ResourceNotFoundException.class, () -> lambda.getFunction(b -> b.functionName("planted")));

        // a page's navigation or image request carries Sec-Fetch-Site but no Origin
        RawHttp.Response navigation = http.send("POST", "/2015-03-31/functions", createFunctionJson("planted"),
                "Content-Type", "application/json", "Sec-Fetch-Site", "cross-site");
        assertEquals(403, navigation.status(), navigation.body());

        // the same request as a tool sends it works, so the refusals above are the guard's doing
        RawHttp.Response tool = http.send("POST", "/2015-03-31/functions", createFunctionJson("legit"), "Content-Type", "application/json");
        assertEquals(201, tool.status(), tool.body());
        RawHttp.Response invokeFromPage = http.send("POST", "/2015-03-31/functions/legit/invocations", "{}",
                "Content-Type", "text/plain", "Origin", EVIL);
        assertEquals(403, invokeFromPage.status(), invokeFromPage.body());
        RawHttp.Response invokeText = http.send("POST", "/2015-03-31/functions/legit/invocations", "{}", "Content-Type", "text/plain");
        assertEquals(415, invokeText.status(), invokeText.body());
        RawHttp.Response invokeTool = http.send("POST", "/2015-03-31/functions/legit/invocations", "{}");
        assertEquals(200, invokeTool.status(), invokeTool.body());
    }

    @Test
    void aRebindingHostIsRefusedByEveryService(URI endpoint) throws Exception {
        RawHttp http = new RawHttp(endpoint);
        String host = "attacker.example:" + endpoint.getPort();
        RawHttp.Response s3 = http.send("GET", "/", (String) null, "Host", host);
        assertEquals(403, s3.status());
        assertTrue(s3.body().contains("<Code>AccessDenied</Code>"), s3.body());
        RawHttp.Response dynamo = http.send("POST", "/", "{}", "Host", host, "X-Amz-Target", "DynamoDB_20120810.ListTables",
                "Content-Type", "application/x-amz-json-1.0");
        assertEquals(403, dynamo.status());
        assertTrue(dynamo.body().contains("AccessDeniedException"), dynamo.body());
        RawHttp.Response sqs = http.send("POST", "/", "Action=ListQueues&Version=2012-11-05", "Host", host,
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(403, sqs.status());
        assertTrue(sqs.body().contains("<Code>AccessDenied</Code>"), sqs.body());
        RawHttp.Response lambda = http.send("GET", "/2015-03-31/functions", (String) null, "Host", host);
        assertEquals(403, lambda.status());
        assertEquals("AccessDeniedException", lambda.header("x-amzn-ErrorType"));
        RawHttp.Response health = http.send("GET", "/_cloudjar/health", (String) null, "Host", host);
        assertEquals(403, health.status());

        for (String own : List.of("localhost", "127.0.0.1", "127.0.0.1:" + endpoint.getPort(), "localhost:" + endpoint.getPort(),
                "[::1]:" + endpoint.getPort(), "my-bucket.localhost:" + endpoint.getPort(), "LOCALHOST.")) {
            RawHttp.Response ok = http.send("GET", "/_cloudjar/health", (String) null, "Host", own);
            assertEquals(200, ok.status(), own + ": " + ok.body());
        }
        for (String other : List.of("localhost.evil.example", "127.0.0.1.nip.io", "10.0.0.1", "evil.example:80")) {
            assertEquals(403, http.send("GET", "/_cloudjar/health", (String) null, "Host", other).status(), other);
        }
    }

    @Test
    void invokeUrlHostsOfApiGatewayAreServedAndLookalikesAreNot(URI endpoint) throws Exception {
        RawHttp http = new RawHttp(endpoint);
        RawHttp.Response served = http.send("GET", "/prod/hello", (String) null, "Host", "abc123defg.execute-api.localhost:" + endpoint.getPort());
        assertEquals(404, served.status(), "the host passes the guard and reaches the invoke path: " + served.body());
        assertEquals("{\"message\":\"Not Found\"}", served.body());
        RawHttp.Response form = http.send("POST", "/_aws/execute-api/abc123defg/prod/hello", "a=1",
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(404, form.status(), "a stage is the user's web API: a form body is not refused");
        RawHttp.Response lookalike = http.send("GET", "/prod/hello", (String) null, "Host", "abc.execute-api.localhost.evil.example");
        assertEquals(403, lookalike.status());
    }

    @Test
    void configuredHostsAndOriginsAreServed(@TempDir Path dir) throws Exception {
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0)
                .withAllowedHosts(List.of("cloudjar.test", "*.dev.test"))
                .withAllowedOrigins(List.of("http://app.test:3000"));
        try (CloudJar cloudJar = CloudJar.start(config)) {
            RawHttp http = new RawHttp(URI.create(cloudJar.endpoint()));
            assertEquals(200, http.send("GET", "/_cloudjar/health", (String) null, "Host", "cloudjar.test:4566").status());
            assertEquals(200, http.send("GET", "/_cloudjar/health", (String) null, "Host", "api.dev.test").status());
            assertEquals(403, http.send("GET", "/_cloudjar/health", (String) null, "Host", "dev.test.evil").status());

            RawHttp.Response preflight = http.send("OPTIONS", "/", (String) null, "Origin", "http://app.test:3000",
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,x-amz-target,authorization");
            assertEquals(200, preflight.status());
            assertEquals("http://app.test:3000", preflight.header("Access-Control-Allow-Origin"));
            assertEquals("content-type,x-amz-target,authorization", preflight.header("Access-Control-Allow-Headers"));
            RawHttp.Response tables = http.send("POST", "/", "{}", "Origin", "http://app.test:3000",
                    "X-Amz-Target", "DynamoDB_20120810.ListTables", "Content-Type", "application/x-amz-json-1.0");
            assertEquals(200, tables.status(), tables.body());
            assertEquals("http://app.test:3000", tables.header("Access-Control-Allow-Origin"));
            assertTrue(tables.header("Access-Control-Expose-Headers").contains("x-amzn-RequestId"));

            RawHttp.Response other = http.send("POST", "/", "{}", "Origin", "http://app.test:3001",
                    "X-Amz-Target", "DynamoDB_20120810.ListTables", "Content-Type", "application/x-amz-json-1.0");
            assertEquals(403, other.status());
            assertNull(other.header("Access-Control-Allow-Origin"));
        }
    }

    @Test
    void s3AdmitsAnOriginOnlyThroughTheBucketsCorsRules(URI endpoint, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("cors-guard"));
        s3.putObject(b -> b.bucket("cors-guard").key("page.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("hello"));
        RawHttp http = new RawHttp(endpoint);
        assertEquals(403, http.send("GET", "/cors-guard/page.txt", (String) null, "Origin", "http://app.test").status());
        s3.putBucketCors(b -> b.bucket("cors-guard").corsConfiguration(c -> c.corsRules(r -> r.allowedMethods("GET", "PUT")
                .allowedOrigins("http://app.test").allowedHeaders("*"))));
        RawHttp.Response allowed = http.send("GET", "/cors-guard/page.txt", (String) null, "Origin", "http://app.test",
                "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "cors");
        assertEquals(200, allowed.status(), allowed.body());
        assertEquals("hello", allowed.body());
        assertEquals("http://app.test", allowed.header("Access-Control-Allow-Origin"));
        RawHttp.Response wrongMethod = http.send("DELETE", "/cors-guard/page.txt", (String) null, "Origin", "http://app.test");
        assertEquals(403, wrongMethod.status());
        assertTrue(wrongMethod.body().contains("<Code>AccessForbidden</Code>"), wrongMethod.body());
        RawHttp.Response wrongOrigin = http.send("PUT", "/cors-guard/planted.txt", "x", "Origin", EVIL, "Content-Type", "text/plain");
        assertEquals(403, wrongOrigin.status());
        assertThrows(software.amazon.awssdk.services.s3.model.NoSuchKeyException.class,
                () -> s3.getObject(b -> b.bucket("cors-guard").key("planted.txt")));
        // a preflight is S3's own to answer from the rules
        RawHttp.Response preflight = http.send("OPTIONS", "/cors-guard/page.txt", (String) null, "Origin", "http://app.test",
                "Access-Control-Request-Method", "PUT");
        assertEquals(200, preflight.status());
        assertEquals(403, http.send("OPTIONS", "/cors-guard/page.txt", (String) null, "Origin", EVIL,
                "Access-Control-Request-Method", "PUT").status());
        // a link or an image on any page may still read an object: a browser shows no page the answer
        assertEquals(200, http.send("GET", "/cors-guard/page.txt", (String) null, "Sec-Fetch-Site", "cross-site",
                "Sec-Fetch-Mode", "navigate").status());
    }

    @Test
    void aCrossSiteQueryRequestWithoutOriginCannotChangeState(URI endpoint, SqsClient sqs) throws Exception {
        String url = sqs.createQueue(b -> b.queueName("guarded")).queueUrl();
        RawHttp http = new RawHttp(endpoint);
        RawHttp.Response image = http.send("GET", "/?Action=DeleteQueue&Version=2012-11-05&QueueUrl=" + url, (String) null,
                "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors", "Sec-Fetch-Dest", "image");
        assertEquals(403, image.status(), image.body());
        assertEquals(url, sqs.getQueueUrl(b -> b.queueName("guarded")).queueUrl());
    }

    @Test
    void resetNeedsAJsonRequestFromCloudJarsOwnPage(URI endpoint, SqsClient sqs) throws Exception {
        sqs.createQueue(b -> b.queueName("survivor"));
        RawHttp http = new RawHttp(endpoint);
        RawHttp.Response simple = http.send("POST", "/_cloudjar/reset", "", "Content-Type", "text/plain");
        assertEquals(415, simple.status(), simple.body());
        RawHttp.Response crossOrigin = http.send("POST", "/_cloudjar/reset", "{}", "Content-Type", "application/json", "Origin", EVIL);
        assertEquals(403, crossOrigin.status(), crossOrigin.body());
        assertTrue(sqs.listQueues(b -> b.queueNamePrefix("survivor")).hasQueueUrls()
                && sqs.listQueues(b -> b.queueNamePrefix("survivor")).queueUrls().size() == 1, "nothing was reset");

        String own = "http://127.0.0.1:" + endpoint.getPort();
        RawHttp.Response fromConsole = http.send("POST", "/_cloudjar/reset", "{}", "Content-Type", "application/json", "Origin", own);
        assertEquals(200, fromConsole.status(), fromConsole.body());
        assertEquals(0, sqs.listQueues(b -> b.queueNamePrefix("survivor")).queueUrls().size(), "reset");
    }

    @Test
    void resetErasesADataDirectoryOnlyWhenAskedTo(@TempDir Path dir) throws Exception {
        try (CloudJar cloudJar = CloudJar.start(CloudJarConfig.defaults().withPort(0).withDataDir(dir))) {
            try (SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(cloudJar.endpoint()))
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")).build()) {
                sqs.createQueue(b -> b.queueName("kept"));
                RawHttp http = new RawHttp(URI.create(cloudJar.endpoint()));
                RawHttp.Response implicit = http.send("POST", "/_cloudjar/reset", "{}", "Content-Type", "application/json");
                assertEquals(400, implicit.status(), implicit.body());
                assertTrue(implicit.body().contains("\\\"dataDir\\\": true"), implicit.body());
                assertEquals(1, sqs.listQueues().queueUrls().size());
                RawHttp.Response explicit = http.send("POST", "/_cloudjar/reset", "{\"dataDir\": true}", "Content-Type", "application/json");
                assertEquals(200, explicit.status(), explicit.body());
                assertEquals(0, sqs.listQueues().queueUrls().size());
            }
        }
    }
}
