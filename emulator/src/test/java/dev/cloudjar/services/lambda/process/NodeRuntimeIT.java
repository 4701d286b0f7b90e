package dev.cloudjar.services.lambda.process;

import static dev.cloudjar.services.lambda.process.ProcessFunctions.create;
import static dev.cloudjar.services.lambda.process.ProcessFunctions.invoke;
import static dev.cloudjar.services.lambda.process.ProcessFunctions.log;
import static dev.cloudjar.services.lambda.process.ProcessFunctions.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.testing.CloudJarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** Node.js functions as child processes: CommonJS and ES modules, async, callback and legacy context handlers. */
@ExtendWith(CloudJarExtension.class)
class NodeRuntimeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void commonJsHandlerWithContextSucceed(LambdaClient lambda) throws Exception {
        create(lambda, "node-succeed", "nodejs20.x", "index.handler", zip("index.js", """
                console.log('Loading function');
                exports.handler = function(event, context) {
                    console.log('value1 =', event.key1);
                    context.succeed({ key: event.key1, fn: context.functionName, id: context.awsRequestId,
                        remaining: context.getRemainingTimeInMillis(), group: context.logGroupName,
                        waits: context.callbackWaitsForEmptyEventLoop, arn: context.invokedFunctionArn });
                };
                """), 6);
        InvokeResponse response = invoke(lambda, "node-succeed", "{\"key1\":\"value1\"}");
        assertNull(response.functionError(), response.payload().asUtf8String());
        JsonNode out = JSON.readTree(response.payload().asUtf8String());
        assertEquals("value1", out.get("key").asText());
        assertEquals("node-succeed", out.get("fn").asText());
        assertEquals("/aws/lambda/node-succeed", out.get("group").asText());
        assertTrue(out.get("waits").asBoolean());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:node-succeed", out.get("arn").asText());
        long remaining = out.get("remaining").asLong();
        assertTrue(remaining > 4000 && remaining <= 6000, out.toString());
        String log = log(response);
        String id = out.get("id").asText();
        assertTrue(log.contains("\tundefined\tINFO\tLoading function\n"), log);
        assertTrue(log.matches("(?s).*\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z\\t" + id + "\\tINFO\\tvalue1 = value1\n.*"), log);
        assertTrue(log.indexOf("value1 = value1") < log.indexOf("END RequestId"), log);
    }

    @Test
    void esModulesAndAsyncHandlers(LambdaClient lambda) throws Exception {
        create(lambda, "node-mjs", "nodejs22.x", "app.handler", zip("app.mjs", """
                import { readFileSync } from 'node:fs';
                let calls = 0;
                export const handler = async (event) => {
                    calls++;
                    await new Promise((r) => setTimeout(r, 10));
                    return { calls, doubled: event.n * 2 };
                };
                """), 5);
        assertEquals("{\"calls\":1,\"doubled\":4}", invoke(lambda, "node-mjs", "{\"n\":2}").payload().asUtf8String());
        assertEquals("{\"calls\":2,\"doubled\":6}", invoke(lambda, "node-mjs", "{\"n\":3}").payload().asUtf8String());

        create(lambda, "node-type-module", "nodejs20.x", "src/fn.handler", zip("package.json", "{\"type\":\"module\"}",
                "src/fn.js", "import { shout } from './lib.js';\nexport async function handler(e) { return shout(e.s); }\n",
                "src/lib.js", "export const shout = (s) => s.toUpperCase();\n"), 5);
        assertEquals("\"HEY\"", invoke(lambda, "node-type-module", "{\"s\":\"hey\"}").payload().asUtf8String());
    }

    @Test
    void callbackHandlersWaitForTheEventLoopUnlessToldNot(LambdaClient lambda) throws Exception {
        create(lambda, "node-callback", "nodejs20.x", "cb.handler", zip("cb.js", """
                let late = 'no';
                exports.handler = (event, context, callback) => {
                    context.callbackWaitsForEmptyEventLoop = event.wait;
                    setTimeout(() => { late = 'yes'; console.log('timer fired'); }, 200);
                    callback(null, { late });
                };
                exports.late = () => late;
                """), 5);
        InvokeResponse waited = invoke(lambda, "node-callback", "{\"wait\":true}");
        assertEquals("{\"late\":\"no\"}", waited.payload().asUtf8String());
        assertTrue(log(waited).contains("timer fired"), log(waited));
        long started = System.nanoTime();
        InvokeResponse quick = invoke(lambda, "node-callback", "{\"wait\":false}");
        assertTrue((System.nanoTime() - started) / 1_000_000 < 190, "callbackWaitsForEmptyEventLoop=false waited");
        assertTrue(!log(quick).contains("timer fired"), log(quick));
    }

    @Test
    void errorsInAwsShape(LambdaClient lambda) throws Exception {
        create(lambda, "node-throw", "nodejs20.x", "index.handler", zip("index.js", """
                class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError'; } }
                exports.handler = async () => { throw new ValidationError('bad input'); };
                """), 5);
        InvokeResponse thrown = invoke(lambda, "node-throw", "{}");
        assertEquals("Unhandled", thrown.functionError());
        JsonNode error = JSON.readTree(thrown.payload().asUtf8String());
        assertEquals("ValidationError", error.get("errorType").asText());
        assertEquals("bad input", error.get("errorMessage").asText());
        assertTrue(error.get("trace").get(0).asText().startsWith("ValidationError: bad input"), error.toString());
        assertTrue(log(thrown).contains("\tERROR\tInvoke Error \t{\"errorType\":\"ValidationError\""), log(thrown));

        create(lambda, "node-fail", "nodejs18.x", "index.handler", zip("index.js",
                "exports.handler = (e, context) => context.fail(new Error('legacy failure'));\n"), 5);
        JsonNode failed = JSON.readTree(invoke(lambda, "node-fail", "{}").payload().asUtf8String());
        assertEquals("Error", failed.get("errorType").asText());
        assertEquals("legacy failure", failed.get("errorMessage").asText());

        create(lambda, "node-nomodule", "nodejs20.x", "nothere.handler", zip("index.js", "exports.handler = async () => 1;\n"), 5);
        JsonNode importError = JSON.readTree(invoke(lambda, "node-nomodule", "{}").payload().asUtf8String());
        assertEquals("Runtime.ImportModuleError", importError.get("errorType").asText());
        assertTrue(importError.get("errorMessage").asText().startsWith("Error: Cannot find module 'nothere'"), importError.toString());

        create(lambda, "node-nohandler", "nodejs20.x", "index.other", zip("index.js", "exports.handler = async () => 1;\n"), 5);
        JsonNode notFound = JSON.readTree(invoke(lambda, "node-nohandler", "{}").payload().asUtf8String());
        assertEquals("Runtime.HandlerNotFound", notFound.get("errorType").asText());
        assertEquals("index.other is undefined or not exported", notFound.get("errorMessage").asText());
    }

    @Test
    void layersAreOnNodePath(LambdaClient lambda) throws Exception {
        String layer = lambda.publishLayerVersion(b -> b.layerName("nodelib").content(c -> c.zipFile(
                software.amazon.awssdk.core.SdkBytes.fromByteArray(zip("nodejs/node_modules/greet/index.js",
                        "module.exports = (n) => 'hi ' + n;\n"))))).layerVersionArn();
        create(lambda, software.amazon.awssdk.services.lambda.model.CreateFunctionRequest.builder().functionName("node-layered")
                .runtime("nodejs20.x").handler("index.handler").timeout(5).layers(layer)
                .code(c -> c.zipFile(software.amazon.awssdk.core.SdkBytes.fromByteArray(zip("index.js",
                        "const greet = require('greet');\nexports.handler = async (e) => greet(e.n);\n")))).build());
        InvokeResponse response = invoke(lambda, "node-layered", "{\"n\":\"layer\"}");
        assertEquals("\"hi layer\"", response.payload().asUtf8String(), log(response));
    }

    @Test
    void timeoutsAndCrashes(LambdaClient lambda) throws Exception {
        create(lambda, "node-slow", "nodejs20.x", "index.handler", zip("index.js", """
                exports.handler = async (event) => {
                    if (event.crash) { process.exit(3); }
                    await new Promise((r) => setTimeout(r, event.wait));
                    return process.pid;
                };
                """), 1);
        InvokeResponse slow = invoke(lambda, "node-slow", "{\"wait\":5000}");
        assertEquals("Unhandled", slow.functionError());
        assertTrue(slow.payload().asUtf8String().contains("Task timed out after 1.00 seconds"), slow.payload().asUtf8String());
        InvokeResponse crash = invoke(lambda, "node-slow", "{\"crash\":true}");
        JsonNode error = JSON.readTree(crash.payload().asUtf8String());
        assertEquals("Runtime.ExitError", error.get("errorType").asText());
        assertTrue(error.get("errorMessage").asText().endsWith("Error: Runtime exited with error: exit status 3"), error.toString());
        InvokeResponse fine = invoke(lambda, "node-slow", "{\"wait\":1}");
        assertNull(fine.functionError(), fine.payload().asUtf8String());
    }
}
