package dev.cloudjar.services.lambda.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** One invocation at a time per instance, concurrent invocations on separate instances, idle expiry. */
class EnvironmentLifecycleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FunctionSpec spec(Path root, String name) {
        byte[] zip = TestPackages.fixtures();
        CodeUnpacker unpacker = new CodeUnpacker(root, IdGenerator.random());
        return new FunctionSpec(name, "arn:aws:lambda:us-east-1:000000000000:function:" + name, "$LATEST", "r1",
                "dev.cloudjar.services.lambda.fixtures.EchoHandler", "java21", 128, 10, null, Map.of(), "000000000000",
                "us-east-1", () -> unpacker.unpack(new ByteArrayInputStream(zip)));
    }

    private static int calls(FunctionRuntime runtime, FunctionSpec spec) throws Exception {
        return calls(runtime, spec, "{}");
    }

    private static int calls(FunctionRuntime runtime, FunctionSpec spec, String payload) throws Exception {
        InvocationResult r = runtime.invoke(spec, payload.getBytes(StandardCharsets.UTF_8), "r", spec.functionArn(), null);
        return JSON.readTree(r.payload()).get("calls").asInt();
    }

    @Test
    void concurrentInvocationsRunOnSeparateInstances() throws Exception {
        Path root = Files.createTempDirectory("lifecycle");
        try (FunctionRuntime runtime = new FunctionRuntime(Clock.systemUTC(), IdGenerator.random(), Duration.ofMinutes(5), () -> null, null)) {
            FunctionSpec spec = spec(root, "concurrent");
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> all = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                all.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return calls(runtime, spec, "{\"sleepMs\":300}");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            start.countDown();
            for (CompletableFuture<Integer> f : all) {
                // overlapping invocations never share an instance, so each is its instance's first call
                assertEquals(1, f.get());
            }
        } finally {
            CodeUnpacker.delete(root);
        }
    }

    @Test
    void idleInstancesExpire() throws Exception {
        Path root = Files.createTempDirectory("lifecycle");
        try (FunctionRuntime runtime = new FunctionRuntime(Clock.systemUTC(), IdGenerator.random(), Duration.ofSeconds(1), () -> null, null)) {
            FunctionSpec spec = spec(root, "expiring");
            assertEquals(1, calls(runtime, spec));
            assertEquals(2, calls(runtime, spec), "warm instance reused");
            Thread.sleep(3500);
            assertEquals(1, calls(runtime, spec), "a fresh instance after the idle expiry");
        } finally {
            CodeUnpacker.delete(root);
        }
    }
}
