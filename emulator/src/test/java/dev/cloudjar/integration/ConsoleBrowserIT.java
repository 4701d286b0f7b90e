package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The console in headless Chromium after the bank pipeline ran: the flow view shows the upload, both
 * function invocations, the alert publish and its two queue deliveries, and the chain of causes from the
 * CustomerNotify delivery back to the upload (publish, invocation, mapping batch, stream append,
 * invocation, S3 event) followed by clicking each "Caused by"; a table is scanned and queried, a queue
 * peeked (a dismissed purge purges nothing), a function invoked with a typed test event, an init file
 * loaded through the file chooser, and the alert email opened, all through the page's own controls. Screenshots go to
 * {@code target/console-*.png}. Needs Debian's chromium and chromium-driver, as BrowserPageIT.
 */
@ExtendWith(CloudJarExtension.class)
class ConsoleBrowserIT {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    @Test
    void anAttendeeFollowsTheUploadToTheAlert(CloudJar cloudJar, URI endpoint, S3Client s3, DynamoDbClient dynamo,
                                             SnsClient sns, SqsClient sqs, LambdaClient lambda) throws Exception {
        cloudJar.reset();
        BankPipeline.run(cloudJar, endpoint, s3, dynamo, sns, sqs, lambda);
        Workshop.createFunction(lambda, "ConsoleHello", "dev.cloudjar.samples.hello.HelloWorld::handleRequest");
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("ConsoleHello"));
        WebDriver browser = startChromium();
        try {
            browser.get(endpoint.resolve("/_cloudjar/").toString());
            assertTrue(browser.getCurrentUrl().contains("/_cloudjar/console/"), browser.getCurrentUrl());
            String flow = waitFor(browser, () -> text(browser, "hops"), t -> t.contains("Delivered to sqs CreditCollection")
                    && t.contains("Delivered to sqs CustomerNotify"));
            for (String hop : List.of("ObjectCreated:Put s3://bank-transactions/transactions.txt", "Lambda invocation of TransactionProcessor",
                    "Lambda invocation of TotalNotifier", "Published to HighBalanceAlert", "Delivered to email credit@example.com")) {
                assertTrue(flow.contains(hop), hop + " in " + flow);
            }
            WebElement publish = hop(browser, "Published to HighBalanceAlert");
            String publishId = publish.getAttribute("data-hop");
            WebElement delivery = hop(browser, "Delivered to sqs CustomerNotify");
            String deliveryId = delivery.getAttribute("data-hop");
            delivery.click();
            String opened = waitFor(browser, () -> browser.findElement(By.id("hop-" + deliveryId)).getText(), t -> t.contains("Caused by") && t.contains("\"protocol\""));
            assertTrue(opened.contains("Caused by #" + publishId), opened);
            assertTrue(opened.contains("\"protocol\": \"sqs\""), opened);
            List<String> chain = followCauses(browser, deliveryId);
            List<String> expected = List.of("Delivered to sqs CustomerNotify", "Published to HighBalanceAlert",
                    "Lambda invocation of TotalNotifier", "Mapping batch of", "Stream records appended to Transactions",
                    "Lambda invocation of TransactionProcessor", "ObjectCreated:Put s3://bank-transactions/transactions.txt");
            assertEquals(expected.size(), chain.size(), "the alert's causes back to the upload: " + chain);
            for (int i = 0; i < expected.size(); i++) {
                assertTrue(chain.get(i).contains(expected.get(i)), expected.get(i) + " at " + i + " of " + chain);
            }
            assertTrue(chain.get(3).contains("from Transactions"), chain.get(3));
            WebElement upload = browser.findElement(By.cssSelector("#hops button[aria-expanded='true']"));
            String uploadHop = browser.findElement(By.id("hop-" + upload.getAttribute("data-hop"))).getText();
            assertTrue(uploadHop.contains("Led to #"), "the upload names the invocation it caused: " + uploadHop);
            screenshot(browser, "console-flow.png");

            browser.findElement(By.linkText("DynamoDB tables")).click();
            waitFor(browser, () -> text(browser, "main"), t -> t.contains("Transactions"));
            browser.findElement(By.linkText("Transactions")).click();
            String table = waitFor(browser, () -> text(browser, "main"), t -> t.contains("Items (Scan"));
            assertTrue(table.contains("\"hashName\": \"CustomerId\"") && table.contains("TransactionId"), table);
            assertTrue(browser.findElements(By.cssSelector("main tbody tr")).size() >= 20, "a page of items");
            assertTrue(table.contains("Last page."), "24 items fit one page of 25");
            browser.findElement(By.id("query-pk")).sendKeys("C2");
            browser.findElement(By.cssSelector("#query button[type=submit]")).click();
            String queried = waitFor(browser, () -> text(browser, "main"), t -> t.contains("Items (Query"));
            List<WebElement> rows = browser.findElements(By.cssSelector("main tbody tr"));
            assertTrue(!rows.isEmpty() && rows.size() < 24, "C2's items only: " + rows.size());
            for (WebElement row : rows) {
                assertTrue(row.getText().startsWith("\"C2\""), row.getText());
            }
            assertTrue(queried.contains("#pk = :pk"), queried);

            browser.findElement(By.linkText("SQS queues")).click();
            waitFor(browser, () -> text(browser, "main"), t -> t.contains("CustomerNotify"));
            browser.findElement(By.linkText("CustomerNotify")).click();
            String queue = waitFor(browser, () -> text(browser, "main"), t -> t.contains("peeked"));
            assertTrue(queue.contains("accountBalance") && queue.contains("1750"), queue);
            browser.findElement(By.id("purge")).click();
            browser.switchTo().alert().dismiss();
            Thread.sleep(300);
            assertTrue(text(browser, "main").contains("1750"), "a dismissed purge purges nothing");
            screenshot(browser, "console-queue.png");

            browser.findElement(By.linkText("Lambda functions")).click();
            waitFor(browser, () -> text(browser, "main"), t -> t.contains("ConsoleHello"));
            browser.findElement(By.linkText("ConsoleHello")).click();
            String function = waitFor(browser, () -> text(browser, "main"), t -> t.contains("Recent invocations"));
            assertTrue(function.contains("None in the flow yet."), "opening a function does not run it: " + function);
            WebElement event = browser.findElement(By.id("invoke-event"));
            event.clear();
            event.sendKeys("{\"name\": \"Browser\"}");
            browser.findElement(By.cssSelector("#invoke button[type=submit]")).click();
            String invoked = waitFor(browser, () -> text(browser, "invoke-result"), t -> t.contains("Hello, Browser!"));
            assertTrue(invoked.contains("Succeeded") && invoked.contains("REPORT RequestId"), invoked);
            screenshot(browser, "console-function.png");

            Path init = Path.of("target", "console-upload.init.json").toAbsolutePath();
            Files.writeString(init, "{\"queues\": [{\"name\": \"Uploaded\"}]}");
            browser.findElement(By.id("init-file")).sendKeys(init.toString());
            waitFor(browser, () -> text(browser, "status"), t -> t.contains("Loaded console-upload.init.json: 1 queues"));
            assertTrue(sqs.getQueueUrl(b -> b.queueName("Uploaded")).queueUrl().endsWith("/Uploaded"));

            browser.findElement(By.linkText("Outbox (email, SMS)")).click();
            String outbox = waitFor(browser, () -> text(browser, "main"), t -> t.contains("Warning! Account balance is very high"));
            assertTrue(outbox.contains("credit@example.com"), outbox);
            assertTrue(browser.findElements(By.cssSelector("article.message a[href*='Action=ConfirmSubscription']")).size() == 1,
                    "the confirmation link is clickable");
            screenshot(browser, "console-outbox.png");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aVersionedObjectShowsItsVersionsFromTheKeyboard(URI endpoint, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("browser-versions"));
        s3.putBucketVersioning(b -> b.bucket("browser-versions").versioningConfiguration(v -> v.status("Enabled")));
        String first = s3.putObject(b -> b.bucket("browser-versions").key("report.txt"), RequestBody.fromString("first draft")).versionId();
        s3.putObject(b -> b.bucket("browser-versions").key("report.txt"), RequestBody.fromString("second draft"));
        s3.deleteObject(b -> b.bucket("browser-versions").key("report.txt"));
        WebDriver browser = startChromium();
        try {
            browser.get(endpoint.resolve("/_cloudjar/console/#/s3").toString());
            waitFor(browser, () -> text(browser, "main"), t -> t.contains("browser-versions"));
            browser.findElement(By.linkText("browser-versions")).sendKeys(Keys.ENTER);
            String bucket = waitFor(browser, () -> text(browser, "main"), t -> t.contains("Versioning: Enabled"));
            assertTrue(bucket.contains("report.txt") && bucket.contains("deleted (delete marker)"), bucket);
            browser.findElement(By.linkText("report.txt")).sendKeys(Keys.ENTER);
            String object = waitFor(browser, () -> text(browser, "main"), t -> t.contains("Versions (newest first)"));
            assertTrue(object.contains("Deleted: the current version is a delete marker"), object);
            List<WebElement> rows = browser.findElements(By.cssSelector("main tbody tr"));
            assertEquals(3, rows.size(), object);
            assertTrue(rows.get(0).getText().contains("delete marker") && rows.get(0).getText().contains("current"), rows.get(0).getText());
            WebElement download = browser.findElement(By.cssSelector("main a[aria-label='Download version " + first + "']"));
            assertEquals("download", download.getText());
            assertTrue(download.getAttribute("href").endsWith("/browser-versions/report.txt?versionId=" + first), download.getAttribute("href"));
            screenshot(browser, "console-versions.png");
            download.sendKeys(Keys.ENTER);
            waitFor(browser, () -> browser.findElement(By.tagName("body")).getText(), "first draft"::equals);
        } finally {
            browser.quit();
        }
    }

