package dev.cloudjar.integration;

import static dev.cloudjar.integration.ConsoleApiIT.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The console's Query reads and its actions over plain HTTP: invoke with a test event, purge, load an
 * init file; each action only as a JSON POST from CloudJar's own origin. And the flow's long poll.
 */
@ExtendWith(CloudJarExtension.class)
class ConsoleActionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aTableIsQueriedByKeyAndSortConditionOnTheTableOrAnIndex(URI endpoint, DynamoDbClient dynamo) throws Exception {
        dynamo.createTable(b -> b.tableName("Ledger").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("CustomerId").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("TxId").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("Kind").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("CustomerId").keyType(KeyType.HASH), k -> k.attributeName("TxId").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("ByKind").keySchema(k -> k.attributeName("Kind").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        for (String customer : List.of("C1", "C2")) {
            for (int i = 1; i <= (customer.equals("C1") ? 5 : 3); i++) {
                String kind = i % 2 == 0 ? "credit" : "debit";
                String tx = "t" + i;
                dynamo.putItem(b -> b.tableName("Ledger").item(Map.of("CustomerId", s(customer), "TxId", s(tx), "Kind", s(kind))));
            }
        }
        JsonNode c1 = api(endpoint, "dynamodb/items?name=Ledger&pk=C1");
        assertEquals("Query", c1.get("read").asText());
        assertEquals(List.of("t1", "t2", "t3", "t4", "t5"), txIds(c1));
        assertEquals(List.of("t2", "t3", "t4"), txIds(api(endpoint, "dynamodb/items?name=Ledger&pk=C1&op=between&sk=t2&sk2=t4")));
        assertEquals(List.of("t4", "t5"), txIds(api(endpoint, "dynamodb/items?name=Ledger&pk=C1&op=" + enc(">") + "&sk=t3")));
        assertEquals(List.of("t1", "t2", "t3"), txIds(api(endpoint, "dynamodb/items?name=Ledger&pk=C2&op=begins_with&sk=t")));
        JsonNode credits = api(endpoint, "dynamodb/items?name=Ledger&index=ByKind&pk=credit");
        assertEquals(3, credits.get("count").asInt(), "t2 and t4 of C1, t2 of C2: " + credits);
        List<String> paged = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = api(endpoint, "dynamodb/items?name=Ledger&pk=C1&limit=2" + (next == null ? "" : "&start=" + enc(next)));
            paged.addAll(txIds(page));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null && paged.size() < 20);
        assertEquals(List.of("t1", "t2", "t3", "t4", "t5"), paged, "Query pages like Scan");
        assertEquals(8, api(endpoint, "dynamodb/items?name=Ledger").get("count").asInt(), "no pk: a Scan");
        for (String bad : List.of("pk=C1&op=like&sk=t", "pk=C1&index=Nope", "pk=C1&op=between&sk=t1", "pk=C1&op=" + enc("=")
                + "&sk=", "index=ByKind&pk=credit&op=" + enc("=") + "&sk=x")) {
            HttpResponse<String> response = send(endpoint, "GET", "/_cloudjar/api/dynamodb/items?name=Ledger&" + bad, null, null);
            assertEquals(400, response.statusCode(), bad + ": " + response.body());
            assertEquals("ValidationException", response.headers().firstValue("x-amzn-ErrorType").orElse(null), bad);
        }
    }

    @Test
    void aFunctionRunsWithTheTestEventOnlyWhenInvoked(URI endpoint, LambdaClient lambda) throws Exception {
        Workshop.createFunction(lambda, "ConsoleHello", "dev.cloudjar.samples.hello.HelloWorld::handleRequest");
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("ConsoleHello"));
        String version = lambda.publishVersion(b -> b.functionName("ConsoleHello").description("first")).version();
        lambda.createAlias(b -> b.functionName("ConsoleHello").name("live").functionVersion(version));
        JsonNode before = api(endpoint, "lambda/function?name=ConsoleHello");
        assertEquals(0, before.get("invocations").size(), "viewing a function does not run it");
        assertTrue(before.get("versions").toString().contains("\"description\":\"first\""), before.get("versions").toString());
        assertEquals("live", before.at("/aliases/0/name").asText());
        assertEquals(version, before.at("/aliases/0/functionVersion").asText());

