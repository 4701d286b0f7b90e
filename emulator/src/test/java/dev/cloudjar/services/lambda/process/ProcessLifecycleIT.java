package dev.cloudjar.services.lambda.process;

import static dev.cloudjar.services.lambda.process.ProcessFunctions.create;
import static dev.cloudjar.services.lambda.process.ProcessFunctions.invoke;
import static dev.cloudjar.services.lambda.process.ProcessFunctions.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.services.lambda.TestPackages;
import dev.cloudjar.testing.CloudJarExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Process environments: concurrency, shutdown, a killed CloudJar, a missing interpreter. */
class ProcessLifecycleIT {
    private static final String SLOW_PID = """
            import os, time
            def handler(event, context):
                time.sleep(event.get("sleep", 0))
                return os.getpid()
            """;

    @Test
    void parallelInvocationsGetTheirOwnProcessesUpToReservedConcurrency() throws Exception {
        try (CloudJar cloudJar = CloudJar.start(CloudJarConfig.defaults().withPort(0)); LambdaClient lambda = client(cloudJar)) {
            create(lambda, "py-parallel", "python3.12", "app.handler", zip("app.py", SLOW_PID), 10);
            invoke(lambda, "py-parallel", "{}");
            CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> invoke(lambda, "py-parallel", "{\"sleep\":0.7}").payload().asUtf8String());
            CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> invoke(lambda, "py-parallel", "{\"sleep\":0.7}").payload().asUtf8String());
            assertNotEquals(a.get(20, TimeUnit.SECONDS), b.get(20, TimeUnit.SECONDS), "two concurrent invocations shared a process");

