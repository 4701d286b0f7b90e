package dev.cloudjar.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The bank workshop pipeline end to end: PutObject transactions.txt -> TransactionProcessor -> tables
 * Customer and Transactions -> stream -> TotalNotifier -> TransactionTotal and topic HighBalanceAlert ->
 * queues CustomerNotify and CreditCollection. Latency = from PutObject returning until the alert is
 * receivable from both queues (long-polling consumers), p50 over --bank-runs runs. Each run uses fresh
 * transaction ids (an unchanged item writes no stream record) and first resets TransactionTotal, so
 * every run raises exactly one alert (C2 reaching 1750).
 */
public final class BankPipelineWorkload implements Workload {
    private static final String PROCESSOR = "TransactionProcessor";
    private static final String NOTIFIER = "TotalNotifier";

    @Override
    public String group() {
        return "lambda";
    }

    @Override
    public boolean comparesToNoop() {
        return false; // messages/s and latencies of a pipeline, not calls comparable with one no-op call
    }

    @Override
    public String title() {
        return "Lambda bank pipeline (S3 -> Lambda -> DynamoDB -> stream -> Lambda -> SNS -> 2 SQS)";
    }

    @Override
    public void run(Target target) throws Exception {
        Report report = target.report();
        Clients c = target.clients();
        String bucket = "bench-bank-" + Long.toHexString(System.nanoTime());
        String[] queues;
        try {
            queues = setUp(target, bucket);
        } catch (Exception e) {
            report.notAvailable("bank pipeline set-up", LoadRunner.describe(e));
            return;
        }
        List<String> template = readTransactions();
        LatencyRecorder latencies = new LatencyRecorder();
        long cpu0 = target.serverCpuMillis();
        long start = System.nanoTime();
        for (int run = 0; run < target.options().bankRuns; run++) {
            for (String customer : List.of("C1", "C2")) {
                c.dynamoDb().deleteItem(b -> b.tableName("TransactionTotal").key(Map.of("CustomerId", AttributeValue.fromS(customer))));
            }
            for (String url : queues) {
                drain(c.sqs(), url);
            }
            byte[] file = transactionsForRun(template, run);
            AtomicLong[] arrived = {new AtomicLong(), new AtomicLong()};
            Thread[] consumers = new Thread[2];
            for (int q = 0; q < 2; q++) {
                int index = q;
                consumers[q] = new Thread(() -> awaitMessage(c.sqs(), queues[index], arrived[index]), "bank-consumer-" + q);
                consumers[q].start();
            }
            c.s3().putObject(b -> b.bucket(bucket).key("transactions.txt"), RequestBody.fromBytes(file));
            long t0 = System.nanoTime();
            for (Thread consumer : consumers) {
                consumer.join(TimeUnit.SECONDS.toMillis(35));
            }
            if (arrived[0].get() == 0 || arrived[1].get() == 0) {
                report.notAvailable("bank pipeline", "run " + (run + 1) + ": no alert in "
                        + (arrived[0].get() == 0 ? "CustomerNotify " : "") + (arrived[1].get() == 0 ? "CreditCollection " : "")
                        + "within 30 s of PutObject");
                break;
            }
            // max(0, ..): a server may deliver before PutObject's response has reached us
            latencies.record(Math.max(0, Math.max(arrived[0].get(), arrived[1].get()) - t0));
        }
        long cpu = cpu0 < 0 ? -1 : target.serverCpuMillis() - cpu0;
        if (latencies.count() > 0) {
            Measurement m = new Measurement("PutObject -> alert in both queues", 1, latencies.count(), 0,
                    System.nanoTime() - start, latencies.p50(), latencies.p99(), cpu, null);
            target.show(m, false);
            target.report().note("(ops = pipeline runs; srv CPU/op = server CPU per whole run, incl. the reset and drain calls)");
        }
    }