        JsonNode run = JSON.readTree(post(endpoint, "lambda/invoke", "{\"name\":\"ConsoleHello\",\"qualifier\":\"live\","
                + "\"payload\":\"{\\\"name\\\":\\\"Ada\\\"}\"}").body());
        assertEquals(200, run.get("status").asInt(), run.toString());
        assertEquals("\"Hello, Ada!\"", run.get("payload").asText());
        assertEquals(version, run.get("executedVersion").asText());
        assertTrue(run.get("functionError").isNull());
        assertTrue(run.get("log").asText().contains("REPORT RequestId"), run.toString());
        JsonNode after = Workshop.eventually(java.time.Duration.ofSeconds(10), () -> {
            JsonNode f = api(endpoint, "lambda/function?name=ConsoleHello");
            return f.get("invocations").size() == 1 ? f : null;
        });
        assertEquals("Ada", after.at("/invocations/0/payload/event/name").asText(), after.get("invocations").toString());
        assertEquals("Hello, Ada!", after.at("/invocations/0/payload/result").asText());

        HttpResponse<String> notJson = post(endpoint, "lambda/invoke", "{\"name\":\"ConsoleHello\",\"payload\":\"{nope\"}");
        assertEquals(400, notJson.statusCode(), notJson.body());
        assertEquals("InvalidRequestContentException", notJson.headers().firstValue("x-amzn-ErrorType").orElse(null));
        assertEquals(400, post(endpoint, "lambda/invoke", "{\"payload\":\"{}\"}").statusCode(), "a name is needed");
        assertEquals(404, post(endpoint, "lambda/invoke", "{\"name\":\"NoSuchFunction\"}").statusCode());
        assertEquals(415, send(endpoint, "POST", "/_cloudjar/api/lambda/invoke", "{\"name\":\"ConsoleHello\"}", "text/plain").statusCode(),
                "a form post (what another origin's page can send) is refused");
        // a new connection: CloudJar closes the one whose body a refusal left unread
        HttpResponse<String> fromPage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/_cloudjar/api/lambda/invoke"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ConsoleHello\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, fromPage.statusCode());
        Thread.sleep(300);
        assertEquals(1, api(endpoint, "lambda/function?name=ConsoleHello").get("invocations").size(), "refused invokes did not run");
    }

    @Test
    void aQueueIsPurgedOnRequestAndNamesItsDeadLetterQueue(URI endpoint, SqsClient sqs) throws Exception {
        String dlqUrl = sqs.createQueue(b -> b.queueName("ConsoleDlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        String url = sqs.createQueue(b -> b.queueName("ConsoleWork").attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"3\"}"))).queueUrl();
        String arn = dlqArn.replace("ConsoleDlq", "ConsoleWork");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("one"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("two"));
        JsonNode work = null;
        for (JsonNode q : api(endpoint, "sqs/queues").get("queues")) {
            if (q.get("name").asText().equals("ConsoleWork")) {
                work = q;
            }
        }
        assertEquals(dlqArn, work.get("deadLetterTargetArn").asText(), String.valueOf(work));
        assertEquals(2, api(endpoint, "sqs/queue?arn=" + enc(arn)).get("messages").size());
        assertEquals(415, send(endpoint, "POST", "/_cloudjar/api/sqs/purge", "{\"arn\":\"" + arn + "\"}", "text/plain").statusCode());
        assertEquals(2, api(endpoint, "sqs/queue?arn=" + enc(arn)).get("messages").size(), "a refused purge changes nothing");
        HttpResponse<String> purged = post(endpoint, "sqs/purge", "{\"arn\":\"" + arn + "\"}");
        assertEquals(200, purged.statusCode(), purged.body());
        assertEquals("0", sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        HttpResponse<String> again = post(endpoint, "sqs/purge", "{\"arn\":\"" + arn + "\"}");
        assertEquals("PurgeQueueInProgress", again.headers().firstValue("x-amzn-ErrorType").orElse(null),
                "SQS allows one purge a minute: " + again.body());
        assertEquals(400, post(endpoint, "sqs/purge", "{\"arn\":7}").statusCode());
    }

    @Test
    void anInitFileFromTheBrowserCreatesItsResourcesButNoFunctions(URI endpoint, SqsClient sqs, DynamoDbClient dynamo, SnsClient sns,
                                                                  S3Client s3) throws Exception {
        String file = "{\"description\":\"from the console\",\"queues\":[{\"name\":\"FromConsole\"}],"
                + "\"topics\":[{\"name\":\"ConsoleTopic\",\"subscriptions\":[{\"protocol\":\"sqs\",\"endpoint\":\"FromConsole\"}]}],"
                + "\"tables\":[{\"name\":\"ConsoleTable\",\"partitionKey\":\"id\"}],\"buckets\":[{\"name\":\"console-bucket\"}]}";
        HttpResponse<String> loaded = post(endpoint, "init", file);
        assertEquals(200, loaded.statusCode(), loaded.body());
        assertEquals(1, JSON.readTree(loaded.body()).at("/loaded/queues").asInt());
        assertTrue(sqs.getQueueUrl(b -> b.queueName("FromConsole")).queueUrl().endsWith("/FromConsole"));
        assertEquals("id", dynamo.describeTable(b -> b.tableName("ConsoleTable")).table().keySchema().get(0).attributeName());
        String topic = sns.listTopics().topics().stream().filter(t -> t.topicArn().endsWith(":ConsoleTopic")).findFirst().orElseThrow().topicArn();
        assertEquals(1, sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions().size());
        s3.headBucket(b -> b.bucket("console-bucket"));
        assertEquals(200, post(endpoint, "init", file).statusCode(), "loading it again is harmless");
        assertEquals(1, sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions().size());

        HttpResponse<String> functions = post(endpoint, "init", "{\"queues\":[{\"name\":\"NotCreated\"}],\"functions\":[{\"name\":\"f\","
                + "\"code\":\"/etc/passwd\",\"handler\":\"x::y\"}]}");
        assertEquals(400, functions.statusCode(), functions.body());
        assertTrue(functions.body().contains("--init FILE"), functions.body());
        assertFalse(sqs.listQueues().queueUrls().stream().anyMatch(u -> u.endsWith("/NotCreated")), "nothing of a refused file is created");
        HttpResponse<String> typo = post(endpoint, "init", "{\"tables\":[{\"name\":\"T\",\"partitionKey\":\"id\",\"strem\":\"NEW_IMAGE\"}]}");
        assertEquals(400, typo.statusCode());
        assertTrue(typo.body().contains("unknown member") && typo.body().contains("tables[0]"), typo.body());
        assertEquals(400, post(endpoint, "init", "[1]").statusCode(), "an init file is an object");
        assertEquals(415, send(endpoint, "POST", "/_cloudjar/api/init", file, "text/plain").statusCode());
    }

    @Test
    void theFlowAnswersAWatchingPageWhenAHopArrives(URI endpoint, S3Client s3) throws Exception {
        long last = api(endpoint, "flow?since=0").get("last").asLong();
        long started = System.nanoTime();
        JsonNode idle = api(endpoint, "flow?since=" + last + "&wait=1");
        assertTrue(System.nanoTime() - started >= 900_000_000L, "nothing happened, so it waited");
        assertEquals(0, idle.get("hops").size());
        assertEquals(400, send(endpoint, "GET", "/_cloudjar/api/flow?since=0&wait=21", null, null).statusCode());
        s3.createBucket(b -> b.bucket("watched"));
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            s3.putObject(b -> b.bucket("watched").key("w.txt"), RequestBody.fromString("w"));
        });
        writer.start();
        started = System.nanoTime();
        JsonNode woke = api(endpoint, "flow?since=" + last + "&wait=20");
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "the upload answered the waiting request");
        assertTrue(woke.get("hops").toString().contains("watched/w.txt"), woke.toString());
        writer.join();
        JsonNode light = api(endpoint, "flow?since=" + last + "&payloads=false");
        JsonNode summary = light.at("/hops/0");
        assertEquals("watched/w.txt", summary.get("resource").asText());
        assertFalse(summary.has("payload"), "a watching page gets no payloads: " + summary);
        JsonNode opened = api(endpoint, "flow/hop?id=" + summary.get("id").asLong());
        assertEquals("w.txt", opened.at("/payload/key").asText(), opened.toString());
        assertEquals(404, send(endpoint, "GET", "/_cloudjar/api/flow/hop?id=99999999", null, null).statusCode());
        assertEquals(400, send(endpoint, "GET", "/_cloudjar/api/flow/hop?id=x", null, null).statusCode());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static List<String> txIds(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(item -> out.add(item.at("/TxId/S").asText()));
        return out;
    }

    private static HttpResponse<String> post(URI endpoint, String action, String body) throws Exception {
        return send(endpoint, "POST", "/_cloudjar/api/" + action, body, "application/json");
    }

    private static HttpResponse<String> send(URI endpoint, String method, String path, String body, String type) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