    @Test
    void aStreamShowsItsShardsAndTheNewestRecordsAsText(URI endpoint, KinesisClient kinesis) throws Exception {
        kinesis.createStream(b -> b.streamName("browser-clicks").shardCount(2));
        kinesis.putRecord(b -> b.streamName("browser-clicks").partitionKey("u1").explicitHashKey("0")
                .data(SdkBytes.fromUtf8String("{\"page\": \"/checkout\"}")));
        kinesis.putRecord(b -> b.streamName("browser-clicks").partitionKey("u2").explicitHashKey("0")
                .data(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xfe})));
        WebDriver browser = startChromium();
        try {
            browser.get(endpoint.resolve("/_cloudjar/console/#/flow").toString());
            waitFor(browser, () -> text(browser, "main"), t -> t.contains("hops"));
            browser.findElement(By.linkText("Kinesis streams")).sendKeys(Keys.ENTER);
            waitFor(browser, () -> text(browser, "main"), t -> t.contains("browser-clicks"));
            browser.findElement(By.linkText("browser-clicks")).sendKeys(Keys.ENTER);
            String stream = waitFor(browser, () -> text(browser, "main"), t -> t.contains("Newest records of shardId-000000000000"));
            assertTrue(stream.contains("0 – 170141183460469231731687303715884105727"), "shard 0's hash key range: " + stream);
            assertTrue(stream.contains("{\"page\": \"/checkout\"}"), "text data shown decoded: " + stream);
            assertTrue(stream.contains("base64:") && stream.contains("AP4="), "binary data shown as base64: " + stream);
            assertTrue(stream.indexOf("u2") < stream.indexOf("u1"), "newest first");
            screenshot(browser, "console-kinesis.png");
            browser.findElement(By.linkText("newest records")).sendKeys(Keys.ENTER);
            String other = waitFor(browser, () -> text(browser, "main"), t -> t.contains("Newest records of shardId-000000000001"));
            assertTrue(other.contains("None yet."), other);
        } finally {
            browser.quit();
        }
    }

    @Test
    void aRoleShowsItsTrustPolicyAndPolicies(URI endpoint, IamClient iam) throws Exception {
        iam.createRole(b -> b.roleName("browser-role").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        iam.attachRolePolicy(b -> b.roleName("browser-role").policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        iam.putRolePolicy(b -> b.roleName("browser-role").policyName("read-uploads").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"));
        WebDriver browser = startChromium();
        try {
            browser.get(endpoint.resolve("/_cloudjar/console/#/s3").toString());
            waitFor(browser, () -> text(browser, "main"), t -> t.contains("Bucket"));
            browser.findElement(By.linkText("IAM roles")).sendKeys(Keys.ENTER);
            waitFor(browser, () -> text(browser, "main"), t -> t.contains("browser-role"));
            browser.findElement(By.linkText("browser-role")).sendKeys(Keys.ENTER);
            String role = waitFor(browser, () -> text(browser, "main"), t -> t.contains("Trust policy"));
            assertTrue(role.contains("\"Service\": \"lambda.amazonaws.com\""), role);
            assertTrue(role.contains("AWSLambdaBasicExecutionRole") && role.contains("logs:CreateLogGroup"), "attached, with its document: " + role);
            assertTrue(role.contains("read-uploads") && role.contains("s3:GetObject"), "inline: " + role);
            screenshot(browser, "console-role.png");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aKinesisInvocationLeadsBackToThePut(URI endpoint, KinesisClient kinesis, LambdaClient lambda) throws Exception {
        String uuid = ConsoleApiIT.clickCounterOn(kinesis, lambda, "browser-flow", "BrowserClickCounter");
        kinesis.putRecords(b -> b.streamName("browser-flow").records(r -> r.partitionKey("u1").data(SdkBytes.fromUtf8String("/home")),
                r -> r.partitionKey("u2").data(SdkBytes.fromUtf8String("/cart"))));
        WebDriver browser = startChromium();
        try {
            browser.get(endpoint.resolve("/_cloudjar/console/#/flow").toString());
            waitFor(browser, () -> text(browser, "hops"), t -> t.contains("Lambda invocation of BrowserClickCounter"));
            WebElement invocation = hop(browser, "Lambda invocation of BrowserClickCounter");
            String invocationId = invocation.getAttribute("data-hop");
            invocation.sendKeys(Keys.ENTER);
            waitFor(browser, () -> text(browser, "hop-" + invocationId), t -> t.contains("Caused by"));
            List<String> chain = followCauses(browser, invocationId);
            assertEquals(3, chain.size(), "invocation, batch, put: " + chain);
            // the mapping wakes on the first appended record, so the put's two records may come in one batch or two
            assertTrue(chain.get(1).matches("(?s).*Mapping batch of (1 Kinesis record|2 Kinesis records) from browser-flow.*"),
                    chain.toString());
            assertTrue(chain.get(2).contains("2 records put to Kinesis stream browser-flow"), chain.toString());
            assertTrue(text(browser, "main").contains("\"newestSequenceNumber\""), "the put's payload is shown");
            screenshot(browser, "console-kinesis-flow.png");
        } finally {
            browser.quit();
            lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
        }
    }

    /**
     * Opens the hop, then its cause, and so on while the opened hop has one: the titles from the hop
     * back to the first cause.
     */
    private static List<String> followCauses(WebDriver browser, String hopId) throws InterruptedException {
        List<String> titles = new java.util.ArrayList<>();
        String id = hopId;
        while (id != null && titles.size() < 20) {
            String current = id;
            WebElement item = browser.findElement(By.id("hop-" + current));
            titles.add(item.findElement(By.cssSelector("button[data-hop]")).getText());
            List<WebElement> cause = item.findElements(By.cssSelector("button.cause"));
            if (cause.isEmpty()) {
                break;
            }
            String next = cause.get(0).getText().substring(1);
            clickFresh(browser, By.cssSelector("#hop-" + current + " button.cause"));
            waitFor(browser, () -> browser.findElements(By.cssSelector("#hop-" + next + " > button[aria-expanded='true']")).isEmpty()
                    ? "" : "open", "open"::equals);
            id = next;
        }
        return titles;
    }

    /** Clicks what the locator finds, finding it again if a live update redrew the flow in between. */
    private static void clickFresh(WebDriver browser, By locator) {
        for (int attempt = 1; ; attempt++) {
            try {
                browser.findElement(locator).click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** The newest hop with that title (the subscription confirmation was an earlier publish to the topic). */
    private static WebElement hop(WebDriver browser, String title) {
        WebElement found = null;
        for (WebElement button : browser.findElements(By.cssSelector("#hops button[data-hop]"))) {
            if (button.getText().contains(title)) {
                found = button;
            }
        }
        if (found == null) {
            throw new AssertionError("no hop " + title);
        }
        return found;
    }

    private static String text(WebDriver browser, String id) {
        try {
            return browser.findElement(By.id(id)).getText();
        } catch (WebDriverException e) {
            return "";
        }
    }

    private static String waitFor(WebDriver browser, Supplier<String> probe, java.util.function.Predicate<String> done) throws InterruptedException {
        String value = probe.get();
        for (long deadline = System.nanoTime() + 20_000_000_000L; !done.test(value) && System.nanoTime() < deadline; ) {
            Thread.sleep(100);
            value = probe.get();
        }
        assertTrue(done.test(value), "page never showed it; it shows: " + value);
        return value;
    }

    static void screenshot(WebDriver browser, String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }

    static WebDriver startChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(CHROMIUM));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1600, 1000));
        return driver;
    }
}