    /** Creates (or reuses) the workshop's tables, topic, queues, functions and triggers; answers the queue URLs. */
    private String[] setUp(Target target, String bucket) throws IOException {
        Clients c = target.clients();
        SdkBytes zip = LambdaFunctions.code(target.options().functionsJar());
        DynamoDbClient ddb = c.dynamoDb();
        createTable(ddb, "Customer", false, false);
        createTable(ddb, "Transactions", true, true);
        createTable(ddb, "TransactionTotal", false, false);
        SnsClient sns = c.sns();
        String topicArn = sns.createTopic(b -> b.name("HighBalanceAlert")).topicArn();
        SqsClient sqs = c.sqs();
        String[] urls = new String[2];
        String[] names = {"CustomerNotify", "CreditCollection"};
        for (int i = 0; i < 2; i++) {
            String name = names[i];
            urls[i] = sqs.createQueue(b -> b.queueName(name)).queueUrl();
            String url = urls[i];
            String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn));
        }
        LambdaClient lambda = c.lambda();
        createFunctionIfAbsent(lambda, c.account(), PROCESSOR, "dev.cloudjar.samples.bank.TransactionProcessor::handleRequest", zip);
        createFunctionIfAbsent(lambda, c.account(), NOTIFIER, "dev.cloudjar.samples.bank.TotalNotifier::handleRequest", zip);
        S3Client s3 = c.s3();
        s3.createBucket(b -> b.bucket(bucket));
        String processorArn = lambda.getFunctionConfiguration(b -> b.functionName(PROCESSOR)).functionArn();
        lambda.addPermission(b -> b.functionName(PROCESSOR).statementId("s3-" + bucket).action("lambda:InvokeFunction")
                .principal("s3.amazonaws.com").sourceArn("arn:aws:s3:::" + bucket));
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .lambdaFunctionConfigurations(l -> l.lambdaFunctionArn(processorArn).events(Event.S3_OBJECT_CREATED))));
        String streamArn = ddb.describeTable(b -> b.tableName("Transactions")).table().latestStreamArn();
        boolean mapped = lambda.listEventSourceMappings(b -> b.functionName(NOTIFIER)).eventSourceMappings().stream()
                .anyMatch(m -> streamArn.equals(m.eventSourceArn()));
        if (!mapped) {
            String uuid = lambda.createEventSourceMapping(b -> b.functionName(NOTIFIER).eventSourceArn(streamArn)
                    .startingPosition(EventSourcePosition.LATEST).batchSize(100)).uuid();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!"Enabled".equals(lambda.getEventSourceMapping(b -> b.uuid(uuid)).state()) && System.nanoTime() < deadline) {
                ServerProcess.sleepMillis(20);
            }
        }
        return urls;
    }

    private static void createTable(DynamoDbClient ddb, String name, boolean rangeKey, boolean stream) {
        try {
            ddb.createTable(b -> {
                b.tableName(name).billingMode("PAY_PER_REQUEST");
                if (rangeKey) {
                    b.attributeDefinitions(a -> a.attributeName("CustomerId").attributeType(ScalarAttributeType.S),
                                    a -> a.attributeName("TransactionId").attributeType(ScalarAttributeType.S))
                            .keySchema(k -> k.attributeName("CustomerId").keyType(KeyType.HASH),
                                    k -> k.attributeName("TransactionId").keyType(KeyType.RANGE));
                } else {
                    b.attributeDefinitions(a -> a.attributeName("CustomerId").attributeType(ScalarAttributeType.S))
                            .keySchema(k -> k.attributeName("CustomerId").keyType(KeyType.HASH));
                }
                if (stream) {
                    b.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE));
                }
            });
        } catch (ResourceInUseException exists) {
            // a previous run against the same server left it: reuse it
        }
        DynamoDbTables.awaitActive(ddb, name);
    }

    private static void createFunctionIfAbsent(LambdaClient lambda, String account, String name, String handler, SdkBytes zip) {
        try {
            LambdaFunctions.create(lambda, account, name, handler, zip, 20);
        } catch (ResourceConflictException exists) {
            LambdaFunctions.awaitActive(lambda, name, Duration.ofSeconds(30));
        }
    }

    /** Long-polls until one message arrives (its arrival time goes into arrivedAt) or 30 s pass. */
    static void awaitMessage(SqsClient sqs, String url, AtomicLong arrivedAt) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1).waitTimeSeconds(1)).messages();
                if (!messages.isEmpty()) {
                    arrivedAt.set(System.nanoTime());
                    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(messages.get(0).receiptHandle()));
                    return;
                }
            } catch (RuntimeException e) {
                ServerProcess.sleepMillis(100);
            }
        }
    }

    private static void drain(SqsClient sqs, String url) {
        while (true) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return;
            }
            for (Message m : messages) {
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
    }

    private static List<String> readTransactions() throws IOException {
        try (InputStream in = BankPipelineWorkload.class.getResourceAsStream("/bank/transactions.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The workshop file with the run number in every transaction id (trn_id, the third column). */
    static byte[] transactionsForRun(List<String> template, int run) {
        StringBuilder out = new StringBuilder(template.get(0)).append('\n');
        for (String line : template.subList(1, template.size())) {
            String[] f = line.split("\\|", -1);
            f[2] = "R" + run + "-" + f[2];
            out.append(String.join("|", f)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
