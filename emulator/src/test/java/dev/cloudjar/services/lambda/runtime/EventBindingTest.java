package dev.cloudjar.services.lambda.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.services.lambda.TestPackages;
import dev.cloudjar.services.lambda.code.CodeUnpacker;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each aws-lambda-java-events type arrives fully populated from the JSON AWS sends. */
class EventBindingTest {
    private static FunctionRuntime runtime;
    private static Path root;
    private static byte[] zip;

    @BeforeAll
    static void start() throws Exception {
        root = Files.createTempDirectory("lambda-events-test");
        zip = TestPackages.fixtures();
        runtime = new FunctionRuntime(Clock.systemUTC(), IdGenerator.random(), Duration.ofMinutes(5), () -> null, null);
    }

    @AfterAll
    static void stop() {
        runtime.close();
        CodeUnpacker.delete(root);
    }

    private static String invoke(String method, String payload) {
        CodeUnpacker unpacker = new CodeUnpacker(root, IdGenerator.random());
        FunctionSpec spec = new FunctionSpec(method, "arn:aws:lambda:us-east-1:000000000000:function:" + method, "$LATEST", "r",
                "dev.cloudjar.services.lambda.fixtures.Events::" + method, "java17", 128, 5, null, Map.of(),
                "000000000000", "us-east-1", () -> unpacker.unpack(new ByteArrayInputStream(zip)));
        InvocationResult result = runtime.invoke(spec, payload.getBytes(StandardCharsets.UTF_8), "r1", spec.functionArn(), null);
        String text = new String(result.payload(), StandardCharsets.UTF_8);
        assertNull(result.functionError(), text);
        return text;
    }

    @Test
    void sqsEvent() {
        String event = """
            {"Records":[{"messageId":"m1","receiptHandle":"rh","body":"hello",
              "attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1700000000000","SenderId":"AIDA","ApproximateFirstReceiveTimestamp":"1700000000001"},
              "messageAttributes":{"Author":{"stringValue":"John","stringListValues":[],"binaryListValues":[],"dataType":"String"}},
              "md5OfBody":"x","eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-1:000000000000:q","awsRegion":"us-east-1"}]}""";
        assertEquals("\"m1|hello|arn:aws:sqs:us-east-1:000000000000:q|1|John\"", invoke("sqs", event));
    }

    @Test
    void s3Event() {
        String event = """
            {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
              "eventTime":"2024-01-02T03:04:05.678Z","eventName":"ObjectCreated:Put",
              "userIdentity":{"principalId":"AWS:AIDA"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},
              "responseElements":{"x-amz-request-id":"r","x-amz-id-2":"h"},
              "s3":{"s3SchemaVersion":"1.0","configurationId":"c","bucket":{"name":"bkt","ownerIdentity":{"principalId":"p"},"arn":"arn:aws:s3:::bkt"},
                "object":{"key":"red+flower%40x.jpg","size":9,"eTag":"e","sequencer":"0055"}}}]}""";
        assertEquals("\"ObjectCreated:Put|bkt|red flower@x.jpg|9|2024\"", invoke("s3", event));
    }

    @Test
    void dynamodbEvent() {
        String event = """
            {"Records":[{"eventID":"1","eventName":"MODIFY","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"us-east-1",
              "dynamodb":{"ApproximateCreationDateTime":1700000000,"Keys":{"id":{"S":"k"}},
                "NewImage":{"id":{"S":"k"},"v":{"N":"2"}},"OldImage":{"id":{"S":"k"},"v":{"N":"1"}},
                "SequenceNumber":"000000000000000000002","SizeBytes":46,"StreamViewType":"NEW_AND_OLD_IMAGES"},
              "eventSourceARN":"arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2024"}]}""";
        assertEquals("\"MODIFY|2|k|000000000000000000002|1700000000000|arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2024\"",
                invoke("dynamodb", event));
    }

    @Test
    void snsEvent() {
        String event = """
            {"Records":[{"EventSource":"aws:sns","EventVersion":"1.0","EventSubscriptionArn":"arn:aws:sns:us-east-1:000000000000:t:s",
              "Sns":{"Type":"Notification","MessageId":"id","TopicArn":"arn:aws:sns:us-east-1:000000000000:t","Subject":null,
                "Message":"hi","Timestamp":"2024-01-02T03:04:05.678Z","SignatureVersion":"1","Signature":"sig",
                "SigningCertUrl":"https://cert","UnsubscribeUrl":"https://unsub","MessageAttributes":{}}}]}""";
        assertEquals("\"hi|arn:aws:sns:us-east-1:000000000000:t|https://cert|2024|arn:aws:sns:us-east-1:000000000000:t:s\"",
                invoke("sns", event));
    }

    @Test
    void scheduledEvent() {
        String event = """
            {"version":"0","id":"x","detail-type":"Scheduled Event","source":"aws.events","account":"000000000000",
             "time":"2024-01-02T03:04:05Z","region":"us-east-1","resources":["arn:aws:events:us-east-1:000000000000:rule/r"],"detail":{}}""";
        assertEquals("\"aws.events|Scheduled Event|2024|[arn:aws:events:us-east-1:000000000000:rule/r]\"", invoke("scheduled", event));
    }

    @Test
    void apiGatewayProxyEventAndResponse() {
        String event = """
            {"resource":"/p","path":"/p","httpMethod":"GET","headers":{"h":"v"},"queryStringParameters":{"q":"1"},
             "requestContext":{"requestId":"r","stage":"prod","identity":{"sourceIp":"127.0.0.1"}},"body":null,"isBase64Encoded":false}""";
        assertEquals("{\"statusCode\":201,\"headers\":{\"X-A\":\"b\"},\"body\":\"GET /p 1\"}", invoke("api", event));
    }

    @Test
    void batchResponseSerialisesThroughThePojoPath() {
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"m1\"}]}", invoke("partial", "{\"Records\":[]}"));
    }
}
