package dev.cloudjar.services.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;

@ExtendWith(CloudJarExtension.class)
class LambdaFunctionsIT {
    static final String ROLE = "arn:aws:iam::000000000000:role/lambda-role";
    static final String FIXTURES = "dev.cloudjar.services.lambda.fixtures.";

    static CreateFunctionResponse create(LambdaClient lambda, String name, String handler, int timeout, Map<String, String> env) {
        return lambda.createFunction(b -> b.functionName(name).runtime(Runtime.JAVA21).role(ROLE).handler(handler)
                .timeout(timeout).environment(e -> e.variables(env))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(TestPackages.fixtures()))));
    }

    static String text(InvokeResponse response) {
        return response.payload().asUtf8String();
    }

    @Test
    void createGetListUpdateDelete(LambdaClient lambda) {
        CreateFunctionResponse created = create(lambda, "crud", FIXTURES + "EchoHandler", 5, Map.of("GREETING", "hi"));
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:crud", created.functionArn());
        assertEquals("$LATEST", created.version());
        assertEquals(State.ACTIVE, created.state());
        assertEquals(128, created.memorySize());
        assertEquals(5, created.timeout());
        assertEquals(44, created.codeSha256().length());
        assertTrue(created.lastModified().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000"), created.lastModified());
        assertEquals("hi", created.environment().variables().get("GREETING"));
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("crud"));

        GetFunctionResponse got = lambda.getFunction(b -> b.functionName("crud"));
        assertEquals(FIXTURES + "EchoHandler", got.configuration().handler());
        assertNotNull(got.code().location());
        assertEquals("S3", got.code().repositoryType());
        try {
            var download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(got.code().location())).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, download.statusCode());
            assertEquals(TestPackages.fixtures().length, download.body().length);
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        assertEquals("crud", lambda.getFunctionConfiguration(b -> b.functionName(created.functionArn())).functionName());
        assertTrue(lambda.listFunctions().functions().stream().anyMatch(f -> f.functionName().equals("crud")));

        var updated = lambda.updateFunctionConfiguration(b -> b.functionName("crud").timeout(9).memorySize(256)
                .environment(e -> e.variables(Map.of("GREETING", "bonjour"))));
        assertEquals(9, updated.timeout());
        assertEquals(256, updated.memorySize());
        assertTrue(text(lambda.invoke(b -> b.functionName("crud"))).contains("\"greeting\":\"bonjour\""));

        var code = lambda.updateFunctionCode(b -> b.functionName("crud")
                .zipFile(SdkBytes.fromByteArray(TestPackages.fixtures())));
        assertEquals(created.codeSha256(), code.codeSha256());
        assertThrows(PreconditionFailedException.class, () -> lambda.updateFunctionConfiguration(b -> b.functionName("crud")
                .description("x").revisionId("stale")));

        assertEquals(204, lambda.deleteFunction(b -> b.functionName("crud")).sdkHttpResponse().statusCode());
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () -> lambda.getFunction(b -> b.functionName("crud")));
        assertEquals("Function not found: arn:aws:lambda:us-east-1:000000000000:function:crud", missing.awsErrorDetails().errorMessage());
        assertEquals(404, missing.statusCode());
    }

    @Test
    void createErrors(LambdaClient lambda) {
        create(lambda, "dup", FIXTURES + "EchoHandler", 3, Map.of());
        ResourceConflictException dup = assertThrows(ResourceConflictException.class,
                () -> create(lambda, "dup", FIXTURES + "EchoHandler", 3, Map.of()));
        assertEquals("Function already exist: dup", dup.awsErrorDetails().errorMessage());
        InvalidParameterValueException ruby = assertThrows(InvalidParameterValueException.class,
                () -> lambda.createFunction(b -> b.functionName("rb").runtime(Runtime.RUBY3_3).role(ROLE).handler("h.h")
                        .code(c -> c.zipFile(SdkBytes.fromByteArray(TestPackages.fixtures())))));
        assertTrue(ruby.awsErrorDetails().errorMessage().contains("java11, java17, java21, java25, python3.9")
                && ruby.awsErrorDetails().errorMessage().contains("nodejs24.x, provided.al2023"), ruby.getMessage());
        assertThrows(InvalidParameterValueException.class, () -> lambda.createFunction(b -> b.functionName("bad").runtime(Runtime.JAVA17)
                .role(ROLE).handler("x").code(c -> c.zipFile(SdkBytes.fromUtf8String("not a zip")))));
        InvalidParameterValueException reserved = assertThrows(InvalidParameterValueException.class,
                () -> create(lambda, "reserved", FIXTURES + "EchoHandler", 3, Map.of("AWS_REGION", "x")));
        assertTrue(reserved.awsErrorDetails().errorMessage().endsWith("Reserved keys used in this request: AWS_REGION"));
        LambdaException timeout = assertThrows(LambdaException.class, () -> create(lambda, "t901", FIXTURES + "EchoHandler", 901, Map.of()));
        assertEquals("ValidationException", timeout.awsErrorDetails().errorCode());
    }

    @Test
    void invokeRequestResponseWithLogsAndErrors(LambdaClient lambda) {
        create(lambda, "echo", FIXTURES + "EchoHandler", 3, Map.of("GREETING", "hello"));
        InvokeResponse ok = lambda.invoke(b -> b.functionName("echo").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"k\":\"v\"}")));
        assertEquals(200, ok.statusCode());
        assertNull(ok.functionError());
        assertEquals("$LATEST", ok.executedVersion());
        assertTrue(text(ok).contains("\"input\":{\"k\":\"v\"}"), text(ok));
        assertTrue(text(ok).contains("\"greeting\":\"hello\""));
        String log = new String(Base64.getDecoder().decode(ok.logResult()), StandardCharsets.UTF_8);
        assertTrue(log.startsWith("START RequestId: ") && log.contains("printed by echo") && log.contains("REPORT RequestId: "), log);

        create(lambda, "boom", FIXTURES + "Failures::boom", 3, Map.of());
        InvokeResponse failed = lambda.invoke(b -> b.functionName("boom").payload(SdkBytes.fromUtf8String("\"x\"")));
        assertEquals(200, failed.statusCode());
        assertEquals("Unhandled", failed.functionError());
        assertTrue(text(failed).contains("\"errorType\":\"java.lang.IllegalArgumentException\""), text(failed));
        assertTrue(text(failed).contains("\"stackTrace\":["));

        create(lambda, "slow", FIXTURES + "Failures::sleep", 1, Map.of());
        InvokeResponse timedOut = lambda.invoke(b -> b.functionName("slow").payload(SdkBytes.fromUtf8String("\"x\"")));
        assertEquals("Unhandled", timedOut.functionError());
        assertTrue(text(timedOut).matches("\\{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: .+ Error: Task timed out after 1.00 seconds\"}"),
                text(timedOut));

        assertThrows(InvalidRequestContentException.class, () -> lambda.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("{bad"))));
        LambdaException tooBig = assertThrows(LambdaException.class, () -> lambda.invoke(b -> b.functionName("echo")
                .payload(SdkBytes.fromUtf8String("\"" + "x".repeat(6 * 1024 * 1024) + "\""))));
        assertEquals(413, tooBig.statusCode());
        assertEquals("RequestEntityTooLargeException", tooBig.awsErrorDetails().errorCode());
        assertThrows(ResourceNotFoundException.class, () -> lambda.invoke(b -> b.functionName("nope")));

        create(lambda, "client-ctx", FIXTURES + "Methods::clientContext", 3, Map.of());
        String context = Base64.getEncoder().encodeToString("{\"client\":{\"app_title\":\"app\"},\"custom\":{\"k\":\"v\"}}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("\"app/v\"", text(lambda.invoke(b -> b.functionName("client-ctx").clientContext(context))));
        assertEquals("\"none\"", text(lambda.invoke(b -> b.functionName("client-ctx"))));
        assertThrows(InvalidParameterValueException.class, () -> lambda.invoke(b -> b.functionName("client-ctx").clientContext("!!")));
    }

    @Test
    void invokeEventAndDryRun(LambdaClient lambda, java.net.URI endpoint) throws Exception {
        create(lambda, "async", FIXTURES + "EchoHandler", 3, Map.of());
        InvokeResponse event = lambda.invoke(b -> b.functionName("async").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{}")));
        assertEquals(202, event.statusCode());
        assertEquals(0, event.payload().asByteArray().length);
        // the legacy InvokeAsync (the Java SDK v2 no longer generates it; the CLI still has it)
        var legacy = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                endpoint.resolve("/2014-11-13/functions/async/invoke-async/")).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(202, legacy.statusCode());
        assertEquals("{\"Status\":202}", legacy.body());
        InvokeResponse dry = lambda.invoke(b -> b.functionName("async").invocationType(InvocationType.DRY_RUN));
        assertEquals(204, dry.statusCode());
        LambdaException big = assertThrows(LambdaException.class, () -> lambda.invoke(b -> b.functionName("async")
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("\"" + "x".repeat(300_000) + "\""))));
        assertEquals(413, big.statusCode());
    }

    @Test
    void versionsAliasesAndQualifiers(LambdaClient lambda) {
        create(lambda, "ver", FIXTURES + "EchoHandler", 3, Map.of("GREETING", "v1"));
        var v1 = lambda.publishVersion(b -> b.functionName("ver"));
        assertEquals("1", v1.version());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:ver:1", v1.functionArn());
        lambda.updateFunctionConfiguration(b -> b.functionName("ver").environment(e -> e.variables(Map.of("GREETING", "v2"))));
        assertEquals("2", lambda.publishVersion(b -> b.functionName("ver")).version());
        assertEquals(List.of("$LATEST", "1", "2"), lambda.listVersionsByFunction(b -> b.functionName("ver")).versions().stream()
                .map(FunctionConfiguration::version).toList());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:ver:$LATEST",
                lambda.listVersionsByFunction(b -> b.functionName("ver")).versions().get(0).functionArn());

        InvokeResponse one = lambda.invoke(b -> b.functionName("ver").qualifier("1"));
        assertEquals("1", one.executedVersion());
        assertTrue(text(one).contains("\"greeting\":\"v1\""));
        assertTrue(text(lambda.invoke(b -> b.functionName("ver:2"))).contains("\"greeting\":\"v2\""));

        var live = lambda.createAlias(b -> b.functionName("ver").name("live").functionVersion("1"));
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:ver:live", live.aliasArn());
        assertTrue(text(lambda.invoke(b -> b.functionName("ver").qualifier("live"))).contains("\"greeting\":\"v1\""));
        lambda.updateAlias(b -> b.functionName("ver").name("live").functionVersion("1")
                .routingConfig(r -> r.additionalVersionWeights(Map.of("2", 1.0))));
        assertTrue(text(lambda.invoke(b -> b.functionName("ver").qualifier("live"))).contains("\"greeting\":\"v2\""));
        assertEquals(1.0, lambda.getAlias(b -> b.functionName("ver").name("live")).routingConfig().additionalVersionWeights().get("2"));
        assertEquals(1, lambda.listAliases(b -> b.functionName("ver")).aliases().size());
        assertThrows(ResourceConflictException.class, () -> lambda.createAlias(b -> b.functionName("ver").name("live").functionVersion("1")));
        lambda.deleteAlias(b -> b.functionName("ver").name("live"));
        assertThrows(ResourceNotFoundException.class, () -> lambda.getAlias(b -> b.functionName("ver").name("live")));
        assertThrows(ResourceNotFoundException.class, () -> lambda.invoke(b -> b.functionName("ver").qualifier("9")));
        lambda.deleteFunction(b -> b.functionName("ver").qualifier("1"));
        assertEquals(List.of("$LATEST", "2"), lambda.listVersionsByFunction(b -> b.functionName("ver")).versions().stream()
                .map(FunctionConfiguration::version).toList());
    }

    @Test
    void permissionsConcurrencyTagsAndAccount(LambdaClient lambda) {
        String arn = create(lambda, "extras", FIXTURES + "EchoHandler", 3, Map.of()).functionArn();
        String statement = lambda.addPermission(b -> b.functionName("extras").statementId("s3").action("lambda:InvokeFunction")
                .principal("s3.amazonaws.com").sourceArn("arn:aws:s3:::bkt")).statement();
        assertTrue(statement.contains("\"Principal\":{\"Service\":\"s3.amazonaws.com\"}"), statement);
        assertThrows(ResourceConflictException.class, () -> lambda.addPermission(b -> b.functionName("extras").statementId("s3")
                .action("lambda:InvokeFunction").principal("s3.amazonaws.com")));
        String policy = lambda.getPolicy(b -> b.functionName("extras")).policy();
        assertTrue(policy.contains("\"Sid\":\"s3\"") && policy.contains("arn:aws:s3:::bkt"), policy);
        lambda.removePermission(b -> b.functionName("extras").statementId("s3"));
        assertThrows(ResourceNotFoundException.class, () -> lambda.getPolicy(b -> b.functionName("extras")));
        assertThrows(ResourceNotFoundException.class, () -> lambda.removePermission(b -> b.functionName("extras").statementId("s3")));

        assertEquals(5, lambda.putFunctionConcurrency(b -> b.functionName("extras").reservedConcurrentExecutions(5)).reservedConcurrentExecutions());
        assertEquals(5, lambda.getFunctionConcurrency(b -> b.functionName("extras")).reservedConcurrentExecutions());
        lambda.putFunctionConcurrency(b -> b.functionName("extras").reservedConcurrentExecutions(0));
        assertEquals(429, assertThrows(LambdaException.class, () -> lambda.invoke(b -> b.functionName("extras"))).statusCode());
        lambda.deleteFunctionConcurrency(b -> b.functionName("extras"));
        assertNull(lambda.getFunctionConcurrency(b -> b.functionName("extras")).reservedConcurrentExecutions());

        lambda.tagResource(b -> b.resource(arn).tags(Map.of("team", "a", "env", "dev")));
        lambda.untagResource(b -> b.resource(arn).tagKeys("env"));
        assertEquals(Map.of("team", "a"), lambda.listTags(b -> b.resource(arn)).tags());
        assertEquals(Map.of("team", "a"), lambda.getFunction(b -> b.functionName("extras")).tags());

        var settings = lambda.getAccountSettings();
        assertTrue(settings.accountUsage().functionCount() >= 1);
        assertEquals(262_144_000L, settings.accountLimit().codeSizeUnzipped());
        assertFalse(settings.accountUsage().totalCodeSize() == 0);
    }

    @Test
    void handlerWithDefaultSdkClientReachesCloudJar(LambdaClient lambda) {
        lambda.createFunction(b -> b.functionName("sdk-caller").runtime(Runtime.JAVA21).role(ROLE)
                .handler(FIXTURES + "SdkCaller::listFunctions").timeout(60).memorySize(512)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(TestPackages.fixturesWithSdk()))));
        InvokeResponse response = lambda.invoke(b -> b.functionName("sdk-caller").payload(SdkBytes.fromUtf8String("\"x\"")));
        assertNull(response.functionError(), text(response));
        assertTrue(text(response).contains("sdk-caller"), text(response));
    }
}
