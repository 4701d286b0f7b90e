package dev.cloudjar.services.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import dev.cloudjar.testing.MarkdownBlocks;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Seed 002's API Gateway part, as docs/workshops/serverless-hello.md tells it with the {@code aws} CLI
 * and curl (every bash block, as written, only the port differs), then the same APIs through a plain
 * java.net.http client in both URL forms; and docs/apigateway.md's commands.
 */
@ExtendWith(CloudJarExtension.class)
class ServerlessHelloWorkshopIT {
    private static final String HELLO = "{\"message\": \"Hello World returned in JSON\"}";

    private static String run(CloudJar cloudJar, String page, Path workDir) {
        String script = "set -euo pipefail\n" + String.join("\n", MarkdownBlocks.bash(Path.of("../docs").resolve(page)))
                .replace(":4566", ":" + cloudJar.port());
        return new CliRunner(cloudJar.endpoint()).run(List.of("bash", "-c", script), workDir).assertSuccess().stdout();
    }

    @Test
    void theWorkshopRunsAsWritten(CloudJar cloudJar, ApiGatewayClient apigw, ApiGatewayV2Client v2, LambdaClient lambda,
                                  @TempDir Path workDir) throws Exception {
        Files.createSymbolicLink(workDir.resolve("sample-functions"), Path.of("../sample-functions").toAbsolutePath().normalize());
        String out = run(cloudJar, "workshops/serverless-hello.md", workDir);
        assertTrue(out.startsWith(HELLO + "\n" + HELLO + "\n" + HELLO + "\n4\nREPORT RequestId: "), out);
        assertTrue(out.endsWith("\n" + HELLO + "\n"), "the chapter's Python function behind its HTTP API: " + out);
        assertTrue(out.matches("(?s).*REPORT RequestId: [0-9a-f-]{36}\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms\tMemory Size: \\d+ MB.*"), out);

        String restId = apigw.getRestApis().items().stream().filter(a -> a.name().equals("LambdaMicroservice")).findFirst().orElseThrow().id();
        HttpResponse<String> byHost = Invoke.getByHost(cloudJar, restId, "/prod/HelloWorld");
        assertEquals(200, byHost.statusCode());
        assertEquals(HELLO, byHost.body());
        assertEquals("application/json", byHost.headers().firstValue("Content-Type").orElse(null));
        HttpResponse<String> byPath = Invoke.get(Invoke.pathForm(cloudJar, restId, "/prod/HelloWorld"));
        assertEquals(HELLO, byPath.body());

        String httpId = v2.getApis().items().stream().filter(a -> a.name().equals("HelloHttpApi")).findFirst().orElseThrow().apiId();
        assertEquals(HELLO, Invoke.getByHost(cloudJar, httpId, "/HelloWorld").body());
        assertEquals(HELLO, Invoke.get(Invoke.pathForm(cloudJar, httpId, "/")).body());

        String policy = lambda.getPolicy(b -> b.functionName("HelloWorld")).policy();
        assertTrue(policy.contains("apigateway.amazonaws.com") && policy.contains("arn:aws:execute-api:us-east-1:000000000000:" + restId),
                "the tutorial's add-permission is stored: " + policy);
    }

    @Test
    void theApiGatewayPageRunsAsWritten(CloudJar cloudJar, @TempDir Path workDir) {
        assertEquals("{\"mock\": \"ok\"}\n{\"mock\": \"ok\"}\n403\n", run(cloudJar, "apigateway.md", workDir));
    }
}