            lambda.putFunctionConcurrency(r -> r.functionName("py-parallel").reservedConcurrentExecutions(1));
            CompletableFuture<String> busy = CompletableFuture.supplyAsync(() -> invoke(lambda, "py-parallel", "{\"sleep\":2}").payload().asUtf8String());
            Thread.sleep(700);
            try (LambdaClient once = CloudJarExtension.client(LambdaClient.builder(), cloudJar)
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
                assertThrows(TooManyRequestsException.class, () -> invoke(once, "py-parallel", "{}"));
            }
            assertTrue(busy.get(20, TimeUnit.SECONDS).matches("\\d+"));
        }
    }

    @Test
    void closingCloudJarStopsItsProcesses() throws Exception {
        String pid;
        try (CloudJar cloudJar = CloudJar.start(CloudJarConfig.defaults().withPort(0)); LambdaClient lambda = client(cloudJar)) {
            create(lambda, "py-close", "python3.12", "app.handler", zip("app.py", SLOW_PID), 10);
            create(lambda, "node-close", "nodejs20.x", "index.handler", zip("index.js", "exports.handler = async () => process.pid;\n"), 10);
            pid = invoke(lambda, "py-close", "{}").payload().asUtf8String();
            String nodePid = invoke(lambda, "node-close", "{}").payload().asUtf8String();
            assertTrue(running(pid) && running(nodePid));
            cloudJar.close();
            assertTrue(gone(pid, 5000) && gone(nodePid, 5000), "function processes outlived CloudJar.close()");
        }
    }

    @Test
    void processesExitWhenCloudJarIsKilled() throws Exception {
        int port = freePort();
        Process jvm = startMain(port, java.util.Map.of());
        try (LambdaClient lambda = client(port)) {
            awaitUp(lambda);
            create(lambda, "py-orphan", "python3.12", "app.handler", zip("app.py", SLOW_PID), 10);
            create(lambda, "node-orphan", "nodejs20.x", "index.handler", zip("index.js", "exports.handler = async () => process.pid;\n"), 10);
            String pythonPid = invoke(lambda, "py-orphan", "{}").payload().asUtf8String();
            String nodePid = invoke(lambda, "node-orphan", "{}").payload().asUtf8String();
            assertTrue(running(pythonPid) && running(nodePid));
            jvm.destroyForcibly();
            assertTrue(jvm.waitFor(20, TimeUnit.SECONDS));
            assertEquals(137, jvm.exitValue(), "CloudJar was killed with SIGKILL");
            assertTrue(gone(pythonPid, 5000), "the Python process outlived a killed CloudJar");
            assertTrue(gone(nodePid, 5000), "the Node.js process outlived a killed CloudJar");
        } finally {
            jvm.destroyForcibly();
        }
    }

    @Test
    void missingInterpreterFailsTheFunctionAndInvokeAnswersAConflict() throws Exception {
        try (CloudJar cloudJar = CloudJar.start(CloudJarConfig.defaults().withPort(0).withPython("/nonexistent/python3"));
             LambdaClient lambda = client(cloudJar)) {
            create(lambda, "py-nopython", "python3.12", "app.handler", zip("app.py", SLOW_PID), 10);
            FunctionConfiguration config = lambda.getFunction(r -> r.functionName("py-nopython")).configuration();
            assertEquals("Failed", config.stateAsString());
            assertEquals("InvalidRuntime", config.stateReasonCodeAsString());
            assertTrue(config.stateReason().contains("/nonexistent/python3") && config.stateReason().contains("install"),
                    config.stateReason());
            ResourceConflictException conflict = assertThrows(ResourceConflictException.class,
                    () -> invoke(lambda, "py-nopython", "{}"));
            assertEquals(409, conflict.statusCode());
            assertTrue(conflict.awsErrorDetails().errorMessage().contains("Failed"), conflict.getMessage());
            assertEquals("Failed", lambda.listFunctions().functions().stream()
                    .filter(f -> f.functionName().equals("py-nopython")).findFirst().orElseThrow().stateAsString());
            // Java functions are not affected by a missing Python
            lambda.createFunction(b -> b.functionName("java-fine").runtime(Runtime.JAVA21)
                    .role(ProcessFunctions.ROLE).handler("dev.cloudjar.services.lambda.fixtures.EchoHandler")
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(TestPackages.fixtures()))));
            assertEquals("Active", lambda.getFunction(r -> r.functionName("java-fine")).configuration().stateAsString());
            assertEquals(null, invoke(lambda, "java-fine", "{\"a\":1}").functionError());
        }
    }

    @Test
    void anInterpreterWithoutBoto3SaysHowToInstallIt(@TempDir Path dir) throws Exception {
        Path venv = dir.resolve("venv");
        Process make = new ProcessBuilder("python3", "-m", "venv", "--without-pip", venv.toString()).inheritIO().start();
        assertTrue(make.waitFor(60, TimeUnit.SECONDS) && make.exitValue() == 0, "python3 -m venv failed");
        String python = venv.resolve("bin").resolve("python").toString();
        try (CloudJar cloudJar = CloudJar.start(CloudJarConfig.defaults().withPort(0).withPython(python));
             LambdaClient lambda = client(cloudJar)) {
            create(lambda, "py-noboto", "python3.12", "app.handler", zip("app.py", "import boto3\ndef handler(e, c):\n    return 1\n"), 10);
            assertEquals("Active", lambda.getFunction(r -> r.functionName("py-noboto")).configuration().stateAsString());
            String error = invoke(lambda, "py-noboto", "{}").payload().asUtf8String();
            assertTrue(error.contains("\"errorType\": \"Runtime.ImportModuleError\"")
                    && error.contains("Unable to import module 'app': No module named 'boto3'")
                    && error.contains("-m pip install boto3") && error.contains("apt-get install python3-boto3"), error);
        }
    }

    @Test
    void mainTakesTheInterpretersFromFlagsAndEnvironment() throws Exception {
        int port = freePort();
        String python = realPython();
        Process jvm = startMain(port, java.util.Map.of("CLOUDJAR_NODE", "/nonexistent/node"), "--python", python);
        try (LambdaClient lambda = client(port)) {
            awaitUp(lambda);
            create(lambda, "py-flag", "python3.12", "app.handler", zip("app.py", SLOW_PID), 10);
            create(lambda, "node-env", "nodejs20.x", "index.handler", zip("index.js", "exports.handler = async () => 1;\n"), 10);
            assertEquals("Active", lambda.getFunction(r -> r.functionName("py-flag")).configuration().stateAsString());
            FunctionConfiguration node = lambda.getFunction(r -> r.functionName("node-env")).configuration();
            assertEquals("Failed", node.stateAsString());
            assertTrue(node.stateReason().contains("/nonexistent/node") && node.stateReason().contains("CLOUDJAR_NODE"), node.stateReason());
            assertTrue(invoke(lambda, "py-flag", "{}").payload().asUtf8String().matches("\\d+"));
        } finally {
            jvm.destroyForcibly();
            jvm.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** The path of the machine's python3 executable (a missing python3 fails the test). */
    private static String realPython() throws Exception {
        Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty(), "python3 is required");
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** CloudJar's Main in its own JVM, as a user starts it. */
    private static Process startMain(int port, java.util.Map<String, String> env, String... args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                "dev.cloudjar.Main", "--port", Integer.toString(port)));
        command.addAll(java.util.List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("cloudjar-main", ".log").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static LambdaClient client(int port) {
        return LambdaClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    private static LambdaClient client(CloudJar cloudJar) {
        return CloudJarExtension.client(LambdaClient.builder(), cloudJar).build();
    }

    private static void awaitUp(LambdaClient lambda) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try {
                lambda.listFunctions();
                return;
            } catch (RuntimeException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("CloudJar did not start");
    }

    static boolean running(String pid) throws IOException {
        Path status = Path.of("/proc", pid, "status");
        if (!Files.exists(status)) {
            return false;
        }
        try {
            return Files.readAllLines(status).stream().noneMatch(l -> l.startsWith("State:") && l.contains("Z"));
        } catch (IOException raced) {
            return false;
        }
    }

    static boolean gone(String pid, long waitMillis) throws Exception {
        long until = System.currentTimeMillis() + waitMillis;
        while (System.currentTimeMillis() < until) {
            if (!running(pid)) {
                return true;
            }
            Thread.sleep(50);
        }
        return !running(pid);
    }
}
