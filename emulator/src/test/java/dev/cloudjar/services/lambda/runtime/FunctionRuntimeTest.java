package dev.cloudjar.services.lambda.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

class FunctionRuntimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FunctionRuntime runtime;
    private static Path root;
    private static byte[] zip;

    @BeforeAll
    static void start() throws Exception {
        root = Files.createTempDirectory("lambda-runtime-test");
        zip = TestPackages.fixtures();
        runtime = new FunctionRuntime(Clock.systemUTC(), IdGenerator.random(), Duration.ofMinutes(5),
                () -> "http://127.0.0.1:4566", null);
    }

    @AfterAll
    static void stop() {
        runtime.close();
        CodeUnpacker.delete(root);
    }

    private static FunctionSpec spec(String name, String handler, int timeout, Map<String, String> vars) {
        CodeUnpacker unpacker = new CodeUnpacker(root, IdGenerator.random());
        return new FunctionSpec(name, "arn:aws:lambda:us-east-1:000000000000:function:" + name, "$LATEST", "r1",
                handler, "java21", 256, timeout, null, vars, "000000000000", "us-east-1",
                () -> unpacker.unpack(new ByteArrayInputStream(zip)));
    }

    private static InvocationResult invoke(FunctionSpec spec, String payload) {
        return runtime.invoke(spec, payload.getBytes(StandardCharsets.UTF_8), "req-1", spec.functionArn(), null);
    }

    private static String text(InvocationResult result) {
        return new String(result.payload(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(InvocationResult result) throws Exception {
        return JSON.readTree(result.payload());
    }

    @Test
    void requestHandlerSeesContextVariablesAndIsReusedWarm() throws Exception {
        FunctionSpec spec = spec("echo", "dev.cloudjar.services.lambda.fixtures.EchoHandler", 3, Map.of("GREETING", "hola"));
        InvocationResult first = invoke(spec, "{\"a\":1}");
        assertNull(first.functionError(), text(first));
        JsonNode out = json(first);
        assertEquals(1, out.at("/input/a").asInt());
        assertEquals("req-1", out.get("requestId").asText());
        assertEquals("echo", out.get("functionName").asText());
        assertEquals("$LATEST", out.get("functionVersion").asText());
        assertEquals(256, out.get("memory").asInt());
        assertEquals("/aws/lambda/echo", out.get("logGroup").asText());
        assertTrue(out.get("logStream").asText().contains("[$LATEST]"));
        assertTrue(out.get("remaining").asInt() > 2000 && out.get("remaining").asInt() <= 3000);
        assertEquals("hola", out.get("greeting").asText());
        assertEquals("us-east-1", out.get("region").asText());
        assertEquals("http://127.0.0.1:4566", out.get("endpoint").asText());
        assertEquals("FunctionClassLoader", out.get("loader").asText());
        assertNull(System.getProperty("GREETING"), "function variables must not leak to CloudJar's threads");
        String log = first.log().text();
        assertTrue(log.startsWith("START RequestId: req-1 Version: $LATEST\n"), log);
        assertTrue(log.contains("echo called\n") && log.contains("printed by echo\n"), log);
        assertTrue(log.contains("END RequestId: req-1\n"), log);
        assertTrue(log.contains("REPORT RequestId: req-1\tDuration: ") && log.contains("Init Duration: "), log);

        JsonNode second = json(invoke(spec, "{}"));
        assertEquals(2, second.get("calls").asInt(), "warm instance reused");
        assertEquals(1, second.get("staticInits").asInt(), "static init once per instance");
        assertTrue(!invoke(spec, "{}").log().text().contains("Init Duration"));
    }

    @Test
    void streamHandlerAndPlainMethods() throws Exception {
        assertEquals("\"ABC\"", text(invoke(spec("s", "dev.cloudjar.services.lambda.fixtures.UpperStream", 3, Map.of()), "\"abc\"")));
        String m = "dev.cloudjar.services.lambda.fixtures.Methods::";
        assertEquals("\"hi bob from g\"", text(invoke(spec("g", m + "greet", 3, Map.of()), "\"bob\"")));
        assertEquals("null", text(invoke(spec("n", m + "nothing", 3, Map.of()), "{}")));
        assertEquals("6", text(invoke(spec("sum", m + "sum", 3, Map.of()), "[1,2,3]")));
        JsonNode pojo = json(invoke(spec("p", m + "pojo", 3, Map.of()), "{\"name\":\"x\",\"count\":1}"));
        assertEquals("x!", pojo.get("name").asText());
        assertEquals(2, pojo.get("count").asInt());
        assertEquals("raw bytes", text(invoke(spec("c", m + "copy", 3, Map.of()), "raw bytes")));
        assertEquals("\"ctx\"", text(invoke(spec("ctx", m + "contextOnly", 3, Map.of()), "{}")));
        assertEquals("[\"a\",\"b\"]", text(invoke(spec("k", m + "keys", 3, Map.of()), "{\"a\":1,\"b\":2}")));
    }

    @Test
    void classLoaderHidesCloudJarButSharesTheRuntimeInterfaces() {
        String m = "dev.cloudjar.services.lambda.fixtures.Methods::";
        FunctionSpec probe = spec("probe", m + "loaderProbe", 3, Map.of());
        assertEquals("\"hidden\"", text(invoke(probe, "\"dev.cloudjar.services.lambda.runtime.FunctionRuntime\"")));
        assertEquals("\"hidden\"", text(invoke(probe, "\"com.fasterxml.jackson.databind.ObjectMapper\"")));
        assertEquals("\"hidden\"", text(invoke(probe, "\"io.javalin.Javalin\"")));
        assertEquals("\"visible\"", text(invoke(probe, "\"com.amazonaws.services.lambda.runtime.Context\"")));
        assertEquals("\"visible\"", text(invoke(probe, "\"java.util.List\"")));
        assertEquals("true", text(invoke(spec("same", m + "sameContext", 3, Map.of()), "{}")));
    }

    @Test
    void thrownErrorsComeBackInTheRuntimeShape() throws Exception {
        InvocationResult result = invoke(spec("boom", "dev.cloudjar.services.lambda.fixtures.Failures::boom", 3, Map.of()), "\"x\"");
        assertEquals("Unhandled", result.functionError());
        JsonNode error = json(result);
        assertEquals("boom x", error.get("errorMessage").asText());
        assertEquals("java.lang.IllegalArgumentException", error.get("errorType").asText());
        assertTrue(error.get("stackTrace").get(0).asText().startsWith("dev.cloudjar.services.lambda.fixtures.Failures.boom(Failures.java:"));
        assertEquals("root cause", error.at("/cause/errorMessage").asText());
        assertEquals("java.lang.IllegalStateException", error.at("/cause/errorType").asText());

        JsonNode overflow = json(invoke(spec("so", "dev.cloudjar.services.lambda.fixtures.Failures::overflow", 3, Map.of()), "\"x\""));
        assertEquals("java.lang.StackOverflowError", overflow.get("errorType").asText());

        JsonNode parse = json(invoke(spec("sum2", "dev.cloudjar.services.lambda.fixtures.Methods::sum", 3, Map.of()), "{not json"));
        assertEquals("An error occurred during JSON parsing", parse.get("errorMessage").asText());
        assertEquals("java.lang.RuntimeException", parse.get("errorType").asText());
        assertTrue(parse.has("cause"));
    }

    @Test
    void badHandlersAreInitErrors() throws Exception {
        JsonNode missing = json(invoke(spec("m1", "no.such.Handler", 3, Map.of()), "{}"));
        assertEquals("java.lang.ClassNotFoundException", missing.get("errorType").asText());
        assertEquals("Class not found: no.such.Handler", missing.get("errorMessage").asText());
        JsonNode noMethod = json(invoke(spec("m2", "dev.cloudjar.services.lambda.fixtures.Methods::absent", 3, Map.of()), "{}"));
        assertEquals("No public method named absent with appropriate method signature found on class "
                + "dev.cloudjar.services.lambda.fixtures.Methods", noMethod.get("errorMessage").asText());
        JsonNode notHandler = json(invoke(spec("m3", "dev.cloudjar.services.lambda.fixtures.Methods", 3, Map.of()), "{}"));
        assertTrue(notHandler.get("errorMessage").asText().contains("does not implement RequestHandler"));
    }

    @Test
    void timeoutsInterruptAndDiscardTheEnvironment() throws Exception {
        FunctionSpec sleeper = spec("sleepy", "dev.cloudjar.services.lambda.fixtures.Failures::sleep", 1, Map.of());
        long start = System.nanoTime();
        InvocationResult result = runtime.invoke(sleeper, "\"x\"".getBytes(StandardCharsets.UTF_8), "req-t", sleeper.functionArn(), null);
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
        assertEquals("Unhandled", result.functionError());
        assertEquals("{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: req-t Error: Task timed out after 1.00 seconds\"}",
                text(result));
        assertTrue(result.log().text().contains("req-t Task timed out after 1.00 seconds"));

        FunctionSpec spinner = spec("spin", "dev.cloudjar.services.lambda.fixtures.Failures::spin", 1, Map.of());
        assertEquals("Unhandled", invoke(spinner, "\"x\"").functionError());
        FunctionSpec remaining = spec("rem", "dev.cloudjar.services.lambda.fixtures.Failures::remaining", 1, Map.of());
        assertNotEquals("Unhandled", invoke(remaining, "\"x\"").functionError());
    }

    @Test
    void aLoopThatIgnoresInterruptsIsStoppedAfterItsTimeout() throws Exception {
        FunctionSpec spec = spec("runaway", "dev.cloudjar.services.lambda.fixtures.Failures::spinHard", 1, Map.of());
        assertEquals("Unhandled", invoke(spec, "\"x\"").functionError());
        Thread.sleep(2500);
        String before = System.getProperty("runaway.progress");
        Thread.sleep(500);
        assertEquals(before, System.getProperty("runaway.progress"), "the runaway thread no longer runs");
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().matches("lambda-runaway-\\d+") && t.isAlive()));
    }
}
