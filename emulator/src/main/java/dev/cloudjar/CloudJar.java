package dev.cloudjar;

import dev.cloudjar.control.ControlApi;
import dev.cloudjar.control.OutboxView;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.core.Scope;
import dev.cloudjar.events.EventBus;
import dev.cloudjar.http.HttpServer;
import dev.cloudjar.persistence.TempFolders;
import dev.cloudjar.protocol.auth.SigningSecrets;
import dev.cloudjar.integration.KnownSigningSecrets;
import dev.cloudjar.persistence.LazyStateStore;
import dev.cloudjar.persistence.MapDbStateStore;
import dev.cloudjar.persistence.StateStore;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.ServiceId;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.wire.S3Api;
import dev.cloudjar.services.sts.StsBackend;
import dev.cloudjar.services.sts.wire.StsApi;
import dev.cloudjar.services.iam.IamBackend;
import dev.cloudjar.services.iam.wire.IamApi;
import dev.cloudjar.integration.IamDirectoryForSts;
import dev.cloudjar.services.sqs.SqsBackend;
import dev.cloudjar.services.sqs.wire.SqsApi;
import dev.cloudjar.integration.Wiring;
import dev.cloudjar.integration.init.InitFileLoader;
import dev.cloudjar.services.sns.SnsBackend;
import dev.cloudjar.services.sns.wire.SnsApi;
import dev.cloudjar.services.dynamodb.DynamoDbBackend;
import dev.cloudjar.services.dynamodb.streams.DynamoDbStreamsBackend;
import dev.cloudjar.services.dynamodb.wire.DynamoDbApi;
import dev.cloudjar.services.dynamodb.wire.DynamoDbStreamsApi;
import dev.cloudjar.services.lambda.LambdaBackend;
import dev.cloudjar.services.lambda.wire.LambdaApi;
import dev.cloudjar.core.AdjustableClock;
import dev.cloudjar.integration.EventBridgeTargets;
import dev.cloudjar.services.eventbridge.EventBridgeBackend;
import dev.cloudjar.services.eventbridge.wire.EventBridgeApi;
import dev.cloudjar.services.apigateway.ApiGatewayBackend;
import dev.cloudjar.services.apigateway.wire.ApiGatewayApi;
import dev.cloudjar.services.apigateway.wire.ExecuteApi;
import dev.cloudjar.integration.ApiGatewayToLambda;
import dev.cloudjar.services.logs.LogsBackend;
import dev.cloudjar.services.logs.wire.LogsApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root and the embedding API: builds the store, the event bus, the backends (each
 * on first use) and the HTTP edge. {@code CloudJar.start(config)} in a test or {@code java -jar} from
 * the shell run the same thing.
 */
