package dev.cloudjar.launch;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Creates the class-data archive {@link CdsLauncher} starts from, in the background at low priority:
 * {@code coordinate} runs a JVM that writes the archive at its exit ({@code exercise}: an in-memory
 * CloudJar on a free port answering the first requests of every service, as a user's first calls
 * would), then a JVM that must start from it, and only then puts it in place with its {@code .ok}.
 * Every step is bounded in time; a failure leaves a {@code .failed} mark so later starts do not retry.
 */
public final class CdsTraining {
    static final String COORDINATE = "coordinate";
    static final String EXERCISE = "exercise";
    private static final long STEP_SECONDS = 120;

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals(EXERCISE)) {
            exercise();
        } else if (args.length >= 5 && args[0].equals(COORDINATE)) {
            int separator = List.of(args).indexOf("--");
            coordinate(new SharedArchive(Path.of(args[1]), Boolean.parseBoolean(args[2])), args[3],
                    List.of(args).subList(separator + 1, args.length));
        }
        System.exit(0);
    }

    private static void coordinate(SharedArchive archive, String classPath, List<String> jvmOptions) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        JavaCommandLine user = new JavaCommandLine(java, jvmOptions, List.of(), List.of());
        Path candidate = archive.file().resolveSibling(archive.file().getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Thread cleanUp = new Thread(() -> removeLeftovers(archive, candidate), "cds-training-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanUp); // also when killed: no temp file or lock stays behind
        try {
            boolean made = run(user.running(classPath, CdsTraining.class.getName(), archive.createFlags(candidate), List.of(EXERCISE)))
                    && Files.isRegularFile(candidate) && SharedArchive.hasMagic(candidate);
            boolean accepted = made && run(user.running(classPath, "dev.cloudjar.Main", archive.requireFlags(candidate), List.of("--version")));
            if (accepted) {
                archive.install(candidate);
            } else {
                Files.writeString(archive.failedFile(), made ? "refused by the JVM" : "not created");
            }
        } finally {
            removeLeftovers(archive, candidate);
        }
    }

    private static void removeLeftovers(SharedArchive archive, Path candidate) {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        for (Path leftover : List.of(candidate, candidate.resolveSibling(candidate.getFileName() + ".config"), archive.lockFile())) {
            try {
                Files.deleteIfExists(leftover); // the .config file is the AOT step's own
            } catch (IOException e) {
                // a later creation replaces it; the stale lock expires
            }
        }
    }

    private static boolean run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(STEP_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    /** The requests whose code a first real call of each service runs; their answers do not matter. */
    private static void exercise() throws IOException {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(STEP_SECONDS / 2));
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException e) {
                // ended in time
            }
        }, "cds-training-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try (CloudJar cloudJar = CloudJar.start(CloudJarConfig.defaults().withPort(0))) {
            int port = cloudJar.port();
            for (String[] request : requests()) {
                send(port, request[0], request[1], request[2], request[3], request[4]);
            }
            javaFunction(port);
        }
    }

    /** Creates a Java function from {@link TrainingHandler}'s class file and invokes it until it answers (it may still be Pending). */
    private static void javaFunction(int port) throws IOException {
        String entry = TrainingHandler.class.getName().replace('.', '/') + ".class";
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip);
                InputStream in = TrainingHandler.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new java.util.zip.ZipEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        String create = "{\"FunctionName\":\"cds-training\",\"Runtime\":\"java17\",\"Role\":\"arn:aws:iam::000000000000:role/cds\","
                + "\"Handler\":\"" + TrainingHandler.class.getName() + "::handleRequest\",\"Code\":{\"ZipFile\":\""
                + java.util.Base64.getEncoder().encodeToString(zip.toByteArray()) + "\"}}";
        send(port, "POST", "/2015-03-31/functions", "lambda", "application/json", create);
        for (int i = 0; i < 100; i++) {
            if (send(port, "POST", "/2015-03-31/functions/cds-training/invocations", "lambda", "application/json", "{\"a\":1}").startsWith("HTTP/1.1 200")) {
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** method, path, signing service, X-Amz-Target (or content type for a form), body. */
    private static List<String[]> requests() {
        List<String[]> requests = new ArrayList<>();
        requests.add(new String[] {"GET", "/_cloudjar/health", null, null, ""});
        requests.add(new String[] {"GET", "/", "s3", null, ""});
        requests.add(new String[] {"PUT", "/cds-training", "s3", null, ""});
        requests.add(new String[] {"PUT", "/cds-training/key", "s3", null, "body"});
        requests.add(new String[] {"GET", "/cds-training/key", "s3", null, ""});
        requests.add(new String[] {"GET", "/cds-training?list-type=2", "s3", null, ""});
        requests.add(new String[] {"DELETE", "/cds-training/key", "s3", null, ""});
        requests.add(new String[] {"POST", "/", "dynamodb", "DynamoDB_20120810.ListTables", "{}"});
        requests.add(new String[] {"POST", "/", "dynamodb", "DynamoDB_20120810.CreateTable", "{\"TableName\":\"t\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}"});
        requests.add(new String[] {"POST", "/", "dynamodb", "DynamoDB_20120810.PutItem", "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"}}}"});
        requests.add(new String[] {"POST", "/", "dynamodb", "DynamoDB_20120810.GetItem", "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"a\"}}}"});
        requests.add(new String[] {"POST", "/", "dynamodb", "DynamoDB_20120810.Query", "{\"TableName\":\"t\",\"KeyConditionExpression\":\"pk = :v\","
                + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"a\"}}}"});
        requests.add(new String[] {"POST", "/", "sqs", "AmazonSQS.CreateQueue", "{\"QueueName\":\"q\"}"});
        requests.add(new String[] {"POST", "/", "sqs", "AmazonSQS.ListQueues", "{}"});
        requests.add(new String[] {"POST", "/", "sns", "form", "Action=CreateTopic&Name=t&Version=2010-03-31"});
        requests.add(new String[] {"POST", "/", "sns", "form", "Action=ListTopics&Version=2010-03-31"});
        requests.add(new String[] {"POST", "/", "sts", "form", "Action=GetCallerIdentity&Version=2011-06-15"});
        requests.add(new String[] {"POST", "/", "iam", "form", "Action=ListRoles&Version=2010-05-08"});
        requests.add(new String[] {"GET", "/2015-03-31/functions/", "lambda", null, ""});
        requests.add(new String[] {"POST", "/", "logs", "Logs_20140328.DescribeLogGroups", "{}"});
        requests.add(new String[] {"POST", "/", "events", "AWSEvents.ListEventBuses", "{}"});
        return requests;
    }

    /** The whole answer (status line first). */
    private static String send(int port, String method, String path, String service, String target, String body) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
        if (service != null) {
            head.append("Authorization: AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/").append(service)
                    .append("/aws4_request, SignedHeaders=host;x-amz-date, Signature=0\r\nX-Amz-Date: 20260101T000000Z\r\n");
        }
        if ("form".equals(target)) {
            head.append("Content-Type: application/x-www-form-urlencoded\r\n");
        } else if ("application/json".equals(target)) {
            head.append("Content-Type: application/json\r\n");
        } else if (target != null) {
            head.append("X-Amz-Target: ").append(target).append("\r\nContent-Type: application/x-amz-json-1.")
                    .append(target.startsWith("Logs") || target.startsWith("AWSEvents") ? "1" : "0").append("\r\n");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
