package dev.cloudjar.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.cloudjar.testing.CloudJarExtension;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A real Chromium page on another site (http://localhost:port, CloudJar being http://127.0.0.1:port):
 * presigned GET and PUT allowed by the bucket's CORS rule work, and the same page's attempts to plant
 * a function or read DynamoDB are refused. Needs Debian's chromium and chromium-driver (.ci/run
 * installs them); a missing browser fails the test.
 */
@ExtendWith(CloudJarExtension.class)
class BrowserPageIT {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    @Test
    void presignedUrlsWorkFromAPageTheBucketAllowsAndNothingElseDoes(URI endpoint, S3Client s3, LambdaClient lambda) throws Exception {
        HttpServer pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String pageOrigin = "http://localhost:" + pages.getAddress().getPort();
        s3.createBucket(b -> b.bucket("browser"));
        s3.putObject(b -> b.bucket("browser").key("hello.txt"), RequestBody.fromString("hello from S3"));
        s3.putBucketCors(b -> b.bucket("browser").corsConfiguration(c -> c.corsRules(r -> r.allowedOrigins(pageOrigin)
                .allowedMethods("GET", "PUT").allowedHeaders("*"))));
        String get;
        String put;
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
            get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("browser").key("hello.txt"))).url().toString();
            put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(g -> g.bucket("browser").key("uploaded.txt"))).url().toString();
        }
        String cloud = endpoint.toString().replaceAll("/$", "");
        String page = "<!doctype html><html><body><pre id=out></pre><script>\n"
                + "const out = {};\n"
                + "async function attempt(name, f) { try { out[name] = await f(); } catch (e) { out[name] = 'blocked'; } }\n"
                + "(async () => {\n"
                + "  await attempt('get', async () => (await fetch('" + get + "')).text());\n"
                + "  await attempt('put', async () => (await fetch('" + put + "', {method: 'PUT', body: 'from the page'})).status);\n"
                + "  await attempt('plant', async () => (await fetch('" + cloud + "/2015-03-31/functions', {method: 'POST', mode: 'no-cors',\n"
                + "      headers: {'Content-Type': 'text/plain'}, body: JSON.stringify({FunctionName: 'planted', Runtime: 'java21',\n"
                + "      Role: 'arn:aws:iam::000000000000:role/r', Handler: 'java.lang.System::exit', Code: {ZipFile: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=='}})})).type);\n"
                + "  await attempt('dynamodb', async () => (await fetch('" + cloud + "/', {method: 'POST',\n"
                + "      headers: {'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'DynamoDB_20120810.ListTables'}, body: '{}'})).status);\n"
                + "  document.getElementById('out').textContent = JSON.stringify(out);\n"
                + "})();\n</script></body></html>";
        pages.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        pages.start();
        WebDriver browser = startChromium();
        try {
            browser.get(pageOrigin + "/");
            String result = "";
            for (long deadline = System.nanoTime() + 30_000_000_000L; result.isEmpty() && System.nanoTime() < deadline; ) {
                Thread.sleep(100);
                result = browser.findElement(By.id("out")).getText();
            }
            assertEquals("{\"get\":\"hello from S3\",\"put\":200,\"plant\":\"opaque\",\"dynamodb\":\"blocked\"}", result);
        } finally {
            browser.quit();
            pages.stop(0);
        }
        assertEquals("from the page", s3.getObjectAsBytes(b -> b.bucket("browser").key("uploaded.txt")).asUtf8String());
        assertThrows(ResourceNotFoundException.class, () -> lambda.getFunction(b -> b.functionName("planted")));
    }

    private static WebDriver startChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(CHROMIUM));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