public final class CloudJar implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CloudJar.class);

    private final CloudJarConfig config;
    private volatile ServiceContext context;
    private final Map<Class<?>, Lazy<?>> backends = new ConcurrentHashMap<>();
    private final Map<ServiceId, Lazy<AwsService>> services = new EnumMap<>(ServiceId.class);
    private final Instant startedAt;
    private final Wiring wiring = new Wiring(() -> backend(S3Backend.class), () -> backend(SqsBackend.class),
            () -> backend(SnsBackend.class), () -> backend(LambdaBackend.class), () -> backend(DynamoDbStreamsBackend.class));
    private HttpServer server;
    /** The console's flow timeline: recent hops between services, bounded (FlowLog.CAPACITY). */
    private final dev.cloudjar.control.FlowLog flow;

    private CloudJar(CloudJarConfig config) {
        this.config = config;
        // adjustable so that tests and workshops can bring schedules and timeouts due without waiting
        Clock clock = new AdjustableClock(Clock.systemUTC());
        this.startedAt = clock.instant();
        StateStore store = config.dataDir() == null
                ? new LazyStateStore(MapDbStateStore::inMemory, false)
                : MapDbStateStore.onDisk(config.dataDir());
        this.context = new ServiceContext(config, store, new EventBus(), clock, IdGenerator.random());
        registerServices();
        registerIntegrations();
        this.flow = new dev.cloudjar.control.FlowLog(clock).subscribe(context.events());
        services.put(ServiceId.CONTROL, new Lazy<>(() -> dev.cloudjar.control.ConsoleViews.register(new ControlApi(this::health, this::reset, config.dataDir() != null)
                .view("api/outbox", request -> OutboxView.render(backend(SnsBackend.class)))
                .view("api/eventbridge/deliveries", request -> backend(EventBridgeBackend.class).deliveryCounts())
                .action("events/rules/", dev.cloudjar.control.EventBridgeControl.fireRule(() -> backend(EventBridgeBackend.class)))
                .action("clock/", dev.cloudjar.control.EventBridgeControl.advanceClock(this::advanceClock))
                .pages(new dev.cloudjar.console.ConsolePages()::serve), this::backend, flow)));
    }

    /** Starts CloudJar and its HTTP server; port 0 picks a free port. */
    public static CloudJar start(CloudJarConfig config) {
        removeOrphanedTempFolders();
        CloudJar cloudJar = new CloudJar(config);
        cloudJar.restore();
        Scope defaults = new Scope(config.accountId(), config.region());
        try {
            SigningSecrets strict = config.strictAuth() ? new KnownSigningSecrets(config.credentials(), config.accountId(),
                    () -> cloudJar.backend(IamBackend.class), () -> cloudJar.backend(StsBackend.class)) : null;
            cloudJar.server = new HttpServer(config.host(), config.port(), config.allowedHosts(), config.allowedOrigins(), cloudJar::service, cloudJar.context.ids(),
                    cloudJar.context.store(), defaults, strict, cloudJar.context.clock()).start();
        } catch (RuntimeException e) {
            cloudJar.close();
            throw e;
        }
        if (config.port() == 0) {
            // services that build URLs pointing back at CloudJar (SubscribeURL, queue URLs) need the bound port
            ServiceContext bound = cloudJar.context;
            cloudJar.context = new ServiceContext(config.withPort(cloudJar.port()), bound.store(), bound.events(), bound.clock(), bound.ids());
        }
        if (config.init() != null) {
            try {
                new InitFileLoader(cloudJar::backend, defaults, cloudJar.endpoint()).load(config.init());
            } catch (RuntimeException e) {
                cloudJar.close();
                throw e;
            }
        }
        return cloudJar;
    }

    /** What an in-memory CloudJar stopped with kill -9 left in the temp folder goes, off the start path. */
    private static void removeOrphanedTempFolders() {
        Thread sweeper = new Thread(TempFolders::removeOrphans, "cloudjar-temp-sweeper");
        sweeper.setDaemon(true);
        sweeper.start();
    }

    /** One place per service: its backend (built on first use) and its wire adapter. */
    private void registerServices() {
        wiring.useKinesis(() -> backend(dev.cloudjar.services.kinesis.KinesisBackend.class));
        backend(S3Backend.class, () -> wiring.wire(new S3Backend(context)));
        service(ServiceId.S3, () -> new S3Api(backend(S3Backend.class), context.clock()));
        backend(StsBackend.class, () -> new StsBackend(context)
                .useIamDirectory(new IamDirectoryForSts(() -> backend(IamBackend.class))));
        service(ServiceId.STS, () -> new StsApi(backend(StsBackend.class)));
        backend(IamBackend.class, () -> new IamBackend(context));
        service(ServiceId.IAM, () -> new IamApi(backend(IamBackend.class)));
        backend(SqsBackend.class, () -> new SqsBackend(context));
        service(ServiceId.SQS, () -> new SqsApi(backend(SqsBackend.class)));
        backend(SnsBackend.class, () -> wiring.wire(new SnsBackend(context)));
        service(ServiceId.SNS, () -> new SnsApi(backend(SnsBackend.class)));
        backend(DynamoDbBackend.class, () -> wiring.wire(new DynamoDbBackend(context)));
        service(ServiceId.DYNAMODB, () -> new DynamoDbApi(backend(DynamoDbBackend.class)));
        backend(DynamoDbStreamsBackend.class, () -> backend(DynamoDbBackend.class).streamsBackend());
        service(ServiceId.DYNAMODB_STREAMS, () -> new DynamoDbStreamsApi(backend(DynamoDbStreamsBackend.class)));
        backend(LambdaBackend.class, () -> wiring.wire(new LambdaBackend(context, this::endpoint)));
        service(ServiceId.LAMBDA, () -> new LambdaApi(backend(LambdaBackend.class)));
        backend(EventBridgeBackend.class, () -> new EventBridgeBackend(context));
        service(ServiceId.EVENTBRIDGE, () -> new EventBridgeApi(backend(EventBridgeBackend.class)));
        backend(dev.cloudjar.services.eventbridge.SchedulerBackend.class, () -> new dev.cloudjar.services.eventbridge.SchedulerBackend(context));
        service(ServiceId.SCHEDULER, () -> new dev.cloudjar.services.eventbridge.wire.SchedulerApi(
                backend(dev.cloudjar.services.eventbridge.SchedulerBackend.class)));
        backend(ApiGatewayBackend.class, () -> {
            ApiGatewayBackend apigateway = new ApiGatewayBackend(context, this::endpoint);
            apigateway.useLambda(new ApiGatewayToLambda(() -> backend(LambdaBackend.class)));
            return apigateway;
        });
        service(ServiceId.APIGATEWAY, () -> new ApiGatewayApi(backend(ApiGatewayBackend.class), context.clock(), context.ids()));
        service(ServiceId.EXECUTE_API, () -> new ExecuteApi(backend(ApiGatewayBackend.class), context.clock(), context.ids()));
        backend(LogsBackend.class, () -> new LogsBackend(context));
        service(ServiceId.LOGS, () -> new LogsApi(backend(LogsBackend.class)));
        backend(dev.cloudjar.services.kinesis.KinesisBackend.class, () -> new dev.cloudjar.services.kinesis.KinesisBackend(context));
        service(ServiceId.KINESIS, () -> new dev.cloudjar.services.kinesis.wire.KinesisApi(
                backend(dev.cloudjar.services.kinesis.KinesisBackend.class)));
    }

    /** Cross-service wiring: event subscriptions and the ports one service offers another. */
    private void registerIntegrations() {
        wiring.subscribe(context.events());
        new EventBridgeTargets(() -> backend(EventBridgeBackend.class), () -> backend(SqsBackend.class),
                () -> backend(SnsBackend.class), () -> backend(LambdaBackend.class)).subscribe(context.events());
        new dev.cloudjar.integration.S3ToEventBridge(() -> backend(S3Backend.class), () -> backend(EventBridgeBackend.class))
                .subscribe(context.events());
        context.events().subscribe(dev.cloudjar.events.FunctionLogEvent.class,
                new dev.cloudjar.integration.FunctionLogsToCloudWatch(() -> backend(LogsBackend.class))::onFunctionLog);
    }

    /**
     * With a data directory, builds the backends that have state to bring back or work to resume
     * (queues before their sources, functions before their mappings).
     */
    private void restore() {
        if (config.dataDir() == null) {
            return;
        }
        for (Lazy<?> backend : backends.values()) {
            backend.get();
        }
    }

    private <T> void backend(Class<T> type, Supplier<T> factory) {
        backends.put(type, new Lazy<>(factory));
    }

    private void service(ServiceId id, Supplier<AwsService> factory) {
        services.put(id, new Lazy<>(factory));
    }

    private AwsService service(ServiceId id) {
        Lazy<AwsService> lazy = services.get(id);
        return lazy == null ? null : lazy.get();
    }

    /** The backend of the given type, built if needed; for tests and embedding. */
    public <T> T backend(Class<T> type) {
        Lazy<?> lazy = backends.get(type);
        if (lazy == null) {
            throw new IllegalArgumentException("no backend " + type.getName());
        }
        return type.cast(lazy.get());
    }

    public CloudJarConfig config() {
        return config;
    }

    /** {@code http://host:port} of the running server. */
    public String endpoint() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port();
    }

    public int port() {
        return server.port();
    }

    public ServiceContext context() {
        return context;
    }

    /**
     * Moves CloudJar's clock forward: scheduled rules and schedules that come due fire at once, and
     * everything else that reads the clock sees the new time (SQS delays and visibility timeouts are
     * measured on it). Time never goes back. Returns the new time.
     */
    public Instant advanceClock(Duration amount) {
        return ((AdjustableClock) context.clock()).advance(amount);
    }

    /** Waits until every event and the work it caused (deliveries, invocations) has finished. */
    public boolean awaitIdle(Duration timeout) {
        return context.events().awaitIdle(timeout);
    }

    /** Forgets all state: every backend is rebuilt on its next use. */
    public synchronized void reset() {
        awaitIdle(Duration.ofSeconds(5));
        for (Lazy<?> backend : backends.values()) {
            closeQuietly(backend.clear());
        }
        for (Map.Entry<ServiceId, Lazy<AwsService>> entry : services.entrySet()) {
            if (entry.getKey() != ServiceId.CONTROL) {
                entry.getValue().clear();
            }
        }
        context.store().clear();
        flow.clear();
    }

    private Map<String, Object> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "running");
        body.put("version", version());
        body.put("uptimeSeconds", Duration.between(startedAt, context.clock().instant()).toSeconds());
        body.put("endpoint", endpoint());
        body.put("region", config.region());
        body.put("accountId", config.accountId());
        body.put("persistence", config.dataDir() == null ? "memory" : config.dataDir().toString());
        Map<String, String> state = new LinkedHashMap<>();
        for (Map.Entry<ServiceId, Lazy<AwsService>> entry : services.entrySet()) {
            if (entry.getKey() != ServiceId.CONTROL) {
                state.put(entry.getKey().name().toLowerCase().replace('_', '-'), entry.getValue().isBuilt() ? "running" : "available");
            }
        }
        body.put("services", state);
        body.put("eventsInFlight", context.events().inFlight());
        return body;
    }

    /** The services a client can call, for the start banner. */
    public java.util.List<String> serviceNames() {
        return services.keySet().stream().filter(id -> id != ServiceId.CONTROL)
                .map(id -> id.name().toLowerCase().replace('_', '-')).toList();
    }

    public static String version() {
        String version = CloudJar.class.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        // run from classes (an IDE, the junit extension's tests): the build wrote the version beside them
        try (java.io.InputStream in = CloudJar.class.getResourceAsStream("version.txt")) {
            return in == null ? "dev" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        } catch (java.io.IOException e) {
            return "dev";
        }
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (RuntimeException e) {
                LOG.warn("stopping the HTTP server failed", e);
            }
        }
        for (Lazy<?> backend : backends.values()) {
            closeQuietly(backend.clear());
        }
        context.events().close();
        context.store().close();
    }

    private static void closeQuietly(Object backend) {
        if (backend instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", backend.getClass().getSimpleName(), e);
            }
        }
    }
}
