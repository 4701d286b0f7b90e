package dev.cloudjar.services.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.core.Scope;
import dev.cloudjar.testing.CloudJarExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Asynchronous invocation: retries, event invoke config, DLQ and destinations (captured through the port). */
@ExtendWith(CloudJarExtension.class)
class LambdaAsyncIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Delivery(String target, String body, Map<String, String> attributes) {
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void fastRetries() {
        System.setProperty("cloudjar.lambda.async-retry-delays-ms", "50,100");
    }

    private void capture(CloudJar cloudJar) {
        cloudJar.backend(LambdaBackend.class).useDestinations((scope, target, body, attributes) ->
                deliveries.add(new Delivery(target, body, attributes)));
    }

    private static void event(LambdaClient lambda, String fn, String payload) {
        assertEquals(202, lambda.invoke(b -> b.functionName(fn).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(payload))).statusCode());
    }

    @Test
    void failingEventIsRetriedTwiceThenDeadLettered(LambdaClient lambda, CloudJar cloudJar) throws Exception {
        capture(cloudJar);
        lambda.createFunction(b -> b.functionName("dlq-fn").runtime("java17").role(LambdaFunctionsIT.ROLE)
                .handler(LambdaFunctionsIT.FIXTURES + "Failures::boom")
                .deadLetterConfig(d -> d.targetArn("arn:aws:sqs:us-east-1:000000000000:dlq"))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(TestPackages.fixtures()))));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("dlq-fn")
                .destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:sns:us-east-1:000000000000:failures"))));
        event(lambda, "dlq-fn", "\"order-1\"");
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(20)));

        Delivery onFailure = deliveries.stream().filter(d -> d.target().endsWith(":failures")).findFirst().orElseThrow();
        JsonNode record = JSON.readTree(onFailure.body());
        assertEquals("RetriesExhausted", record.at("/requestContext/condition").asText());
        assertEquals(3, record.at("/requestContext/approximateInvokeCount").asInt());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:dlq-fn:$LATEST", record.at("/requestContext/functionArn").asText());
        assertEquals("order-1", record.get("requestPayload").asText());
        assertEquals("Unhandled", record.at("/responseContext/functionError").asText());
        assertEquals("boom order-1", record.at("/responsePayload/errorMessage").asText());

        Delivery dlq = deliveries.stream().filter(d -> d.target().endsWith(":dlq")).findFirst().orElseThrow();
        assertEquals("\"order-1\"", dlq.body());
        assertEquals("boom order-1", dlq.attributes().get("ErrorMessage"));
        assertEquals("200", dlq.attributes().get("ErrorCode"));
    }

    @Test
    void maximumRetryAttemptsZeroAndOnSuccess(LambdaClient lambda, CloudJar cloudJar) throws Exception {
        capture(cloudJar);
        LambdaFunctionsIT.create(lambda, "once", LambdaFunctionsIT.FIXTURES + "Failures::boom", 3, Map.of());
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("once").maximumRetryAttempts(0)
                .destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:sqs:us-east-1:000000000000:once-failed"))));
        LambdaFunctionsIT.create(lambda, "fine", LambdaFunctionsIT.FIXTURES + "Methods::greet", 3, Map.of());
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("fine")
                .destinationConfig(d -> d.onSuccess(f -> f.destination("arn:aws:sqs:us-east-1:000000000000:ok"))));
        event(lambda, "once", "\"a\"");
        event(lambda, "fine", "\"bob\"");
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(20)));
        JsonNode failed = JSON.readTree(deliveries.stream().filter(d -> d.target().endsWith(":once-failed")).findFirst().orElseThrow().body());
        assertEquals(1, failed.at("/requestContext/approximateInvokeCount").asInt());
        JsonNode ok = JSON.readTree(deliveries.stream().filter(d -> d.target().endsWith(":ok")).findFirst().orElseThrow().body());
        assertEquals("Success", ok.at("/requestContext/condition").asText());
        assertEquals("hi bob from fine", ok.get("responsePayload").asText());
    }

    @Test
    void eventInvokeConfigOperations(LambdaClient lambda) {
        LambdaFunctionsIT.create(lambda, "cfg", LambdaFunctionsIT.FIXTURES + "EchoHandler", 3, Map.of());
        var put = lambda.putFunctionEventInvokeConfig(b -> b.functionName("cfg").maximumRetryAttempts(1).maximumEventAgeInSeconds(120));
        assertEquals(1, put.maximumRetryAttempts());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:cfg:$LATEST", put.functionArn());
        var updated = lambda.updateFunctionEventInvokeConfig(b -> b.functionName("cfg")
                .destinationConfig(d -> d.onSuccess(s -> s.destination("arn:aws:sqs:us-east-1:000000000000:q"))));
        assertEquals(1, updated.maximumRetryAttempts());
        assertEquals("arn:aws:sqs:us-east-1:000000000000:q", updated.destinationConfig().onSuccess().destination());
        assertEquals(120, lambda.getFunctionEventInvokeConfig(b -> b.functionName("cfg")).maximumEventAgeInSeconds());
        assertEquals(1, lambda.listFunctionEventInvokeConfigs(b -> b.functionName("cfg")).functionEventInvokeConfigs().size());
        lambda.deleteFunctionEventInvokeConfig(b -> b.functionName("cfg"));
        assertThrows(ResourceNotFoundException.class, () -> lambda.getFunctionEventInvokeConfig(b -> b.functionName("cfg")));
    }

    @Test
    void asyncEntryPointForTriggers(LambdaClient lambda, CloudJar cloudJar) {
        capture(cloudJar);
        LambdaFunctionsIT.create(lambda, "trigger", LambdaFunctionsIT.FIXTURES + "Events::s3", 3, Map.of());
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("trigger")
                .destinationConfig(d -> d.onSuccess(s -> s.destination("arn:aws:sqs:us-east-1:000000000000:s3ok"))));
        String s3Event = "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
                + "\"eventTime\":\"2024-01-02T03:04:05.678Z\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"s3SchemaVersion\":\"1.0\","
                + "\"bucket\":{\"name\":\"bkt\",\"arn\":\"arn:aws:s3:::bkt\"},\"object\":{\"key\":\"a+b.csv\",\"size\":3,\"eTag\":\"e\"}}}]}";
        cloudJar.backend(LambdaBackend.class).invokeAsync(new Scope("000000000000", "us-east-1"),
                "arn:aws:lambda:us-east-1:000000000000:function:trigger", s3Event.getBytes());
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(20)));
        assertTrue(deliveries.stream().anyMatch(d -> d.target().endsWith(":s3ok") && d.body().contains("ObjectCreated:Put|bkt|a b.csv|3|2024")),
                deliveries.toString());
    }
}
