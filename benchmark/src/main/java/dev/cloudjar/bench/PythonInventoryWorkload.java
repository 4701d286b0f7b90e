package dev.cloudjar.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The seed 000 inventory workshop with its two Python functions as printed (python3.12, child
 * processes): PutObject of a one-row CSV whose count is 0 -> Load-Inventory -> Inventory -> stream ->
 * Check-Stock -> NoStock -> a raw SQS subscriber. Latency = from PutObject returning until the alert
 * is receivable, p50 over --bank-runs runs; every run uses a new item (an unchanged item writes no
 * stream record).
 */
public final class PythonInventoryWorkload implements Workload {
    static final String LABEL = "PutObject -> NoStock alert (Python functions)";

    @Override
    public String group() {
        return "lambda";
    }

    @Override
    public boolean comparesToNoop() {
        return false;
    }

    @Override
    public String title() {
        return "Lambda inventory pipeline, Python (S3 -> Lambda -> DynamoDB -> stream -> Lambda -> SNS -> SQS)";
    }

    @Override
    public void run(Target target) throws Exception {
        Clients c = target.clients();
        String bucket = "bench-inventory-" + Long.toHexString(System.nanoTime());
        String queueUrl;
        try {
            queueUrl = setUp(target, bucket);
        } catch (Exception e) {
            target.report().notAvailable("Python inventory pipeline set-up", LoadRunner.describe(e));
            return;
        }
        LatencyRecorder latencies = new LatencyRecorder();
        long cpu0 = target.serverCpuMillis();
        long start = System.nanoTime();
        for (int run = 0; run < target.options().bankRuns; run++) {
            String csv = "store,item,count\nBench," + "Item " + run + "-" + Long.toHexString(System.nanoTime()) + ",0\n";
            AtomicLong arrived = new AtomicLong();
            Thread consumer = new Thread(() -> BankPipelineWorkload.awaitMessage(c.sqs(), queueUrl, arrived), "inventory-consumer");
            consumer.start();
            c.s3().putObject(b -> b.bucket(bucket).key("inventory-" + System.nanoTime() + ".csv"), RequestBody.fromString(csv));
            long t0 = System.nanoTime();
            consumer.join(TimeUnit.SECONDS.toMillis(35));
            if (arrived.get() == 0) {
                target.report().notAvailable("Python inventory pipeline", "run " + (run + 1) + ": no alert within 30 s of PutObject");
                break;
            }
            latencies.record(Math.max(0, arrived.get() - t0));
        }
        long cpu = cpu0 < 0 ? -1 : target.serverCpuMillis() - cpu0;
        if (latencies.count() > 0) {
            target.show(new Measurement(LABEL, 1, latencies.count(), 0, System.nanoTime() - start, latencies.p50(),
                    latencies.p99(), cpu, null), false);
        }
    }

    private static String setUp(Target target, String bucket) throws IOException {
        Clients c = target.clients();
        DynamoDbClient ddb = c.dynamoDb();
        try {
            ddb.createTable(b -> b.tableName("Inventory").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("Store").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("Item").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("Store").keyType(KeyType.HASH), k -> k.attributeName("Item").keyType(KeyType.RANGE))
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        } catch (ResourceInUseException exists) {
            // a previous run against the same server left it
        }
        DynamoDbTables.awaitActive(ddb, "Inventory");
        String topicArn = c.sns().createTopic(b -> b.name("NoStock")).topicArn();
        SqsClient sqs = c.sqs();
        String url = sqs.createQueue(b -> b.queueName("bench-no-stock")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        c.sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn).attributes(java.util.Map.of("RawMessageDelivery", "true")));
        LambdaClient lambda = c.lambda();
        // beside sample-functions/target/sample-functions.jar: sample-functions/src/main/python/inventory
        java.nio.file.Path sources = target.options().functionsJar().toAbsolutePath().getParent().getParent()
                .resolve("src/main/python/inventory");
        String loader = createIfAbsent(lambda, c.account(), "Load-Inventory", sources.resolve("load_inventory.py"));
        createIfAbsent(lambda, c.account(), "Check-Stock", sources.resolve("check_stock.py"));
        c.s3().createBucket(b -> b.bucket(bucket));
        c.s3().putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .lambdaFunctionConfigurations(l -> l.lambdaFunctionArn(loader).events(Event.S3_OBJECT_CREATED))));
        String streamArn = ddb.describeTable(b -> b.tableName("Inventory")).table().latestStreamArn();
        if (lambda.listEventSourceMappings(b -> b.functionName("Check-Stock")).eventSourceMappings().isEmpty()) {
            String uuid = lambda.createEventSourceMapping(b -> b.functionName("Check-Stock").eventSourceArn(streamArn)
                    .startingPosition(EventSourcePosition.LATEST)).uuid();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!"Enabled".equals(lambda.getEventSourceMapping(b -> b.uuid(uuid)).state()) && System.nanoTime() < deadline) {
                ServerProcess.sleepMillis(20);
            }
        }
        return url;
    }

    private static String createIfAbsent(LambdaClient lambda, String account, String name, java.nio.file.Path source)
            throws IOException {
        SdkBytes zip = zip(source);
        try {
            lambda.createFunction(b -> b.functionName(name).runtime("python3.12").handler("lambda_function.lambda_handler")
                    .role("arn:aws:iam::" + account + ":role/lambda-workshop").timeout(30).memorySize(512).code(z -> z.zipFile(zip)));
        } catch (ResourceConflictException exists) {
            // reuse it
        }
        LambdaFunctions.awaitActive(lambda, name, Duration.ofSeconds(30));
        return lambda.getFunctionConfiguration(b -> b.functionName(name)).functionArn();
    }

    /** The workshop's source as lambda_function.py, the console's default handler file. */
    private static SdkBytes zip(java.nio.file.Path source) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = java.nio.file.Files.newInputStream(source); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("lambda_function.py"));
            in.transferTo(zip);
            zip.closeEntry();
        }
        return SdkBytes.fromByteArray(bytes.toByteArray());
    }
}
