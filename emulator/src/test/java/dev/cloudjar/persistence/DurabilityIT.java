package dev.cloudjar.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.Main;
import dev.cloudjar.services.lambda.TestPackages;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Every acknowledged write survives {@code kill -9} of a CloudJar under concurrent load on every service:
 * S3 objects, DynamoDB items, SQS sends and deletes, SNS topics and subscriptions, Lambda functions. Each trial
 * kills at a random moment (seeded: {@code -Dcloudjar.durability.seed}), restarts on the same data dir and
 * checks that nothing acknowledged is lost, no deleted message comes back and nothing half-written appears.
 * {@code -Dcloudjar.durability.trials=20} runs the twenty trials.
 */
class DurabilityIT {
    private static final Pattern READY = Pattern.compile("ready on (http://127\\.0\\.0\\.1:\\d+)");
    private static final int TRIALS = Integer.getInteger("cloudjar.durability.trials", 3);
    private static final long SEED = Long.getLong("cloudjar.durability.seed", 20261204L);

    @TempDir
    Path dataDir;

    /** What the server acknowledged, and so must still hold after any crash. */
    private static final class Acked {
        final Set<String> objects = ConcurrentHashMap.newKeySet();
        final Set<String> items = ConcurrentHashMap.newKeySet();
        final Set<String> sent = ConcurrentHashMap.newKeySet();
        final Set<String> deleted = ConcurrentHashMap.newKeySet();
        /** Deletes sent, acknowledged or not: a delete the crash cut off may or may not have happened. */
        final Set<String> deleting = ConcurrentHashMap.newKeySet();
        final Set<String> topics = ConcurrentHashMap.newKeySet();
        final Set<String> functions = ConcurrentHashMap.newKeySet();
    }

