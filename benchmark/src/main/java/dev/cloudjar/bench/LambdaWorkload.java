package dev.cloudjar.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Lambda: warm RequestResponse Invoke of HelloWorld (p50/p99 at each thread count), the same for a
 * Python function and the first Invoke of a new Python function (process start and import), then, for a
 * CloudJar the benchmark starts itself, the time from spawning `java -jar` to the first Invoke result
 * of a function created right after the server answers (median of --starts fresh servers).
 */
public final class LambdaWorkload implements Workload {
    static final String HELLO_HANDLER = "dev.cloudjar.samples.hello.HelloWorld::handleRequest";
    private static final SdkBytes PAYLOAD = SdkBytes.fromUtf8String("{\"name\":\"bench\"}");

    @Override
    public String group() {
        return "lambda";
    }

    @Override
    public String title() {
        return "Lambda invoke";
    }

    @Override
    public void run(Target target) throws Exception {
        Report report = target.report();
        SdkBytes zip;
        try {
            zip = LambdaFunctions.code(target.options().functionsJar());
        } catch (Exception e) {
            report.notAvailable("Lambda", LoadRunner.describe(e));
            return;
        }
        warmInvoke(target, zip);
        pythonInvoke(target);
        if (target.server() != null && target.server().kind().isCloudJar()) {
            startToFirstInvoke(target, zip);
        } else {
            report.note("spawn -> first Invoke needs --start-cloudjar: skipped");
        }
    }

    private void warmInvoke(Target target, SdkBytes zip) {
        String name = "bench-hello-" + Long.toHexString(System.nanoTime());
        measureWarm(target, name, "Invoke HelloWorld (warm)",
                () -> LambdaFunctions.create(target.clients().lambda(), target.clients().account(), name, HELLO_HANDLER, zip, 10));
    }

    /** Creates a function, invokes it once, measures warm invokes at each thread count, deletes it; false when it failed. */
    private static boolean measureWarm(Target target, String name, String label, Runnable create) {
        LambdaClient lambda = target.clients().lambda();
        try {
            create.run();
            invokeHello(lambda, name);
        } catch (RuntimeException e) {
            target.report().notAvailable(label, LoadRunner.describe(e));
            LambdaFunctions.deleteQuietly(lambda, name);
            return false;
        }
        try {
            for (int threads : target.options().threads()) {
                target.measure(label, threads, (thread, seq) -> invokeHello(lambda, name));
            }
        } finally {
            LambdaFunctions.deleteQuietly(lambda, name);
        }
        return true;
    }

    /** Warm Invoke of a Python function (a child process), then the first Invoke of new Python functions. */
    private void pythonInvoke(Target target) {
        LambdaClient lambda = target.clients().lambda();
        String name = "bench-py-" + Long.toHexString(System.nanoTime());
        if (!measureWarm(target, name, "Invoke Python hello (warm)",
                () -> LambdaFunctions.createPython(lambda, target.clients().account(), name))) {
            return;
        }
        List<Long> first = new ArrayList<>();
        for (int i = 0; i < Math.max(3, target.options().starts); i++) {
            String fresh = name + "-new-" + i;
            try {
                LambdaFunctions.createPython(lambda, target.clients().account(), fresh);
                long t0 = System.nanoTime();
                invokeHello(lambda, fresh);
                first.add((System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException e) {
                target.report().notAvailable("first Invoke of a new Python function", LoadRunner.describe(e));
                return;
            } finally {
                LambdaFunctions.deleteQuietly(lambda, fresh);
            }
        }
        first.sort(null);
        target.keep("lambda.python.first.ms", first.get(first.size() / 2));
        target.report().figure("first Invoke of a new Python function (median of " + first.size() + ")",
                first.get(first.size() / 2) + " ms   (sorted: " + first + ")");
    }

    private static void invokeHello(LambdaClient lambda, String name) {
        InvokeResponse response = lambda.invoke(b -> b.functionName(name).payload(PAYLOAD));
        if (response.functionError() != null) {
            throw new IllegalStateException("function error " + response.functionError() + ": "
                    + response.payload().asString(StandardCharsets.UTF_8));
        }
        String result = response.payload().asString(StandardCharsets.UTF_8);
        if (!result.contains("Hello, bench!")) {
            throw new IllegalStateException("unexpected result " + result);
        }
    }

    private void startToFirstInvoke(Target target, SdkBytes zip) {
        Report report = target.report();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < target.options().starts; i++) {
            try {
                int port = ServerProcess.freePort();
                // the client exists before the clock starts: its own set-up is not the server's start
                try (LambdaClient lambda = Clients.lambdaFor(URI.create("http://127.0.0.1:" + port), target.clients().http())) {
                    long t0 = System.nanoTime();
                    try (ServerProcess fresh = ServerProcess.start(ServerKind.CLOUDJAR, port, target.options(), Duration.ofSeconds(120))) {
                        LambdaFunctions.create(lambda, target.clients().account(), "hello", HELLO_HANDLER, zip, 10);
                        invokeHello(lambda, "hello");
                        millis.add((System.nanoTime() - t0) / 1_000_000);
                    }
                }
            } catch (Exception e) {
                report.notAvailable("spawn -> first Invoke result", LoadRunner.describe(e));
                return;
            }
        }
        millis.sort(null);
        target.keep("lambda.start.ms", millis.get(millis.size() / 2));
        report.figure("spawn -> first Invoke result (median of " + millis.size() + ")", millis.get(millis.size() / 2) + " ms   (sorted: " + millis + ")");
    }
}
