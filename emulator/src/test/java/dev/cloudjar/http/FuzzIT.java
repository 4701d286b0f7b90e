package dev.cloudjar.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import dev.cloudjar.testing.RequestFuzzer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Thousands of seeded, reproducible hostile requests at every protocol (see {@link RequestFuzzer}):
 * no 5xx (S3's and Lambda's own 501 for what is not implemented aside), no hang, no crash, no thread or
 * file-descriptor leak, nothing written outside CloudJar's folders, and normal requests still served after.
 * {@code -Dcloudjar.fuzz.seed=N -Dcloudjar.fuzz.requests=M} reproduces or widens a run.
 */
@ExtendWith(CloudJarExtension.class)
class FuzzIT {
    private static final long SEED = Long.getLong("cloudjar.fuzz.seed", 20261203L);
    private static final int REQUESTS = Integer.getInteger("cloudjar.fuzz.requests", 10_000);
    private static final int ANSWER_WITHIN_MS = 20_000;

    @Test
    void hostileRequestsGetFourHundredsAndCloudJarKeepsServing(CloudJar cloudJar, URI endpoint, S3Client s3, DynamoDbClient dynamo,
                                                              SqsClient sqs, LambdaClient lambda) throws Exception {
        String[] buckets = {"fuzz-bucket", "fuzz-other", "no-such-bucket"};
        for (String b : List.of("fuzz-bucket", "fuzz-other")) {
            s3.createBucket(r -> r.bucket(b));
            s3.putObject(r -> r.bucket(b).key("k"), RequestBody.fromString("seed"));
        }
        dynamo.createTable(b -> b.tableName("fuzz").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_AND_OLD_IMAGES")));
        String queue = sqs.createQueue(b -> b.queueName("fuzz")).queueUrl();
        String fifo = sqs.createQueue(b -> b.queueName("fuzz.fifo").attributes(Map.of(
                software.amazon.awssdk.services.sqs.model.QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        byte[] sampleJar = readSampleJar();
        lambda.createFunction(b -> b.functionName("fuzz-fn").runtime(Runtime.JAVA21).role("arn:aws:iam::000000000000:role/r")
                .handler("dev.cloudjar.samples.hello.HelloWorld::handleRequest")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(sampleJar))));

        long threadsBefore = threads();
        long fdsBefore = openFiles();
        String host = endpoint.getHost() + ":" + endpoint.getPort();
        RequestFuzzer fuzzer = new RequestFuzzer(SEED, host, buckets, new String[] {"fuzz-fn", "no-such-fn"},
                new String[] {"fuzz", "no-such-table"}, new String[] {queue, fifo, endpoint + "/000000000000/missing"});
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            RequestFuzzer.FuzzRequest request = fuzzer.next();
            String outcome = send(endpoint, request);
            statuses.merge(request.category() + " " + outcome, 1, Integer::sum);
            if (!acceptable(request, outcome) && failures.size() < 15) {
                failures.add("#" + i + " -> " + outcome + "\n" + request.describe());
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("fuzz: seed " + SEED + ", " + REQUESTS + " requests in " + millis + " ms; outcomes " + statuses);
        assertTrue(failures.isEmpty(), "seed " + SEED + ": " + failures.size() + "+ unacceptable answers:\n" + String.join("\n\n", failures));

        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(60)), "what the requests set off settles");
        // the requests may have deleted what was made for them: normal work goes to new resources
        s3.createBucket(r -> r.bucket("after-fuzz"));
        s3.putObject(r -> r.bucket("after-fuzz").key("after/fuzz.txt"), RequestBody.fromString("still here"));
        assertEquals("still here", s3.getObjectAsBytes(r -> r.bucket("after-fuzz").key("after/fuzz.txt")).asUtf8String(), "S3 still serves");
        dynamo.createTable(b -> b.tableName("after-fuzz").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
        dynamo.putItem(b -> b.tableName("after-fuzz").item(Map.of("pk", AttributeValue.fromS("after"))));
        assertEquals("after", dynamo.getItem(b -> b.tableName("after-fuzz").key(Map.of("pk", AttributeValue.fromS("after")))).item().get("pk").s());
        String afterQueue = sqs.createQueue(b -> b.queueName("after-fuzz")).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(afterQueue).messageBody("after fuzz"));
        assertEquals("after fuzz", sqs.receiveMessage(b -> b.queueUrl(afterQueue).waitTimeSeconds(5)).messages().get(0).body());
        lambda.createFunction(b -> b.functionName("after-fuzz-fn").runtime(Runtime.JAVA21).role("arn:aws:iam::000000000000:role/r")
                .handler("dev.cloudjar.samples.hello.HelloWorld::handleRequest")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(sampleJar))));
        assertTrue(lambda.invoke(b -> b.functionName("after-fuzz-fn").payload(SdkBytes.fromUtf8String("{\"name\":\"fuzz\"}"))).functionError() == null,
                "functions still run");
        assertTrue(Files.notExists(Path.of("/tmp/cloudjar-fuzz-slip.txt")) && Files.notExists(Path.of("/tmp/cloudjar-fuzz-abs.txt")),
                "no zip entry was written outside its folder");

        Thread.sleep(2000); // idle keep-alive and request threads wind down
        long threadsAfter = threads();
        long fdsAfter = openFiles();
        System.out.println("fuzz: threads " + threadsBefore + " -> " + threadsAfter + ", open files " + fdsBefore + " -> " + fdsAfter);
        assertTrue(threadsAfter <= threadsBefore + 40, "no thread leak: " + threadsBefore + " -> " + threadsAfter);
        assertTrue(fdsAfter <= fdsBefore + 60, "no file descriptor leak: " + fdsBefore + " -> " + fdsAfter);
    }

    /** AWS answers 4xx to all of this; S3 and Lambda say 501 for what CloudJar (or S3 itself) does not implement. */
    private static boolean acceptable(RequestFuzzer.FuzzRequest request, String outcome) {
        boolean rawHttp = request.category().equals("http");
        if (outcome.equals("hang") || outcome.startsWith("5") && !outcome.equals("501") && !(rawHttp && outcome.equals("505"))) {
            return false; // 505 is HTTP's own answer to a request line of HTTP/9.9 or HTTP/0.9
        }
        // raw HTTP garbage may be refused by closing the connection, as any HTTP server does
        return !outcome.equals("closed") || rawHttp;
    }

    /** The status code, "closed" when the server hung up without an answer, or "hang" past the bound. */
    private static String send(URI endpoint, RequestFuzzer.FuzzRequest request) throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(ANSWER_WITHIN_MS);
            try {
                socket.getOutputStream().write(request.wire());
                socket.getOutputStream().flush();
                if (request.halfClose()) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // the server refused the rest of a request it had already answered; read that answer
            }
            InputStream in = socket.getInputStream();
            String status = "";
            try {
                // an interim 100 Continue comes before the answer that counts
                do {
                    status = line(in);
                    if (status.startsWith("HTTP/1.1 1")) {
                        while (!line(in).isEmpty()) {
                            // the interim answer's headers
                        }
                    }
                } while (status.startsWith("HTTP/1.1 1"));
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (SocketTimeoutException e) {
                return "hang";
            } catch (IOException e) {
                // reset after the answer was sent
            }
            return status.startsWith("HTTP/1.") && status.length() >= 12 ? status.substring(9, 12) : "closed";
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != -1 && b != '\n'; ) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static long threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static byte[] readSampleJar() throws IOException {
        return Files.readAllBytes(Path.of("../sample-functions/target/sample-functions.jar"));
    }
}
