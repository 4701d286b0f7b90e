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
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Python functions as child processes: handlers, context, logs, errors, packages, layers, env, boto3. */
@ExtendWith(CloudJarExtension.class)
class PythonRuntimeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void handlerSeesEventAndContextAndPrintsIntoTheLog(LambdaClient lambda) throws Exception {
        create(lambda, "py-context", "python3.12", "app.handler", zip("app.py", """
                import logging
                logger = logging.getLogger()
                logger.setLevel(logging.INFO)
                def handler(event, context):
                    print("hello from print", event["name"])
                    logger.info("hello from logging")
                    return {"name": event["name"], "fn": context.function_name, "version": context.function_version,
                            "arn": context.invoked_function_arn, "memory": context.memory_limit_in_mb,
                            "id": context.aws_request_id, "group": context.log_group_name, "stream": context.log_stream_name,
                            "remaining": context.get_remaining_time_in_millis(), "identity": context.identity.cognito_identity_id}
                """), 7);
        InvokeResponse response = invoke(lambda, "py-context", "{\"name\":\"Ada\"}");
        assertNull(response.functionError(), response.payload().asUtf8String());
        JsonNode out = JSON.readTree(response.payload().asUtf8String());
        assertEquals("Ada", out.get("name").asText());
        assertEquals("py-context", out.get("fn").asText());
        assertEquals("$LATEST", out.get("version").asText());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:py-context", out.get("arn").asText());
        assertEquals("128", out.get("memory").asText());
        assertEquals("/aws/lambda/py-context", out.get("group").asText());
        assertTrue(out.get("stream").asText().matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}"), out.toString());
        long remaining = out.get("remaining").asLong();
        assertTrue(remaining > 5000 && remaining <= 7000, out.toString());
        String log = log(response);
        String id = out.get("id").asText();
        assertTrue(log.startsWith("START RequestId: " + id + " Version: $LATEST\n"), log);
        assertTrue(log.contains("hello from print Ada\n"), log);
        assertTrue(log.matches("(?s).*\\[INFO]\\t\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z\\t" + id + "\\thello from logging\n.*"), log);
        assertTrue(log.contains("END RequestId: " + id + "\n") && log.contains("REPORT RequestId: " + id + "\tDuration: "), log);
        assertTrue(log.contains("Init Duration: "), log);
        assertTrue(log.indexOf("hello from print") < log.indexOf("END RequestId"), log);
    }

    @Test
    void warmEnvironmentRunsModuleCodeOnce(LambdaClient lambda) throws Exception {
        create(lambda, "py-warm", "python3.12", "counter.handler", zip("counter.py", """
                import os
                calls = 0
                def handler(event, context):
                    global calls
                    calls += 1
                    return {"calls": calls, "pid": os.getpid()}
                """), 5);
        JsonNode first = JSON.readTree(invoke(lambda, "py-warm", "{}").payload().asUtf8String());
        JsonNode second = JSON.readTree(invoke(lambda, "py-warm", "{}").payload().asUtf8String());
        assertEquals(1, first.get("calls").asInt());
        assertEquals(2, second.get("calls").asInt());
        assertEquals(first.get("pid").asLong(), second.get("pid").asLong());
        InvokeResponse third = invoke(lambda, "py-warm", "{}");
        assertTrue(!log(third).contains("Init Duration"), log(third));
    }

    @Test
    void thrownErrorsComeBackInAwsShape(LambdaClient lambda) throws Exception {
        create(lambda, "py-error", "python3.12", "fail.handler", zip("fail.py", """
                class OrderError(Exception):
                    pass
                def handler(event, context):
                    raise OrderError("order " + event["id"] + " is broken")
                """), 5);
        InvokeResponse response = invoke(lambda, "py-error", "{\"id\":\"42\"}");
        assertEquals("Unhandled", response.functionError());
        JsonNode error = JSON.readTree(response.payload().asUtf8String());
        assertEquals("order 42 is broken", error.get("errorMessage").asText());
        assertEquals("OrderError", error.get("errorType").asText());
        assertTrue(error.get("requestId").asText().matches("[0-9a-f-]{36}"), error.toString());
        assertTrue(error.get("stackTrace").get(0).asText().contains("fail.py\", line 4, in handler"), error.toString());
        assertTrue(log(response).contains("[ERROR] OrderError: order 42 is broken"), log(response));
        // the environment survives a handled error
        assertEquals("Unhandled", invoke(lambda, "py-error", "{\"id\":\"43\"}").functionError());
    }

    @Test
    void importErrorsAndMissingHandlers(LambdaClient lambda) throws Exception {
        create(lambda, "py-import", "python3.12", "missing.handler", zip("app.py", "def handler(e, c):\n    return 1\n"), 5);
        InvokeResponse missing = invoke(lambda, "py-import", "{}");
        assertEquals("Unhandled", missing.functionError());
        JsonNode error = JSON.readTree(missing.payload().asUtf8String());
        assertEquals("Runtime.ImportModuleError", error.get("errorType").asText());
        assertEquals("Unable to import module 'missing': No module named 'missing'", error.get("errorMessage").asText());

        create(lambda, "py-dep", "python3.12", "app.handler", zip("app.py", "import notinstalledlib\n"), 5);
        JsonNode dep = JSON.readTree(invoke(lambda, "py-dep", "{}").payload().asUtf8String());
        assertEquals("Unable to import module 'app': No module named 'notinstalledlib'", dep.get("errorMessage").asText());

        create(lambda, "py-nohandler", "python3.12", "app.nothere", zip("app.py", "def handler(e, c):\n    return 1\n"), 5);
        JsonNode notFound = JSON.readTree(invoke(lambda, "py-nohandler", "{}").payload().asUtf8String());
        assertEquals("Runtime.HandlerNotFound", notFound.get("errorType").asText());
        assertEquals("Handler 'nothere' missing on module 'app'", notFound.get("errorMessage").asText());
    }

    @Test
    void handlersInPackagesAndSubfolders(LambdaClient lambda) throws Exception {
        byte[] code = zip("pkg/__init__.py", "", "pkg/mod.py", "def handler(e, c):\n    return 'pkg'\n",
                "src/lambdas/fn.py", "from helper import shout\ndef handler(e, c):\n    return shout('sub')\n",
                "helper.py", "def shout(s):\n    return s.upper()\n");
        create(lambda, "py-pkg", "python3.11", "pkg.mod.handler", code, 5);
        assertEquals("\"pkg\"", invoke(lambda, "py-pkg", "{}").payload().asUtf8String());
        create(lambda, "py-sub", "python3.11", "src/lambdas/fn.handler", code, 5);
        assertEquals("\"SUB\"", invoke(lambda, "py-sub", "{}").payload().asUtf8String());
    }

    @Test
    void timeoutKillsTheProcessAndTheNextInvokeStartsAFreshOne(LambdaClient lambda) throws Exception {
        create(lambda, "py-slow", "python3.12", "slow.handler", zip("slow.py", """
                import time, os
                def handler(event, context):
                    if event.get("sleep"):
                        time.sleep(30)
                    return os.getpid()
                """), 1);
        String before = invoke(lambda, "py-slow", "{}").payload().asUtf8String();
        long started = System.nanoTime();
        InvokeResponse response = invoke(lambda, "py-slow", "{\"sleep\":true}");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 5000, "took " + millis);
        assertEquals("Unhandled", response.functionError());
        JsonNode error = JSON.readTree(response.payload().asUtf8String());
        assertTrue(error.get("errorMessage").asText().endsWith("Task timed out after 1.00 seconds"), error.toString());
        assertTrue(log(response).contains("Task timed out after 1.00 seconds"), log(response));
        String after = invoke(lambda, "py-slow", "{}").payload().asUtf8String();
        assertTrue(!before.equals(after), before + " " + after);
        assertTrue(!new java.io.File("/proc/" + before).exists(), "the timed-out process " + before + " is still running");
    }

    @Test
    void crashingProcessAnswersRuntimeExitError(LambdaClient lambda) throws Exception {
        create(lambda, "py-crash", "python3.12", "crash.handler", zip("crash.py", """
                import os, sys
                def handler(event, context):
                    print("about to exit")
                    sys.stdout.flush()
                    os._exit(1)
                """), 5);
        InvokeResponse response = invoke(lambda, "py-crash", "{}");
        assertEquals("Unhandled", response.functionError());
        JsonNode error = JSON.readTree(response.payload().asUtf8String());
        assertEquals("Runtime.ExitError", error.get("errorType").asText());
        assertTrue(error.get("errorMessage").asText().matches("RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 1"),
                error.toString());
        assertTrue(log(response).contains("about to exit"), log(response));
    }

    @Test
    void environmentIsWhatAwsSets(LambdaClient lambda) throws Exception {
        create(lambda, CreateFunctionRequest.builder().functionName("py-env").runtime("python3.12").handler("env.handler")
                .timeout(5).memorySize(256).environment(e -> e.variables(java.util.Map.of("GREETING", "hi")))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip("env.py", """
                        import os
                        def handler(event, context):
                            return {k: os.environ.get(k) for k in event["keys"]} | {"cwd": os.getcwd(), "pp": os.environ.get("PYTHONPATH")}
                        """)))).build());
        String keys = "[\"AWS_LAMBDA_FUNCTION_NAME\",\"AWS_LAMBDA_FUNCTION_VERSION\",\"AWS_LAMBDA_FUNCTION_MEMORY_SIZE\","
                + "\"AWS_LAMBDA_LOG_GROUP_NAME\",\"AWS_LAMBDA_LOG_STREAM_NAME\",\"AWS_REGION\",\"AWS_DEFAULT_REGION\",\"_HANDLER\","
                + "\"LAMBDA_TASK_ROOT\",\"LAMBDA_RUNTIME_DIR\",\"AWS_LAMBDA_RUNTIME_API\",\"TZ\",\"AWS_ACCESS_KEY_ID\","
                + "\"AWS_SECRET_ACCESS_KEY\",\"AWS_SESSION_TOKEN\",\"AWS_ENDPOINT_URL\",\"GREETING\",\"PATH\",\"HOME\",\"JAVA_HOME\",\"MAVEN_OPTS\"]";
        JsonNode env = JSON.readTree(invoke(lambda, "py-env", "{\"keys\":" + keys + "}").payload().asUtf8String());
        assertEquals("py-env", env.get("AWS_LAMBDA_FUNCTION_NAME").asText());
        assertEquals("$LATEST", env.get("AWS_LAMBDA_FUNCTION_VERSION").asText());
        assertEquals("256", env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText());
        assertEquals("/aws/lambda/py-env", env.get("AWS_LAMBDA_LOG_GROUP_NAME").asText());
        assertTrue(env.get("AWS_LAMBDA_LOG_STREAM_NAME").asText().matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}"), env.toString());
        assertEquals("us-east-1", env.get("AWS_REGION").asText());
        assertEquals("us-east-1", env.get("AWS_DEFAULT_REGION").asText());
        assertEquals("env.handler", env.get("_HANDLER").asText());
        assertEquals(env.get("cwd").asText(), env.get("LAMBDA_TASK_ROOT").asText());
        assertTrue(env.get("pp").asText().startsWith(env.get("cwd").asText()), env.toString());
        assertTrue(env.get("AWS_LAMBDA_RUNTIME_API").asText().matches("127\\.0\\.0\\.1:\\d+"), env.toString());
        assertEquals(":UTC", env.get("TZ").asText());
        assertEquals("000000000000", env.get("AWS_ACCESS_KEY_ID").asText());
        assertTrue(env.get("AWS_SECRET_ACCESS_KEY").isTextual() && env.get("AWS_SESSION_TOKEN").isTextual(), env.toString());
        assertTrue(env.get("AWS_ENDPOINT_URL").asText().matches("http://127\\.0\\.0\\.1:\\d+"), env.toString());
        assertEquals("hi", env.get("GREETING").asText());
        assertTrue(env.get("PATH").isTextual() && env.get("HOME").isTextual(), env.toString());
        assertTrue(env.get("JAVA_HOME").isNull() && env.get("MAVEN_OPTS").isNull(), "CloudJar's own environment leaked: " + env);
        assertTrue(!env.get("LAMBDA_RUNTIME_DIR").asText().contains("py-env"), env.toString());
    }

    @Test
    void boto3InsideTheFunctionReachesCloudJar(LambdaClient lambda, SqsClient sqs) throws Exception {
        sqs.createQueue(b -> b.queueName("seen-from-python"));
        create(lambda, "py-boto3", "python3.12", "app.handler", zip("app.py", """
                import boto3
                sqs = boto3.client("sqs")
                def handler(event, context):
                    return sqs.list_queues().get("QueueUrls", [])
                """), 20);
        InvokeResponse response = invoke(lambda, "py-boto3", "{}");
        assertNull(response.functionError(), response.payload().asUtf8String());
        assertTrue(response.payload().asUtf8String().contains("seen-from-python"), response.payload().asUtf8String());
    }

    @Test
    void layersAreOnPythonPath(LambdaClient lambda) throws Exception {
        String layer = lambda.publishLayerVersion(b -> b.layerName("pylib").compatibleRuntimesWithStrings("python3.12")
                .content(c -> c.zipFile(SdkBytes.fromByteArray(zip("python/mylib.py", "def greet(n):\n    return 'hi ' + n\n",
                        "python/lib/python3.12/site-packages/sitelib.py", "VALUE = 'site'\n"))))).layerVersionArn();
        create(lambda, CreateFunctionRequest.builder().functionName("py-layered").runtime("python3.12").handler("app.handler")
                .timeout(5).layers(layer).code(c -> c.zipFile(SdkBytes.fromByteArray(zip("app.py", """
                        import mylib, sitelib
                        def handler(event, context):
                            return mylib.greet(event["n"]) + " " + sitelib.VALUE
                        """)))).build());
        InvokeResponse response = invoke(lambda, "py-layered", "{\"n\":\"layer\"}");
        assertEquals("\"hi layer site\"", response.payload().asUtf8String(), log(response));
    }

    @Test
    void publishedVersionsAndClientContextReachTheHandler(LambdaClient lambda) throws Exception {
        create(lambda, "py-versioned", "python3.12", "app.handler", zip("app.py", """
                def handler(event, context):
                    cc = context.client_context
                    return {"version": context.function_version, "arn": context.invoked_function_arn,
                            "custom": cc.custom if cc else None, "app": cc.client.app_title if cc and cc.client else None}
                """), 5);
        String version = lambda.publishVersion(b -> b.functionName("py-versioned")).version();
        String clientContext = java.util.Base64.getEncoder().encodeToString(
                "{\"client\":{\"app_title\":\"shop\"},\"custom\":{\"user\":\"ada\"}}".getBytes());
        InvokeResponse response = lambda.invoke(b -> b.functionName("py-versioned").qualifier(version).clientContext(clientContext)
                .payload(SdkBytes.fromUtf8String("{}")));
        JsonNode out = JSON.readTree(response.payload().asUtf8String());
        assertEquals(version, out.get("version").asText(), out.toString());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:py-versioned:" + version, out.get("arn").asText());
        assertEquals("ada", out.get("custom").get("user").asText(), out.toString());
        assertEquals("shop", out.get("app").asText(), out.toString());
    }

    @Test
    void aResponseOverSixMegabytesFailsTheInvocationAndTheEnvironmentGoesOn(LambdaClient lambda) throws Exception {
        create(lambda, "py-big", "python3.12", "app.handler", zip("app.py", """
                def handler(event, context):
                    return "x" * event["size"]
                """), 10);
        long started = System.nanoTime();
        InvokeResponse big = invoke(lambda, "py-big", "{\"size\":7000000}");
        assertTrue((System.nanoTime() - started) / 1_000_000 < 8000, "the invocation waited for its timeout");
        assertEquals("Unhandled", big.functionError());
        assertEquals("Function.ResponseSizeTooLarge", JSON.readTree(big.payload().asUtf8String()).get("errorType").asText());
        assertEquals("\"xx\"", invoke(lambda, "py-big", "{\"size\":2}").payload().asUtf8String());
    }
}
