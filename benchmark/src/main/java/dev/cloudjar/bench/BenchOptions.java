package dev.cloudjar.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every knob of a benchmark run, parsed from plain command-line arguments (see {@link #USAGE}). */
public final class BenchOptions {
    public static final String USAGE = String.join("\n",
            "usage: java -jar benchmark/target/benchmark.jar [target...] [options]",
            "targets (one or more; each gets the same workloads, one after the other):",
            "  --endpoint URL            a server that is already running (no server CPU/RSS figures)",
            "  --start-cloudjar          start java -jar <cloudjar-jar> --port P --log-level warn as a child process",
            "  --start-cloudjar-strict   the same with --auth strict (signatures checked), to compare with --start-cloudjar",
            "  --peer NAME               start a peer: moto, elasticmq, dynamodb-local (repeatable)",
            "options:",
            "  --only LIST               workload groups, comma-separated: start,s3,dynamodb,sqs,sns,lambda,apigateway (default all)",
            "  --threads LIST            client thread counts (default 1,8)",
            "  --ops N                   operations per measurement, upper bound (default 20000)",
            "  --seconds S               seconds per measurement, upper bound (default 20)",
            "  --quick                   small counts: --ops 2000 --seconds 5 --ddb-items 100000 --large-mb 128 --starts 3",
            "  --skip-large              skip the 1 GiB PUT/GET",
            "  --large-mb N              size of the large object in MiB (default 1024)",
            "  --ddb-items N             items in the large DynamoDB table (default 1000000)",
            "  --starts N                server starts for the start-time median (default 5)",
            "  --bank-runs N             bank pipeline runs (default 20)",
            "  --noop headbucket|health  the no-op route (default headbucket: S3 HeadBucket on a missing bucket via the SDK;",
            "                            health: GET /_cloudjar/health through the same SDK HTTP client, CloudJar only)",
            "  --cloudjar-jar PATH       default emulator/target/emulator.jar",
            "  --functions-jar PATH      default sample-functions/target/sample-functions.jar",
            "  --peers-dir PATH          resolved peer jars (default benchmark/target/peers)",
            "  --server-jvm-opts \"...\"   JVM options for servers the benchmark starts (default -Xmx1g)");

    final List<String> endpoints = new ArrayList<>();
    final List<ServerKind> started = new ArrayList<>();
    Set<String> only = new LinkedHashSet<>(List.of("start", "s3", "dynamodb", "sqs", "sns", "lambda", "apigateway"));
    List<Integer> threads = List.of(1, 8);
    long ops = 20_000;
    Duration timeLimit = Duration.ofSeconds(20);
    boolean quick;
    boolean skipLarge;
    long largeMib = 1024;
    long ddbItems = 1_000_000;
    int starts = 5;
    int bankRuns = 20;
    String noop = "headbucket";
    Path cloudjarJar = Path.of("emulator/target/emulator.jar");
    Path functionsJar = Path.of("sample-functions/target/sample-functions.jar");
    Path peersDir = Path.of("benchmark/target/peers");
    List<String> serverJvmOptions = List.of("-Xmx1g");

    public static BenchOptions parse(String[] args) {
        BenchOptions o = new BenchOptions();
        boolean opsSet = false, secondsSet = false, itemsSet = false, largeSet = false, startsSet = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--endpoint" -> o.endpoints.add(value(args, ++i, a));
                case "--start-cloudjar" -> o.started.add(ServerKind.CLOUDJAR);
                case "--start-cloudjar-strict" -> o.started.add(ServerKind.CLOUDJAR_STRICT);
                case "--peer" -> o.started.add(ServerKind.fromCli(value(args, ++i, a)));
                case "--only" -> o.only = new LinkedHashSet<>(Arrays.asList(value(args, ++i, a).split(",")));
                case "--threads" -> o.threads = Arrays.stream(value(args, ++i, a).split(",")).map(Integer::parseInt).toList();
                case "--ops" -> { o.ops = Long.parseLong(value(args, ++i, a)); opsSet = true; }
                case "--seconds" -> { o.timeLimit = Duration.ofSeconds(Long.parseLong(value(args, ++i, a))); secondsSet = true; }
                case "--quick" -> o.quick = true;
                case "--skip-large" -> o.skipLarge = true;
                case "--large-mb" -> { o.largeMib = Long.parseLong(value(args, ++i, a)); largeSet = true; }
                case "--ddb-items" -> { o.ddbItems = Long.parseLong(value(args, ++i, a)); itemsSet = true; }
                case "--starts" -> { o.starts = Integer.parseInt(value(args, ++i, a)); startsSet = true; }
                case "--bank-runs" -> o.bankRuns = Integer.parseInt(value(args, ++i, a));
                case "--noop" -> o.noop = value(args, ++i, a);
                case "--cloudjar-jar" -> o.cloudjarJar = Path.of(value(args, ++i, a));
                case "--functions-jar" -> o.functionsJar = Path.of(value(args, ++i, a));
                case "--peers-dir" -> o.peersDir = Path.of(value(args, ++i, a));
                case "--server-jvm-opts" -> {
                    String v = value(args, ++i, a).trim();
                    o.serverJvmOptions = v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
                }
                case "-h", "--help" -> throw new UsageException("");
                default -> throw new UsageException("unknown argument: " + a);
            }
        }
        if (o.quick) {
            if (!opsSet) o.ops = 2000;
            if (!secondsSet) o.timeLimit = Duration.ofSeconds(5);
            if (!itemsSet) o.ddbItems = 100_000;
            if (!largeSet) o.largeMib = 128;
            if (!startsSet) o.starts = 3;
        }
        if (o.endpoints.isEmpty() && o.started.isEmpty()) {
            throw new UsageException("give a target: --endpoint URL, --start-cloudjar, --start-cloudjar-strict or --peer NAME");
        }
        if (!o.noop.equals("headbucket") && !o.noop.equals("health")) {
            throw new UsageException("--noop must be headbucket or health");
        }
        return o;
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new UsageException(name + " needs a value");
        }
        return args[i];
    }

    public List<String> serverJvmOptions() { return serverJvmOptions; }
    public Path cloudjarJar() { return cloudjarJar; }
    public Path functionsJar() { return functionsJar; }
    public Path peersDir() { return peersDir; }
    public List<Integer> threads() { return threads; }
    public long ops() { return ops; }
    public Duration timeLimit() { return timeLimit; }
    public boolean runs(String group) { return only.contains(group); }

    /** A bad command line: the message (if any) and the usage are printed, exit status 2. */
    public static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
