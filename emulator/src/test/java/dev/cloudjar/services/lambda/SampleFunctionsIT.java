package dev.cloudjar.services.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** The sample-functions jar (built before the emulator in the reactor) deploys and runs unchanged. */
@ExtendWith(CloudJarExtension.class)
class SampleFunctionsIT {
    static final Path JAR = Path.of("../sample-functions/target/sample-functions.jar");

    static void deploy(LambdaClient lambda, String name, String handler) throws Exception {
        byte[] jar = Files.readAllBytes(JAR);
        lambda.createFunction(b -> b.functionName(name).runtime("java21").role(LambdaFunctionsIT.ROLE).handler(handler)
                .timeout(30).memorySize(512).code(c -> c.zipFile(SdkBytes.fromByteArray(jar))));
    }

    @Test
    void helloWorld(LambdaClient lambda) throws Exception {
        deploy(lambda, "hello", "dev.cloudjar.samples.hello.HelloWorld::handleRequest");
        InvokeResponse response = lambda.invoke(b -> b.functionName("hello").payload(SdkBytes.fromUtf8String("{\"name\":\"CloudJar\"}")));
        assertNull(response.functionError(), response.payload().asUtf8String());
        assertEquals("\"Hello, CloudJar!\"", response.payload().asUtf8String());
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            lambda.invoke(b -> b.functionName("hello").payload(SdkBytes.fromUtf8String("{}")));
        }
        assertTrue((System.nanoTime() - start) / 50 < 50_000_000L, "warm invocations are fast");
    }

    @Test
    void helloApiGatewayProxy(LambdaClient lambda) throws Exception {
        deploy(lambda, "hello-api", "dev.cloudjar.samples.hello.HelloApi");
        InvokeResponse response = lambda.invoke(b -> b.functionName("hello-api").payload(SdkBytes.fromUtf8String(
                "{\"resource\":\"/hello\",\"path\":\"/hello\",\"httpMethod\":\"GET\",\"queryStringParameters\":{\"name\":\"Ada\"},"
                        + "\"requestContext\":{\"stage\":\"prod\"},\"isBase64Encoded\":false}")));
        assertNull(response.functionError(), response.payload().asUtf8String());
        assertEquals("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
                + "\"body\":\"{\\\"message\\\":\\\"Hello, Ada!\\\",\\\"method\\\":\\\"GET\\\",\\\"path\\\":\\\"/hello\\\"}\"}",
                response.payload().asUtf8String());
    }
}
