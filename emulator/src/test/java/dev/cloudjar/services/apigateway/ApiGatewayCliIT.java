package dev.cloudjar.services.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * AWS's "Using Lambda with API Gateway" tutorial through the {@code aws} CLI: a POST method with a
 * non-proxy Lambda integration, its method and integration responses, test-invoke-method, a deployment,
 * add-permission with the execute-api source ARN, and the call over plain HTTP.
 */
@ExtendWith(CloudJarExtension.class)
class ApiGatewayCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theTutorialsCommandsWork(CloudJar cloudJar, LambdaClient lambda) throws Exception {
        String fn = Invoke.function(lambda, "LambdaFunctionOverHttps", "dev.cloudjar.services.lambda.fixtures.EchoHandler");
        CliRunner cli = new CliRunner(cloudJar.endpoint());
        String api = JSON.readTree(cli.aws("apigateway", "create-rest-api", "--name", "DynamoDBOperations").assertSuccess().stdout())
                .get("id").asText();
        String root = JSON.readTree(cli.aws("apigateway", "get-resources", "--rest-api-id", api).assertSuccess().stdout())
                .get("items").get(0).get("id").asText();
        String resource = JSON.readTree(cli.aws("apigateway", "create-resource", "--rest-api-id", api, "--parent-id", root,
                "--path-part", "DynamoDBManager").assertSuccess().stdout()).get("id").asText();
        cli.aws("apigateway", "put-method", "--rest-api-id", api, "--resource-id", resource, "--http-method", "POST",
                "--authorization-type", "NONE").assertSuccess();
        cli.aws("apigateway", "put-integration", "--rest-api-id", api, "--resource-id", resource, "--http-method", "POST",
                "--type", "AWS", "--integration-http-method", "POST",
                "--uri", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + fn + "/invocations").assertSuccess();
        cli.aws("apigateway", "put-method-response", "--rest-api-id", api, "--resource-id", resource, "--http-method", "POST",
                "--status-code", "200", "--response-models", "application/json=Empty").assertSuccess();
        cli.aws("apigateway", "put-integration-response", "--rest-api-id", api, "--resource-id", resource, "--http-method", "POST",
                "--status-code", "200", "--selection-pattern", "").assertSuccess();

        JsonNode test = JSON.readTree(cli.aws("apigateway", "test-invoke-method", "--rest-api-id", api, "--resource-id", resource,
                "--http-method", "POST", "--path-with-query-string", "", "--body", "{\"operation\": \"echo\"}").assertSuccess().stdout());
        assertEquals(200, test.get("status").asInt(), test.toString());
        assertEquals("echo", JSON.readTree(test.get("body").asText()).get("input").get("operation").asText());
        assertTrue(test.get("log").asText().contains("Method completed with status: 200"), test.toString());

        cli.aws("apigateway", "create-deployment", "--rest-api-id", api, "--stage-name", "test").assertSuccess();
        String added = cli.aws("lambda", "add-permission", "--function-name", "LambdaFunctionOverHttps", "--statement-id", "apigateway-test",
                "--action", "lambda:InvokeFunction", "--principal", "apigateway.amazonaws.com",
                "--source-arn", "arn:aws:execute-api:us-east-1:000000000000:" + api + "/*/POST/DynamoDBManager").assertSuccess().stdout();
        assertTrue(added.contains("apigateway.amazonaws.com"), added);

        HttpResponse<byte[]> post = Invoke.send(Invoke.pathForm(cloudJar, api, "/test/DynamoDBManager"), "POST",
                "{\"operation\": \"list\"}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
        assertEquals(200, post.statusCode());
        assertEquals("list", JSON.readTree(post.body()).get("input").get("operation").asText());

        String missing = cli.aws("apigateway", "get-rest-api", "--rest-api-id", "nope").stderr();
        assertTrue(missing.contains("NotFoundException") && missing.contains("Invalid API identifier specified 000000000000:nope"), missing);
        String v2 = cli.aws("apigatewayv2", "get-apis").assertSuccess().stdout();
        assertTrue(v2.contains("\"Items\""), v2);
    }
}
