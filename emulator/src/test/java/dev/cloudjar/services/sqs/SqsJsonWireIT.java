package dev.cloudjar.services.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JSON protocol's exact bytes: {@code __type}, {@code x-amzn-query-error}, {@code {}} for an empty receive. */
@ExtendWith(CloudJarExtension.class)
class SqsJsonWireIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> call(URI endpoint, String path, String operation, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS." + operation)
                .header("x-amzn-query-mode", "true")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261122/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=00")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void errorsCarryTypeAndLegacyHeader(URI endpoint) throws Exception {
        HttpResponse<String> missing = call(endpoint, "/", "GetQueueUrl", "{\"QueueName\": \"none\"}");
        assertEquals(400, missing.statusCode());
        JsonNode body = JSON.readTree(missing.body());
        assertEquals("com.amazonaws.sqs#QueueDoesNotExist", body.get("__type").asText());
        assertEquals("The specified queue does not exist.", body.get("message").asText());
        assertEquals("AWS.SimpleQueueService.NonExistentQueue;Sender", missing.headers().firstValue("x-amzn-query-error").orElse(null));

        call(endpoint, "/", "CreateQueue", "{\"QueueName\":\"wire\"}");
        HttpResponse<String> invalid = call(endpoint, "/", "ReceiveMessage",
                "{\"QueueUrl\":\"http://sqs.us-east-1.amazonaws.com/000000000000/wire\",\"WaitTimeSeconds\":21}");
        assertEquals("com.amazonaws.sqs#InvalidParameterValueException", JSON.readTree(invalid.body()).get("__type").asText());
        assertEquals("Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.",
                JSON.readTree(invalid.body()).get("message").asText());
        assertEquals("InvalidParameterValue;Sender", invalid.headers().firstValue("x-amzn-query-error").orElse(null));

        HttpResponse<String> unknown = call(endpoint, "/", "Teleport", "{}");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("UnknownOperationException"));
    }

    @Test
    void emptyReceiveIsAnEmptyObjectAndTheQueuePathIsAccepted(URI endpoint) throws Exception {
        call(endpoint, "/", "CreateQueue", "{\"QueueName\":\"wire-empty\"}");
        HttpResponse<String> empty = call(endpoint, "/000000000000/wire-empty", "ReceiveMessage",
                "{\"QueueUrl\":\"http://localhost:4566/000000000000/wire-empty\"}");
        assertEquals(200, empty.statusCode());
        assertEquals("{}", empty.body());
        assertEquals("application/x-amz-json-1.0", empty.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        HttpResponse<String> byName = call(endpoint, "/", "SendMessage", "{\"QueueUrl\":\"wire-empty\",\"MessageBody\":\"x\"}");
        assertEquals(200, byName.statusCode(), byName.body());
    }
}
