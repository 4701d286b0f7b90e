package dev.cloudjar.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.testing.CloudJarExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The edge answers in the caller's protocol, never with HTML or a stack trace. */
@ExtendWith(CloudJarExtension.class)
class GatewayIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthReportsVersionUptimeAndServices(URI endpoint) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint.resolve("/_cloudjar/health")).GET());
        assertEquals(200, response.statusCode());
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertEquals("running", body.get("status").asText());
        assertNotNull(body.get("version"));
        assertTrue(body.get("uptimeSeconds").isNumber());
        assertTrue(body.get("services").isObject());
    }

    @Test
    void unknownJsonTargetIsAJsonError(URI endpoint) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint.resolve("/"))
                .header("X-Amz-Target", "DynamoDB_20120810.NoSuchOperation")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("UnknownOperationException"), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-amz-json-1.0"));
    }

    @Test
    void unknownQueryActionIsAnXmlErrorResponse(URI endpoint) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint.resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("Action=NoSuchAction&Version=2010-03-31")));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().startsWith("<ErrorResponse"), response.body());
        assertTrue(response.body().contains("<Code>InvalidAction</Code>"), response.body());
    }

    @Test
    void unknownControlPathIsAJsonNotFound(URI endpoint) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint.resolve("/_cloudjar/nothing-here")).GET());
        assertEquals(404, response.statusCode());
        assertEquals("ResourceNotFoundException", response.headers().firstValue("x-amzn-ErrorType").orElse(null));
        assertTrue(response.body().startsWith("{"), response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
