package dev.cloudjar.services.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.services.lambda.code.CodeUnpacker;
import dev.cloudjar.testing.CloudJarExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** With --data-dir, functions (configuration, code, versions, aliases) survive a restart. */
class LambdaPersistenceIT {
    @Test
    void functionsSurviveARestart() throws Exception {
        Path dir = Files.createTempDirectory("lambda-persist");
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0).withDataDir(dir);
        try (CloudJar first = CloudJar.start(config);
             LambdaClient lambda = CloudJarExtension.client(LambdaClient.builder(), first).build()) {
            LambdaFunctionsIT.create(lambda, "durable", LambdaFunctionsIT.FIXTURES + "Methods::greet", 3, Map.of());
            lambda.publishVersion(b -> b.functionName("durable"));
            lambda.createAlias(b -> b.functionName("durable").name("prod").functionVersion("1"));
        }
        try (CloudJar second = CloudJar.start(config);
             LambdaClient lambda = CloudJarExtension.client(LambdaClient.builder(), second).build()) {
            assertEquals("1", lambda.getAlias(b -> b.functionName("durable").name("prod")).functionVersion());
            assertEquals("\"hi ann from durable\"", lambda.invoke(b -> b.functionName("durable").qualifier("prod")
                    .payload(SdkBytes.fromUtf8String("\"ann\""))).payload().asUtf8String());
        } finally {
            CodeUnpacker.delete(dir);
        }
    }

    @Test
    void queuedAsyncEventsRunAfterARestart() throws Exception {
        Path dir = Files.createTempDirectory("lambda-persist");
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0).withDataDir(dir);
        try (CloudJar first = CloudJar.start(config);
             LambdaClient lambda = CloudJarExtension.client(LambdaClient.builder(), first).build()) {
            LambdaFunctionsIT.create(lambda, "resumed", LambdaFunctionsIT.FIXTURES + "Recorder::any", 3, Map.of());
            // accepted before a crash, not yet run
            first.context().store().map("lambda.asyncQueue", dev.cloudjar.services.lambda.invoke.AsyncEvent.class)
                    .put("req-1", new dev.cloudjar.services.lambda.invoke.AsyncEvent(new dev.cloudjar.core.Scope("000000000000", "us-east-1"),
                            "resumed", null, "{\"id\":\"after-restart\"}".getBytes(), "req-1", System.currentTimeMillis(), 0));
        }
        try (CloudJar second = CloudJar.start(config)) {
            second.awaitIdle(java.time.Duration.ofSeconds(20));
            assertEquals("after-restart", System.getProperty("recorder.resumed"));
        } finally {
            CodeUnpacker.delete(dir);
        }
    }
}