    @Test
    void acknowledgedWritesOfEveryServiceSurviveKillDashNine() throws Exception {
        Random random = new Random(SEED);
        Acked acked = new Acked();
        byte[] code = TestPackages.fixtures();
        Process server = start();
        URI endpoint = endpointOf(server);
        try (Clients c = new Clients(endpoint)) {
            c.s3.createBucket(b -> b.bucket("durable"));
            c.dynamo.createTable(b -> b.tableName("durable").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
            c.sqs.createQueue(b -> b.queueName("durable"));
        }
        int sequence = 0;
        List<String> report = new ArrayList<>();
        try {
            for (int trial = 1; trial <= TRIALS; trial++) {
                long killAfter = 300 + random.nextInt(1200);
                AtomicInteger writes = new AtomicInteger();
                try (Clients c = new Clients(endpoint)) {
                    String queue = c.sqs.getQueueUrl(b -> b.queueName("durable")).queueUrl();
                    AtomicBoolean stop = new AtomicBoolean();
                    ExecutorService writers = Executors.newFixedThreadPool(5);
                    int base = sequence;
                    writers.submit(() -> loop(stop, base, n -> {
                        c.s3.putObject(b -> b.bucket("durable").key("o-" + n), RequestBody.fromString("body of o-" + n));
                        acked.objects.add("o-" + n);
                    }, writes));
                    writers.submit(() -> loop(stop, base, n -> {
                        c.dynamo.putItem(b -> b.tableName("durable").item(Map.of("pk", AttributeValue.fromS("i-" + n),
                                "payload", AttributeValue.fromS("payload of i-" + n))));
                        acked.items.add("i-" + n);
                    }, writes));
                    writers.submit(() -> loop(stop, base, n -> {
                        c.sqs.sendMessage(b -> b.queueUrl(queue).messageBody("m-" + n));
                        acked.sent.add("m-" + n);
                        if (n % 3 == 0) {
                            for (Message m : c.sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(2).visibilityTimeout(1)).messages()) {
                                acked.deleting.add(m.body());
                                c.sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
                                acked.deleted.add(m.body());
                            }
                        }
                    }, writes));
                    writers.submit(() -> loop(stop, base, n -> {
                        String arn = c.sns.createTopic(b -> b.name("t-" + n)).topicArn();
                        acked.topics.add(arn);
                    }, writes));
                    writers.submit(() -> loop(stop, base, n -> {
                        if (n % 10 == 0) {
                            c.lambda.createFunction(b -> b.functionName("f-" + n).runtime(Runtime.JAVA21).role("arn:aws:iam::000000000000:role/r")
                                    .handler("dev.cloudjar.services.lambda.fixtures.EchoHandler::handleRequest")
                                    .code(z -> z.zipFile(SdkBytes.fromByteArray(code))));
                            acked.functions.add("f-" + n);
                        }
                    }, writes));
                    Thread.sleep(killAfter);
                    server.destroyForcibly();
                    assertTrue(server.waitFor(30, TimeUnit.SECONDS));
                    assertEquals(137, server.exitValue(), "killed with SIGKILL");
                    stop.set(true);
                    writers.shutdown();
                    assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));
                }
                sequence += 100_000;
                server = start();
                try {
                    endpoint = endpointOf(server);
                } catch (AssertionError e) {
                    keepForInspection();
                    throw e;
                }
                try (Clients c = new Clients(endpoint)) {
                    verify(c, acked);
                }
                report.add("trial " + trial + ": killed after " + killAfter + " ms and " + writes.get() + " acknowledged writes, all there");
            }
        } finally {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // also when a check failed: no server outlives the test
        }
        System.out.println("durability: seed " + SEED + "\n" + String.join("\n", report));
    }

    private interface Write {
        void write(int n) throws Exception;
    }

    /** Writes until stopped; a write cut off by the kill is not acknowledged and so not counted. */
    private static void loop(AtomicBoolean stop, int base, Write write, AtomicInteger writes) {
        for (int n = base; !stop.get(); n++) {
            try {
                write.write(n);
                writes.incrementAndGet();
            } catch (Exception e) {
                return; // the server is gone
            }
        }
    }

    private static void verify(Clients c, Acked acked) {
        Set<String> objects = new HashSet<>();
        for (S3Object o : c.s3.listObjectsV2Paginator(b -> b.bucket("durable")).contents()) {
            objects.add(o.key());
        }
        assertEquals(Set.of(), missing(acked.objects, objects), "acknowledged objects are there");
        for (String key : objects) {
            // acknowledged or not, an object that is there is whole
            assertEquals("body of " + key, c.s3.getObjectAsBytes(b -> b.bucket("durable").key(key)).asUtf8String());
        }
        Set<String> items = new HashSet<>();
        c.dynamo.scanPaginator(b -> b.tableName("durable")).items().forEach(item -> {
            String pk = item.get("pk").s();
            assertEquals("payload of " + pk, item.get("payload").s(), "an item that is there is whole");
            items.add(pk);
        });
        assertEquals(Set.of(), missing(acked.items, items), "acknowledged items are there (of " + acked.items.size() + ")");

        String queue = c.sqs.getQueueUrl(b -> b.queueName("durable")).queueUrl();
        Set<String> bodies = new HashSet<>();
        for (int empty = 0; empty < 2; ) {
            List<Message> got = c.sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0).visibilityTimeout(30)).messages();
            if (got.isEmpty()) {
                empty++;
            }
            got.forEach(m -> bodies.add(m.body()));
        }
        for (String body : bodies) {
            assertTrue(!acked.deleted.contains(body), "a deleted message does not come back: " + body);
        }
        Set<String> expected = new HashSet<>(acked.sent);
        expected.removeAll(acked.deleting);
        // messages received but not yet deleted when the server died are invisible for at most a second; wait them out
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!bodies.containsAll(expected) && System.nanoTime() < deadline) {
            c.sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout(30))
                    .messages().forEach(m -> bodies.add(m.body()));
        }
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(bodies);
        assertEquals(Set.of(), missing, "acknowledged, undeleted messages are all there");
        // make them visible again for the next trial's checks
        c.sqs.purgeQueue(b -> b.queueUrl(queue));
        acked.sent.clear();
        acked.deleted.clear();
        acked.deleting.clear();

        Set<String> topics = new HashSet<>();
        c.sns.listTopicsPaginator().topics().stream().map(Topic::topicArn).forEach(topics::add);
        assertEquals(Set.of(), missing(acked.topics, topics), "acknowledged topics are there");
        for (String fn : acked.functions) {
            assertEquals("Active", c.lambda.getFunction(b -> b.functionName(fn)).configuration().stateAsString(), fn);
        }
    }

    /** A data dir CloudJar cannot start on is copied to target/ for a person to look at. */
    private void keepForInspection() throws java.io.IOException {
        Path copy = Path.of("target", "durability-failed-" + System.currentTimeMillis());
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dataDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = copy.resolve(dataDir.relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) {
                    java.nio.file.Files.createDirectories(to);
                } else {
                    java.nio.file.Files.copy(f, to);
                }
            }
        }
    }

    private static Set<String> missing(Set<String> expected, Set<String> present) {
        Set<String> missing = new java.util.TreeSet<>(expected);
        missing.removeAll(present);
        return missing;
    }

    private Process start() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName(), "--port", "0", "--data-dir", dataDir.toString(), "--log-level", "warn");
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static URI endpointOf(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        StringBuilder said = new StringBuilder();
        for (String line; System.nanoTime() < deadline && (line = out.readLine()) != null; ) {
            said.append(line).append('\n');
            Matcher ready = READY.matcher(line);
            if (ready.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException ignored) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return URI.create(ready.group(1));
            }
        }
        server.destroyForcibly();
        throw new AssertionError("CloudJar did not start:\n" + said);
    }

    /** SDK clients without retries: a write the crash interrupted must fail, not be retried into the next server. */
    private static final class Clients implements AutoCloseable {
        final S3Client s3;
        final DynamoDbClient dynamo;
        final SqsClient sqs;
        final SnsClient sns;
        final LambdaClient lambda;

        Clients(URI endpoint) {
            s3 = configure(S3Client.builder(), endpoint).forcePathStyle(true).build();
            dynamo = configure(DynamoDbClient.builder(), endpoint).build();
            sqs = configure(SqsClient.builder(), endpoint).build();
            sns = configure(SnsClient.builder(), endpoint).build();
            lambda = configure(LambdaClient.builder(), endpoint).build();
        }

        private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, URI endpoint) {
            return builder.endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(30)).retryStrategy(b -> b.maxAttempts(1)));
        }

        @Override
        public void close() {
            s3.close();
            dynamo.close();
            sqs.close();
            sns.close();
            lambda.close();
        }
    }
}
