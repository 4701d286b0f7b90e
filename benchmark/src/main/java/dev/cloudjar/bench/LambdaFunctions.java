package dev.cloudjar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;

/** Creating functions from sample-functions.jar and waiting until they can be invoked. */
final class LambdaFunctions {
    private static volatile SdkBytes code;

    private LambdaFunctions() {
    }

    /** The sample functions jar as a zip payload; fails with a message naming the build command. */
    static SdkBytes code(Path jar) throws IOException {
        if (code == null) {
            if (!Files.isRegularFile(jar)) {
                throw new IOException(jar + " not found (build it: mvn -B -q package -DskipTests)");
            }
            code = SdkBytes.fromByteArray(Files.readAllBytes(jar));
        }
        return code;
    }

    static void create(LambdaClient lambda, String account, String name, String handler, SdkBytes zip, int timeoutSeconds) {
        lambda.createFunction(b -> b.functionName(name)
                .runtime(Runtime.JAVA17)
                .role("arn:aws:iam::" + account + ":role/lambda-role")
                .handler(handler)
                .timeout(timeoutSeconds)
                .memorySize(512)
                .code(c -> c.zipFile(zip)));
        awaitActive(lambda, name, Duration.ofSeconds(30));
    }

    /** A Python function that answers {"hello": name} from module state set up once per process. */
    static SdkBytes pythonZip() {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
                zip.putNextEntry(new java.util.zip.ZipEntry("hello.py"));
                zip.write(("GREETING = 'Hello, '\n"
                        + "def handler(event, context):\n"
                        + "    return GREETING + event['name'] + '!'\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return SdkBytes.fromByteArray(bytes.toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void createPython(LambdaClient lambda, String account, String name) {
        lambda.createFunction(b -> b.functionName(name)
                .runtime(Runtime.PYTHON3_12)
                .role("arn:aws:iam::" + account + ":role/lambda-role")
                .handler("hello.handler")
                .timeout(10)
                .code(c -> c.zipFile(pythonZip())));
        awaitActive(lambda, name, Duration.ofSeconds(30));
    }

    static void awaitActive(LambdaClient lambda, String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            State state = lambda.getFunctionConfiguration(b -> b.functionName(name)).state();
            if (state == null || state == State.ACTIVE) {
                return;
            }
            if (state == State.FAILED || System.nanoTime() > deadline) {
                throw new IllegalStateException("function " + name + " is " + state);
            }
            ServerProcess.sleepMillis(10);
        }
    }

    static void deleteQuietly(LambdaClient lambda, String name) {
        try {
            lambda.deleteFunction(b -> b.functionName(name));
        } catch (RuntimeException ignored) {
            // cleanup only
        }
    }
}
