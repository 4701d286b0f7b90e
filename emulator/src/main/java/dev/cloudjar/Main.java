package dev.cloudjar;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar emulator.jar}: flags, then {@code CLOUDJAR_*} environment variables, then defaults,
 * into a {@link CloudJarConfig}; starts CloudJar and stops it cleanly on SIGINT/SIGTERM.
 */
@Command(name = "cloudjar", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A local AWS cloud (S3, DynamoDB + Streams, SQS, SNS, Lambda) in one JVM process.")
public final class Main implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "${env:CLOUDJAR_PORT:-4566}", description = "Port to listen on (env CLOUDJAR_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "${env:CLOUDJAR_HOST:-127.0.0.1}", description = "Address to listen on (env CLOUDJAR_HOST, default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data-dir", defaultValue = "${env:CLOUDJAR_DATA_DIR}", description = "Keep state in this folder across restarts (env CLOUDJAR_DATA_DIR; default: in memory).")
    Path dataDir;

    @Option(names = "--region", defaultValue = "${env:CLOUDJAR_REGION:-us-east-1}", description = "Region for unsigned requests (env CLOUDJAR_REGION, default ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--account-id", defaultValue = "${env:CLOUDJAR_ACCOUNT_ID:-000000000000}", description = "Account for requests without a 12-digit access key (env CLOUDJAR_ACCOUNT_ID, default ${DEFAULT-VALUE}).")
    String accountId;

    @Option(names = "--log-level", defaultValue = "${env:CLOUDJAR_LOG_LEVEL:-info}", description = "${COMPLETION-CANDIDATES} (env CLOUDJAR_LOG_LEVEL, default ${DEFAULT-VALUE}).")
    LogLevel logLevel;

    /** slf4j-simple's levels; anything else is refused at the command line instead of silently meaning info. */
    enum LogLevel { trace, debug, info, warn, error }

    @Option(names = "--smtp", defaultValue = "${env:CLOUDJAR_SMTP}", description = "Relay SNS email notifications to this SMTP server, host:port (env CLOUDJAR_SMTP).")
    String smtp;

    @Option(names = "--init", defaultValue = "${env:CLOUDJAR_INIT}", description = "Create the resources described in this setup file at start (env CLOUDJAR_INIT).")
    Path init;

    @Option(names = "--allowed-hosts", split = ",", defaultValue = "${env:CLOUDJAR_ALLOWED_HOSTS}",
            description = "More Host names to answer besides localhost, *.localhost, loopback addresses and --host; '*.example.test' matches subdomains (env CLOUDJAR_ALLOWED_HOSTS, comma-separated).")
    List<String> allowedHosts;

    @Option(names = "--allowed-origins", split = ",", defaultValue = "${env:CLOUDJAR_ALLOWED_ORIGINS}",
            description = "Web page origins (scheme://host:port) allowed to call every service from a browser; '*' allows any (env CLOUDJAR_ALLOWED_ORIGINS, comma-separated).")
    List<String> allowedOrigins;

    @Option(names = "--auth", defaultValue = "${env:CLOUDJAR_AUTH:-off}",
            description = "${COMPLETION-CANDIDATES}: 'strict' refuses requests not signed (SigV4) with a known secret, as AWS does (env CLOUDJAR_AUTH, default ${DEFAULT-VALUE}).")
    Auth auth;

    @Option(names = "--credentials", split = ",", defaultValue = "${env:CLOUDJAR_CREDENTIALS}",
            description = "Keys strict mode accepts besides those IAM and STS issue: ACCESS_KEY_ID:SECRET[:ACCOUNT], comma-separated (env CLOUDJAR_CREDENTIALS, default test:test).")
    List<String> credentials;

    /** Whether signatures are checked. */
    enum Auth { off, strict }

    @Option(names = "--python", defaultValue = "${env:CLOUDJAR_PYTHON}",
            description = "Python interpreter for python3.x functions (env CLOUDJAR_PYTHON, default: python3 on PATH).")
    String python;

    @Option(names = "--node", defaultValue = "${env:CLOUDJAR_NODE}",
            description = "Node.js for nodejs*.x functions (env CLOUDJAR_NODE, default: node on PATH).")
    String node;

    @Option(names = dev.cloudjar.launch.CdsLauncher.NO_CDS_FLAG,
            description = "Do not start from (or create) the class-data archive in the cache folder (also env CLOUDJAR_CDS=off); see docs/startup.md.")
    boolean noCds;

    public static void main(String[] args) {
        java.util.OptionalInt relaunched = dev.cloudjar.launch.CdsLauncher.relaunch(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
        CommandLine commandLine = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        int exit = commandLine.execute(args);
        if (exit != 0 || commandLine.isUsageHelpRequested() || commandLine.isVersionHelpRequested()) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        configureLogging(logLevel.name());
        CloudJarConfig config = new CloudJarConfig(host, port, dataDir, region, accountId, logLevel.name(), smtp, init, allowedHosts, allowedOrigins,
                auth.name(), credentials, python, node);
        CloudJar cloudJar;
        try {
            cloudJar = CloudJar.start(config);
        } catch (RuntimeException e) {
            System.err.println("CloudJar could not start: " + rootMessage(e));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cloudJar.close();
            stopped.countDown();
        }, "cloudjar-shutdown"));
        System.out.println("CloudJar " + CloudJar.version() + " ready on " + cloudJar.endpoint()
                + " | services: " + String.join(", ", cloudJar.serviceNames())
                + " | data: " + (dataDir == null ? "in memory" : dataDir.toAbsolutePath())
                + " | console: " + cloudJar.endpoint() + dev.cloudjar.console.ConsolePages.PATH);
        stopped.await();
        return 0;
    }

    /** CloudJar's own explanation where it gave one (a port in use, a data dir it cannot use), else the root cause's. */
    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (true) {
            if ((cause instanceof IllegalStateException || cause instanceof IllegalArgumentException) && cause.getMessage() != null) {
                return cause.getMessage();
            }
            if (cause.getCause() == null) {
                return cause.getMessage() == null ? cause.toString() : cause.getMessage();
            }
            cause = cause.getCause();
        }
    }

    /** slf4j-simple reads its level once, at the first logger: set it before anything logs. */
    static void configureLogging(String level) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level == null ? "info" : level.toLowerCase());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        // CloudJar says itself why it could not start (HttpServer names the port in use)
        System.setProperty("org.slf4j.simpleLogger.log.io.javalin.Javalin", "off");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "warn");
    }

    /** Reads the version the build wrote into the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"CloudJar " + CloudJar.version()};
        }
    }
}
