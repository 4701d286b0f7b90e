package dev.cloudjar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The servers the benchmark knows how to start itself: CloudJar and the peers it is compared with.
 * Each knows its command line, the services it speaks and how to tell that it is serving.
 */
public enum ServerKind {
    CLOUDJAR("cloudjar", Set.of("s3", "dynamodb", "sqs", "sns", "lambda", "apigateway", "kinesis"), "/_cloudjar/health", true),
    /** CloudJar with {@code --auth strict}: every request's signature checked (the clients sign with test:test, its default key). */
    CLOUDJAR_STRICT("cloudjar-strict", Set.of("s3", "dynamodb", "sqs", "sns", "lambda", "apigateway", "kinesis"), "/_cloudjar/health", true),
    MOTO("moto", Set.of("s3", "dynamodb", "sqs", "sns", "lambda"), "/", false),
    ELASTICMQ("elasticmq", Set.of("sqs"), "/?Action=ListQueues", false),
    DYNAMODB_LOCAL("dynamodb-local", Set.of("dynamodb"), "/", false);

    private final String cliName;
    private final Set<String> services;
    private final String probePath;
    private final boolean probeMustBeOk;

    ServerKind(String cliName, Set<String> services, String probePath, boolean probeMustBeOk) {
        this.cliName = cliName;
        this.services = services;
        this.probePath = probePath;
        this.probeMustBeOk = probeMustBeOk;
    }

    public String cliName() {
        return cliName;
    }

    public boolean isCloudJar() {
        return this == CLOUDJAR || this == CLOUDJAR_STRICT;
    }

    public boolean speaks(String service) {
        return services.contains(service);
    }

    public static ServerKind fromCli(String name) {
        for (ServerKind kind : values()) {
            if (kind.cliName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown server '" + name + "' (cloudjar, cloudjar-strict, moto, elasticmq, dynamodb-local)");
    }

    /** True when an HTTP status from the probe path means the server is serving requests. */
    public boolean isReady(int status) {
        if (status < 0) {
            return false;
        }
        return !probeMustBeOk || (status >= 200 && status < 300);
    }

    public String probePath() {
        return probePath;
    }

    /** The command line that starts this server on 127.0.0.1:port. */
    public List<String> command(int port, BenchOptions options) throws IOException {
        List<String> cmd = new ArrayList<>();
        switch (this) {
            case CLOUDJAR, CLOUDJAR_STRICT -> {
                cmd.add(javaBinary());
                cmd.addAll(options.serverJvmOptions());
                cmd.addAll(List.of("-jar", options.cloudjarJar().toString(), "--port", Integer.toString(port), "--log-level", "warn"));
                if (this == CLOUDJAR_STRICT) {
                    cmd.addAll(List.of("--auth", "strict"));
                }
            }
            case MOTO -> cmd.addAll(List.of("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port)));
            case ELASTICMQ -> {
                Path dir = options.peersDir().resolve("elasticmq").toAbsolutePath();
                requireDir(dir, "ElasticMQ");
                Path conf = Files.createTempFile("elasticmq-bench", ".conf");
                conf.toFile().deleteOnExit();
                Files.writeString(conf, String.join("\n",
                        "include classpath(\"application.conf\")",
                        "node-address { protocol = http, host = \"127.0.0.1\", port = " + port + ", context-path = \"\" }",
                        "rest-sqs { enabled = true, bind-port = " + port + ", bind-hostname = \"127.0.0.1\", sqs-limits = strict }",
                        "rest-stats { enabled = false }",
                        ""));
                cmd.add(javaBinary());
                cmd.addAll(options.serverJvmOptions());
                cmd.addAll(List.of("-Dconfig.file=" + conf, "-cp", dir + "/*", "org.elasticmq.server.Main"));
            }
            case DYNAMODB_LOCAL -> {
                Path dir = options.peersDir().resolve("dynamodb-local").toAbsolutePath();
                requireDir(dir, "DynamoDB Local");
                cmd.add(javaBinary());
                cmd.addAll(options.serverJvmOptions());
                cmd.addAll(List.of("-Djava.library.path=" + dir, "-Dsqlite4java.library.path=" + dir, "-cp", dir + "/*",
                        "com.amazonaws.services.dynamodbv2.local.main.ServerRunner", "-inMemory", "-port", Integer.toString(port)));
            }
            default -> throw new IllegalStateException(name());
        }
        return cmd;
    }

    private static void requireDir(Path dir, String what) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(what + " is not resolved: " + dir + " is missing (benchmark/run.sh resolves it with"
                    + " mvn dependency:copy-dependencies; it needs network access to Maven Central)");
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
