package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The console's data endpoints and pages over plain HTTP, after the bank pipeline ran (docs/console.md). */
@ExtendWith(CloudJarExtension.class)
class ConsoleApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void pagesAreServedFromTheJarAndTheRootRedirectsToThem(URI endpoint) throws Exception {
        HttpResponse<String> root = send(endpoint, "GET", "/_cloudjar/");
        assertEquals(302, root.statusCode());
        assertEquals("/_cloudjar/console/", root.headers().firstValue("Location").orElse(null));
        HttpResponse<String> page = send(endpoint, "GET", "/_cloudjar/console/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<script type=\"module\" src=\"console.js\">"), page.body());
        HttpResponse<String> script = send(endpoint, "GET", "/_cloudjar/console/console.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(script.body().contains("/_cloudjar/api/"));
        assertEquals(200, send(endpoint, "GET", "/_cloudjar/console/console.css").statusCode());
        assertEquals(404, send(endpoint, "GET", "/_cloudjar/console/../../pom.xml").statusCode());
        assertEquals(404, send(endpoint, "GET", "/_cloudjar/console/secret.txt").statusCode());
    }

    @Test
    void everyViewShowsTheBankPipelineWithoutChangingIt(CloudJar cloudJar, URI endpoint, S3Client s3, DynamoDbClient dynamo,
                                                       SnsClient sns, SqsClient sqs, LambdaClient lambda) throws Exception {
        cloudJar.reset(); // the other tests of this class leave resources behind
        BankPipeline.run(cloudJar, endpoint, s3, dynamo, sns, sqs, lambda);

        assertEquals(BankPipeline.BUCKET, api(endpoint, "s3/buckets").at("/buckets/0/name").asText());
        JsonNode objects = api(endpoint, "s3/objects?bucket=" + BankPipeline.BUCKET + "&prefix=");
        assertEquals("transactions.txt", objects.at("/objects/0/key").asText());
        String download = objects.at("/objects/0/download").asText();
        assertEquals(Workshop.sampleData("bank-transactions.txt"), send(endpoint, "GET", download).body());
        JsonNode object = api(endpoint, "s3/object?bucket=" + BankPipeline.BUCKET + "&key=transactions.txt");
        assertEquals(Workshop.sampleData("bank-transactions.txt").getBytes(StandardCharsets.UTF_8).length, object.get("size").asLong());

        JsonNode tables = api(endpoint, "dynamodb/tables").get("tables");
        assertEquals(3, tables.size(), tables.toString());
        JsonNode transactions = api(endpoint, "dynamodb/table?name=Transactions");
        assertEquals("CustomerId", transactions.at("/key/hashName").asText());
        assertEquals("TransactionId", transactions.at("/key/rangeName").asText());
        assertTrue(transactions.at("/stream/enabled").asBoolean());
        assertEquals("NEW_IMAGE", transactions.at("/stream/viewType").asText());
        Set<String> ids = new HashSet<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = api(endpoint, "dynamodb/items?name=Transactions&limit=10" + (next == null ? "" : "&start=" + enc(next)));
            for (JsonNode item : page.get("items")) {
                ids.add(item.at("/CustomerId/S").asText() + "/" + item.at("/TransactionId/S").asText());
            }
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (next != null && pages < 10);
        assertEquals(24, ids.size(), "every item once across the Scan pages");
        assertEquals(3, pages);

        JsonNode queues = api(endpoint, "sqs/queues").get("queues");
        assertEquals(2, queues.size());
        for (JsonNode q : queues) {
            assertEquals("1", q.get("visible").asText(), q.toString());
            for (int look = 0; look < 2; look++) {
                JsonNode queue = api(endpoint, "sqs/queue?arn=" + enc(q.get("arn").asText()));
                JsonNode message = queue.at("/messages/0");
                assertTrue(message.get("body").asText().contains("1750"), message.toString());
                assertEquals(0, message.get("receiveCount").asInt(), "a peek is not a receive");
                assertTrue(message.get("visible").asBoolean());
                assertEquals("1", queue.at("/attributes/ApproximateNumberOfMessages").asText());
            }
            String url = sqs.getQueueUrl(b -> b.queueName(q.get("name").asText())).queueUrl();
            assertEquals(1, sqs.receiveMessage(b -> b.queueUrl(url)).messages().size(), "still receivable after the peeks");
        }

        JsonNode topic = api(endpoint, "sns/topics").at("/topics/0");
        assertTrue(topic.get("arn").asText().endsWith(":HighBalanceAlert"));
        assertEquals(3, topic.get("subscriptions").size(), topic.toString());

        assertEquals(2, api(endpoint, "lambda/functions").get("functions").size());
        JsonNode notifier = api(endpoint, "lambda/function?name=TotalNotifier");
        assertEquals("Enabled", notifier.at("/mappings/0/state").asText(), notifier.toString());
        assertEquals("dev.cloudjar.samples.bank.TotalNotifier::handleRequest", notifier.at("/configuration/handler").asText());
        assertTrue(notifier.get("logs").toString().contains("REPORT RequestId"), notifier.get("logs").toString());
        List<String> groups = new ArrayList<>();
        api(endpoint, "logs/groups").get("groups").forEach(g -> groups.add(g.get("logGroupName").asText()));
        assertTrue(groups.containsAll(List.of("/aws/lambda/TransactionProcessor", "/aws/lambda/TotalNotifier")), groups.toString());
        assertTrue(api(endpoint, "logs/events?group=" + enc("/aws/lambda/TransactionProcessor")).get("events").size() >= 3);
        assertEquals(0, api(endpoint, "apigateway/apis").get("rest").size());
        assertEquals(0, api(endpoint, "events/rules").get("rules").size());

        JsonNode flow = api(endpoint, "flow?since=0");
        List<String> titles = new ArrayList<>();
        long publish = -1;
        Set<Long> deliveryCauses = new HashSet<>();
        for (JsonNode hop : flow.get("hops")) {
            titles.add(hop.get("title").asText());
            if (hop.get("title").asText().startsWith("Lambda invocation of TransactionProcessor")) {
                assertEquals("transactions.txt", hop.at("/payload/event/Records/0/s3/object/key").asText(), "the event as received: " + hop);
                assertTrue(hop.at("/payload/lines").toString().contains("REPORT RequestId: " + hop.at("/payload/requestId").asText()), hop.toString());
            }
            if (hop.get("title").asText().equals("Published to HighBalanceAlert")) {
                publish = hop.get("id").asLong();
            }
            if (hop.get("title").asText().matches("Delivered to sqs (CustomerNotify|CreditCollection)")) {
                deliveryCauses.add(hop.get("cause").asLong());
            }
        }
        assertTrue(titles.contains("ObjectCreated:Put s3://bank-transactions/transactions.txt"), titles.toString());
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("Lambda invocation of TransactionProcessor")), titles.toString());
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("Lambda invocation of TotalNotifier")), titles.toString());
        assertTrue(titles.contains("Delivered to email credit@example.com"), titles.toString());
        assertEquals(Set.of(publish), deliveryCauses, "both queue deliveries link to the one alert publish: " + titles);
        long last = flow.get("last").asLong();
        assertEquals(0, api(endpoint, "flow?since=" + last).get("hops").size());
        assertEquals(10_000, flow.get("capacity").asInt());
    }

    @Test
    void badQueriesAreClientErrorsAndResetStillNeedsJson(URI endpoint) throws Exception {
        HttpResponse<String> missing = send(endpoint, "GET", "/_cloudjar/api/dynamodb/items");
        assertEquals(400, missing.statusCode());
        assertEquals("ValidationException", missing.headers().firstValue("x-amzn-ErrorType").orElse(null));
        assertEquals(400, send(endpoint, "GET", "/_cloudjar/api/flow?since=x").statusCode());
        HttpResponse<String> noTable = send(endpoint, "GET", "/_cloudjar/api/dynamodb/table?name=Nope");
        assertEquals(400, noTable.statusCode(), "DynamoDB's own status for a missing table");
        assertEquals("ResourceNotFoundException", noTable.headers().firstValue("x-amzn-ErrorType").orElse(null));
        assertEquals(400, send(endpoint, "GET", "/_cloudjar/api/sqs/queue?arn=" + enc("arn:aws:sqs:us-east-1:000000000000:nope")).statusCode());
        for (String odd : List.of("sqs/queue?arn=arn:x", "sqs/queue?arn=" + enc("https://h/1/"), "sqs/queue?arn=q&max=-5",
                "s3/objects?bucket=nope", "s3/object?bucket=nope&key=" + enc("../a"), "lambda/function?name=" + enc("arn:aws:lambda:x"),
                "logs/events?group=" + enc("/no/such"), "dynamodb/items?name=Nope&start=" + enc("{\"id\":{\"S\":\"1\"}}"),
                "dynamodb/items?name=Nope&start=%7B", "dynamodb/table?name=" + enc("bad name!"), "flow?since=-1&newest=true")) {
            HttpResponse<String> response = send(endpoint, "GET", "/_cloudjar/api/" + odd);
            assertTrue(response.statusCode() < 500, odd + " -> " + response.statusCode() + " " + response.body());
        }
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/_cloudjar/reset"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, form.statusCode());
        HttpResponse<String> fromPage = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/_cloudjar/reset"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, fromPage.statusCode());
    }

    @Test
    void aVersionedObjectListsItsVersionsAndDeleteMarkersEachDownloadable(URI endpoint, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("console-versions"));
        s3.putBucketVersioning(b -> b.bucket("console-versions").versioningConfiguration(v -> v.status("Enabled")));
        String first = s3.putObject(b -> b.bucket("console-versions").key("notes/a b.txt"), RequestBody.fromString("one")).versionId();
        String second = s3.putObject(b -> b.bucket("console-versions").key("notes/a b.txt"), RequestBody.fromString("two")).versionId();
        String marker = s3.deleteObject(b -> b.bucket("console-versions").key("notes/a b.txt")).versionId();
        s3.putObject(b -> b.bucket("console-versions").key("notes/kept.txt"), RequestBody.fromString("kept"));
        int before = s3.listObjectVersions(b -> b.bucket("console-versions")).versions().size();

        JsonNode level = api(endpoint, "s3/objects?bucket=console-versions&prefix=notes/");
        assertEquals("Enabled", level.get("versioning").asText());
        assertEquals("notes/kept.txt", level.at("/objects/0/key").asText());
        assertEquals(1, level.get("objects").size(), "a deleted key is not a current object: " + level);
        assertEquals("notes/a b.txt", level.at("/deleted/0/key").asText(), level.toString());

        JsonNode object = api(endpoint, "s3/object?bucket=console-versions&key=" + enc("notes/a b.txt"));
        assertTrue(object.get("deleted").asBoolean(), object.toString());
        JsonNode versions = object.get("versions");
        assertEquals(3, versions.size(), versions.toString());
        assertEquals(marker, versions.at("/0/versionId").asText());
        assertTrue(versions.at("/0/deleteMarker").asBoolean() && versions.at("/0/latest").asBoolean());
        assertTrue(versions.get(0).path("download").isMissingNode(), "a delete marker has no bytes to download");
        assertEquals(List.of(second, first), List.of(versions.at("/1/versionId").asText(), versions.at("/2/versionId").asText()));
        assertFalse(versions.at("/1/latest").asBoolean());
        assertEquals(3, versions.at("/1/size").asLong());
        assertEquals("two", send(endpoint, "GET", versions.at("/1/download").asText()).body());
        assertEquals("one", send(endpoint, "GET", versions.at("/2/download").asText()).body());

        JsonNode kept = api(endpoint, "s3/object?bucket=console-versions&key=notes/kept.txt");
        assertFalse(kept.has("deleted"));
        assertEquals(1, kept.get("versions").size());
        assertEquals(kept.get("versionId").asText(), kept.at("/versions/0/versionId").asText());
        assertEquals("kept", send(endpoint, "GET", kept.at("/versions/0/download").asText()).body());
        assertEquals(before, s3.listObjectVersions(b -> b.bucket("console-versions")).versions().size(), "reading changes nothing");

        s3.createBucket(b -> b.bucket("console-unversioned"));
        s3.putObject(b -> b.bucket("console-unversioned").key("x"), RequestBody.fromString("x"));
        assertFalse(api(endpoint, "s3/object?bucket=console-unversioned&key=x").has("versions"), "no versions before versioning");
        assertTrue(api(endpoint, "s3/objects?bucket=console-unversioned").get("versioning").isNull());

        HttpResponse<String> never = send(endpoint, "GET", "/_cloudjar/api/s3/object?bucket=console-versions&key=never");
        assertEquals(404, never.statusCode());
        assertEquals("NoSuchKey", never.headers().firstValue("x-amzn-ErrorType").orElse(null));
        assertEquals(404, send(endpoint, "GET", "/_cloudjar/api/s3/object?bucket=nope-nope&key=a").statusCode());
        assertEquals(400, send(endpoint, "GET", "/_cloudjar/api/s3/object?bucket=console-versions").statusCode());
    }

    @Test
    void aStreamShowsItsShardsAndPeeksTheNewestRecordsOfOne(URI endpoint, KinesisClient kinesis) throws Exception {
        kinesis.createStream(b -> b.streamName("console-clicks").shardCount(2));
        List<String> sequences = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String data = "click " + i;
            sequences.add(kinesis.putRecord(b -> b.streamName("console-clicks").partitionKey("user-" + data).explicitHashKey("0")
                    .data(SdkBytes.fromUtf8String(data))).sequenceNumber());
        }
        kinesis.putRecord(b -> b.streamName("console-clicks").partitionKey("bin").explicitHashKey("0")
                .data(SdkBytes.fromByteArray(new byte[] {0, 1, 2, (byte) 0xff})));
        String big = "a" + "ü".repeat(3000); // 6,001 bytes: byte 4,096 is the middle of a character
        kinesis.putRecord(b -> b.streamName("console-clicks").partitionKey("big").explicitHashKey("0").data(SdkBytes.fromUtf8String(big)));
        String middle = java.math.BigInteger.ONE.shiftLeft(127).add(java.math.BigInteger.ONE.shiftLeft(126)).toString();
        kinesis.splitShard(b -> b.streamName("console-clicks").shardToSplit("shardId-000000000001").newStartingHashKey(middle));

        JsonNode listed = null;
        for (JsonNode s : api(endpoint, "kinesis/streams").get("streams")) {
            if (s.get("name").asText().equals("console-clicks")) {
                listed = s;
            }
        }
        assertNotNull(listed, "the stream is listed");
        assertEquals(3, listed.get("openShards").asInt(), listed.toString());
        assertEquals("PROVISIONED", listed.get("mode").asText());
        assertEquals(24, listed.get("retentionPeriodHours").asInt());

        JsonNode stream = api(endpoint, "kinesis/stream?name=console-clicks");
        assertEquals(kinesis.describeStreamSummary(b -> b.streamName("console-clicks")).streamDescriptionSummary().streamARN(),
                stream.get("arn").asText());
        JsonNode shards = stream.get("shards");
        assertEquals(4, shards.size(), shards.toString());
        var described = kinesis.listShards(b -> b.streamName("console-clicks")).shards();
        for (int i = 0; i < described.size(); i++) {
            var shard = described.get(i);
            JsonNode shown = shards.get(i);
            assertEquals(shard.shardId(), shown.get("shardId").asText());
            assertEquals(shard.hashKeyRange().startingHashKey(), shown.at("/hashKeyRange/startingHashKey").asText());
            assertEquals(shard.hashKeyRange().endingHashKey(), shown.at("/hashKeyRange/endingHashKey").asText());
            assertEquals(shard.sequenceNumberRange().startingSequenceNumber(), shown.at("/sequenceNumberRange/startingSequenceNumber").asText());
            assertEquals(shard.sequenceNumberRange().endingSequenceNumber(), shown.at("/sequenceNumberRange/endingSequenceNumber").textValue());
            assertEquals(shard.parentShardId(), shown.get("parentShardId").textValue());
        }
        assertFalse(shards.at("/1/open").asBoolean(), "the split shard is closed");
        assertTrue(shards.at("/1/sequenceNumberRange/endingSequenceNumber").isTextual());
        assertEquals("shardId-000000000001", shards.at("/3/parentShardId").asText());

        JsonNode newest = api(endpoint, "kinesis/records?name=console-clicks&shard=shardId-000000000000&limit=5");
        JsonNode records = newest.get("records");
        assertEquals(5, records.size());
        assertEquals(6001, records.at("/0/size").asInt(), "newest first: " + records);
        assertTrue(records.at("/0/dataTruncated").asBoolean());
        assertEquals("a" + "ü".repeat(2047), records.at("/0/text").asText(), "cut at 4 KiB on a character boundary");
        assertTrue(records.at("/1/text").isNull(), "binary data is not text");
        assertEquals("AAEC/w==", records.at("/1/data").asText());
        assertEquals("bin", records.at("/1/partitionKey").asText());
        assertEquals("click 24", records.at("/2/text").asText());
        assertEquals("Y2xpY2sgMjQ=", records.at("/2/data").asText());
        assertEquals(List.of(sequences.get(24), sequences.get(23), sequences.get(22)),
                List.of(records.at("/2/sequenceNumber").asText(), records.at("/3/sequenceNumber").asText(), records.at("/4/sequenceNumber").asText()));
        assertEquals(20, api(endpoint, "kinesis/records?name=console-clicks&shard=shardId-000000000000").get("records").size(), "20 by default");
        assertEquals(0, api(endpoint, "kinesis/records?name=console-clicks&shard=shardId-000000000002").get("records").size());
        String iterator = kinesis.getShardIterator(b -> b.streamName("console-clicks").shardId("shardId-000000000000")
                .shardIteratorType("TRIM_HORIZON")).shardIterator();
        assertEquals(27, kinesis.getRecords(b -> b.shardIterator(iterator)).records().size(), "peeking consumed nothing");

        for (String bad : List.of("kinesis/records?name=console-clicks", "kinesis/records?shard=shardId-000000000000",
                "kinesis/records?name=console-clicks&shard=shardId-000000000000&limit=0",
                "kinesis/records?name=console-clicks&shard=shardId-000000000000&limit=101",
                "kinesis/records?name=console-clicks&shard=shardId-000000000000&limit=x", "kinesis/stream")) {
            HttpResponse<String> response = send(endpoint, "GET", "/_cloudjar/api/" + bad);
            assertEquals(400, response.statusCode(), bad + ": " + response.body());
            assertEquals("ValidationException", response.headers().firstValue("x-amzn-ErrorType").orElse(null), bad);
        }
        for (String missing : List.of("kinesis/stream?name=nope", "kinesis/records?name=console-clicks&shard=shardId-000000000009",
                "kinesis/records?name=nope&shard=shardId-000000000000")) {
            HttpResponse<String> response = send(endpoint, "GET", "/_cloudjar/api/" + missing);
            assertEquals(400, response.statusCode(), missing + ": " + response.body());
            assertEquals("ResourceNotFoundException", response.headers().firstValue("x-amzn-ErrorType").orElse(null), missing);
        }
        for (String odd : List.of("kinesis/stream?name=" + enc("bad name!"), "kinesis/records?name=" + enc("x".repeat(300)) + "&shard=s")) {
            HttpResponse<String> response = send(endpoint, "GET", "/_cloudjar/api/" + odd);
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, odd + " -> " + response.statusCode() + " " + response.body());
        }
    }

    @Test
    void aRoleShowsItsTrustPolicyAndItsAttachedAndInlinePolicies(URI endpoint, IamClient iam) throws Exception {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String inline = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::console-bucket/*\"}]}";
        iam.createRole(b -> b.roleName("console-role").path("/service/").assumeRolePolicyDocument(trust).description("reads uploads"));
        iam.attachRolePolicy(b -> b.roleName("console-role").policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        String own = iam.createPolicy(b -> b.policyName("console-own").policyDocument(inline)).policy().arn();
        iam.attachRolePolicy(b -> b.roleName("console-role").policyArn(own));
        iam.putRolePolicy(b -> b.roleName("console-role").policyName("read-uploads").policyDocument(inline));
        iam.createRole(b -> b.roleName("console-bare").assumeRolePolicyDocument(trust));

        JsonNode listed = null;
        for (JsonNode r : api(endpoint, "iam/roles").get("roles")) {
            if (r.get("name").asText().equals("console-role")) {
                listed = r;
            }
        }
        assertNotNull(listed, "the role is listed");
        assertEquals("/service/", listed.get("path").asText());
        assertEquals(2, listed.get("attachedPolicies").asInt());
        assertEquals(1, listed.get("inlinePolicies").asInt());

        JsonNode role = api(endpoint, "iam/role?name=console-role");
        assertEquals(iam.getRole(b -> b.roleName("console-role")).role().arn(), role.get("arn").asText());
        assertEquals("reads uploads", role.get("description").asText());
        assertEquals("lambda.amazonaws.com", role.at("/trustPolicy/Statement/0/Principal/Service").asText(), "the trust policy as JSON");
        JsonNode attached = role.get("attachedPolicies");
        assertEquals(2, attached.size(), attached.toString());
        assertEquals("AWSLambdaBasicExecutionRole", attached.at("/0/policyName").asText());
        assertEquals("logs:CreateLogGroup", attached.at("/0/document/Statement/0/Action/0").asText(), "the default version's document: " + attached);
        assertEquals(own, attached.at("/1/policyArn").asText());
        assertEquals("v1", attached.at("/1/defaultVersionId").asText());
        assertEquals("s3:GetObject", attached.at("/1/document/Statement/0/Action").asText());
        assertEquals("read-uploads", role.at("/inlinePolicies/0/policyName").asText());
        assertEquals("arn:aws:s3:::console-bucket/*", role.at("/inlinePolicies/0/document/Statement/0/Resource").asText());
        JsonNode bare = api(endpoint, "iam/role?name=console-bare");
        assertEquals(0, bare.get("attachedPolicies").size());
        assertEquals(0, bare.get("inlinePolicies").size());

        HttpResponse<String> missing = send(endpoint, "GET", "/_cloudjar/api/iam/role?name=nope");
        assertEquals(404, missing.statusCode(), "IAM's own status for a missing role: " + missing.body());
        assertEquals("NoSuchEntity", missing.headers().firstValue("x-amzn-ErrorType").orElse(null));
        assertEquals(400, send(endpoint, "GET", "/_cloudjar/api/iam/role").statusCode());
        for (String odd : List.of("iam/role?name=" + enc("bad name!"), "iam/role?name=" + enc("x".repeat(100)), "iam/role?name=" + enc("../etc"))) {
            HttpResponse<String> response = send(endpoint, "GET", "/_cloudjar/api/" + odd);
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, odd + " -> " + response.statusCode() + " " + response.body());
        }
    }

    @Test
    void kinesisPutsLinkToTheMappingBatchAndTheInvocationTheyCaused(CloudJar cloudJar, URI endpoint, KinesisClient kinesis,
                                                                    LambdaClient lambda) throws Exception {
        String uuid = clickCounterOn(kinesis, lambda, "console-flow-clicks", "ConsoleClickCounter");
        String arn = kinesis.describeStreamSummary(b -> b.streamName("console-flow-clicks")).streamDescriptionSummary().streamARN();
        kinesis.putRecords(b -> b.streamName("console-flow-clicks").records(
                r -> r.partitionKey("u1").data(SdkBytes.fromUtf8String("/home")),
                r -> r.partitionKey("u2").data(SdkBytes.fromUtf8String("/cart")),
                r -> r.partitionKey("u3").data(SdkBytes.fromUtf8String("/home"))));
        JsonNode invocation = Workshop.eventually(java.time.Duration.ofSeconds(60), () -> {
            for (JsonNode h : api(endpoint, "flow?since=0").get("hops")) {
                if (h.get("title").asText().startsWith("Lambda invocation of ConsoleClickCounter")) {
                    return h;
                }
            }
            return null;
        });
        assertNotNull(invocation, "the mapping invoked the function");
        assertEquals(3, invocation.at("/payload/result").asInt(), invocation.toString());
        JsonNode batch = api(endpoint, "flow/hop?id=" + invocation.get("cause").asLong());
        assertEquals("Mapping batch of 3 Kinesis records from console-flow-clicks", batch.get("title").asText());
        assertEquals(arn, batch.at("/payload/eventSourceArn").asText());
        JsonNode put = api(endpoint, "flow/hop?id=" + batch.get("cause").asLong());
        assertEquals("3 records put to Kinesis stream console-flow-clicks", put.get("title").asText());
        assertEquals("kinesis", put.get("service").asText());
        assertFalse(put.has("cause"), "the test put the records, not a function: " + put);
        assertEquals(arn, put.at("/payload/streamArn").asText());
        assertEquals(3, put.at("/payload/shards/0/records").asInt());
        assertEquals(invocation.at("/payload/event/Records/2/kinesis/sequenceNumber").asText(),
                put.at("/payload/shards/0/newestSequenceNumber").asText());
        lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
    }

    @Test
    void resetEmptiesTheFlow(URI endpoint, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("flowing"));
        s3.putObject(b -> b.bucket("flowing").key("a.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("a"));
        JsonNode hop = Workshop.eventually(java.time.Duration.ofSeconds(10), () -> {
            for (JsonNode h : api(endpoint, "flow?since=0").get("hops")) {
                if (h.get("resource").asText().equals("flowing/a.txt")) {
                    return h;
                }
            }
            return null;
        });
        assertNotNull(hop, "the upload is a hop");
        assertEquals("s3", hop.get("service").asText());
        assertEquals("a.txt", hop.at("/payload/key").asText());
        HttpResponse<String> reset = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/_cloudjar/reset"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reset.statusCode());
        assertFalse(api(endpoint, "flow?since=0").get("hops").elements().hasNext());
    }

    @Test
    void theConsolePagesCommandsPrintWhatItSays(CloudJar cloudJar) {
        List<String> blocks = dev.cloudjar.testing.MarkdownBlocks.bash(java.nio.file.Path.of("../docs/console.md"));
        assertEquals(1, blocks.size(), "console.md has one block of commands");
        String port = cloudJar.endpoint().substring(cloudJar.endpoint().lastIndexOf(':') + 1);
        String script = "set -euo pipefail\n" + blocks.get(0).replace("http://127.0.0.1:4566", "http://127.0.0.1:" + port);
        assertEquals("302\n10000\n", new dev.cloudjar.testing.CliRunner(cloudJar.endpoint()).run(List.of("bash", "-c", script), null)
                .assertSuccess().stdout());
    }

    /** A one-shard stream read by the ClickCounter sample through a mapping from TRIM_HORIZON; answers the mapping's UUID. */
    static String clickCounterOn(KinesisClient kinesis, LambdaClient lambda, String stream, String function) {
        kinesis.createStream(b -> b.streamName(stream).shardCount(1));
        String arn = kinesis.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary().streamARN();
        Workshop.createFunction(lambda, function, "dev.cloudjar.samples.clicks.ClickCounter::handleRequest");
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(function));
        return lambda.createEventSourceMapping(b -> b.functionName(function).eventSourceArn(arn).batchSize(10)
                .startingPosition(software.amazon.awssdk.services.lambda.model.EventSourcePosition.TRIM_HORIZON)).uuid();
    }

    static JsonNode api(URI endpoint, String path) {
        try {
            HttpResponse<String> response = send(endpoint, "GET", "/_cloudjar/api/" + path);
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    private static HttpResponse<String> send(URI endpoint, String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
