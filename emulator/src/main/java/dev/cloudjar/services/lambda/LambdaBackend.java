package dev.cloudjar.services.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.ServiceContext;
import dev.cloudjar.persistence.TempFolders;
import dev.cloudjar.core.Arn;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.lambda.code.CodeUnpacker;
import dev.cloudjar.services.lambda.code.FunctionPackage;
import dev.cloudjar.services.lambda.code.PackageStore;
import dev.cloudjar.services.lambda.invoke.AsyncEvent;
import dev.cloudjar.services.lambda.invoke.AsyncInvocations;
import dev.cloudjar.services.lambda.model.AliasRecord;
import dev.cloudjar.services.lambda.model.CodeInput;
import dev.cloudjar.services.lambda.model.EventInvokeConfig;
import dev.cloudjar.services.lambda.model.FunctionConfig;
import dev.cloudjar.services.lambda.model.FunctionDetails;
import dev.cloudjar.services.lambda.model.FunctionLayer;
import dev.cloudjar.services.lambda.model.FunctionRecord;
import dev.cloudjar.services.lambda.model.FunctionSettings;
import dev.cloudjar.services.lambda.model.FunctionState;
import dev.cloudjar.services.lambda.model.InvokeOutput;
import dev.cloudjar.services.lambda.runtime.FunctionRuntime;
import dev.cloudjar.services.lambda.runtime.FunctionSpec;
import dev.cloudjar.services.lambda.runtime.InvocationLog;
import dev.cloudjar.services.lambda.runtime.InvocationResult;
import dev.cloudjar.services.lambda.runtime.LogCapture;
import dev.cloudjar.services.lambda.runtime.process.ProcessRuntimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * AWS Lambda: functions, versions, aliases, policies, concurrency, asynchronous invocation settings,
 * tags and invocation, with Java handlers run in this JVM and other runtimes as child processes (see runtime/). Event source mappings live
 * in {@link #mappings()}, layers in {@link #layers()}. Other services reach functions through {@link #invokeAsync} (S3 and SNS
 * triggers) and offer S3 code, destinations and event sources through the ports set by integration.
 *
 * <p>LIMITATIONS: Java runtimes (java11/17/21/25) all run on CloudJar's JVM version; Python, Node.js
 * and provided.al2/al2023 run as local processes with the interpreter found on this machine, whatever
 * its version, not in a sandbox (no memory limit, the function sees this machine's files); container
 * images, VPC, SnapStart, function URLs, code signing and provisioned concurrency are not
 * supported; resource policies are stored but not enforced; per-function environment variables
 * reach Java handlers as system properties, not through {@code System.getenv} (decision 0002); memory size
 * is reported, not enforced; a handler that ignores the timeout's interrupt is stopped with Thread.stop
 * (Java 17-19; demoted to lowest priority on 20+); {@code System.exit} in a handler stops CloudJar; async retries wait 1 s and 2 s instead of
 * AWS's minutes (configurable); a tumbling window's state lives in the mapping's worker only (a restart or
 * an update of the mapping starts the open window afresh) and its final invocation is not retried.
 */
public final class LambdaBackend implements AutoCloseable {
    static final long MAX_SYNC_PAYLOAD = 6_291_456;
    static final long MAX_ASYNC_PAYLOAD = 262_144;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceContext ctx;
    private final Supplier<String> endpoint;
    private final PackageStore packages;
    private final FunctionCode code;
    private final Path codeRoot;
    private final Layers layers;
    final Functions functions;
    private final Aliases aliases;
    private final Permissions permissions;
    final EventInvokeConfigs eventInvokeConfigs;
    private final FunctionRuntime runtime;
    private final AsyncInvocations async;
    private final dev.cloudjar.services.lambda.esm.EventSourceMappings mappings;
    private volatile FunctionCodeSource codeSource = FunctionCodeSource.NONE;
    private volatile LambdaDestinations destinations = LambdaDestinations.NONE;

    public LambdaBackend(ServiceContext ctx, Supplier<String> endpoint) {
        this.ctx = ctx;
        this.endpoint = endpoint;
        this.packages = new PackageStore(ctx.store().blobs());
        this.codeRoot = codeRoot(ctx);
        this.code = new FunctionCode(packages, codeRoot, ctx.ids(), () -> codeSource);
        this.layers = new Layers(ctx, packages, code, this::layerBlobInUse);
        this.functions = new Functions(ctx, packages, layers::release);
        this.aliases = new Aliases(functions);
        this.permissions = new Permissions(functions);
        this.eventInvokeConfigs = new EventInvokeConfigs(ctx, functions);
        InvocationLog.LogEcho echo = (fn, line) -> LogCapture.console().println("[lambda:" + fn + "] " + line);
        this.runtime = new FunctionRuntime(ctx.clock(), ctx.ids(), Duration.ofMinutes(10), this::endpointOrNull, echo,
                new ProcessRuntimes(ctx.config().python(), ctx.config().node(), this::endpointOrNull, ctx.clock(), echo));
        this.async = new AsyncInvocations(new BackendAsyncTarget(this), ctx.events(), ctx.clock(), retryDelays(),
                ctx.store().map("lambda.asyncQueue", AsyncEvent.class));
        this.mappings = new dev.cloudjar.services.lambda.esm.EventSourceMappings(ctx, new BackendMappingInvoker(this));
        async.resume();
    }

    private static Path codeRoot(ServiceContext ctx) {
        try {
            if (ctx.config().dataDir() != null) {
                Path root = ctx.config().dataDir().resolve("lambda-code");
                CodeUnpacker.delete(root); // a cache only: packages are re-unpacked from the blobs
                return Files.createDirectories(root);
            }
            return TempFolders.create("lambda");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Duration> retryDelays() {
        String configured = System.getProperty("cloudjar.lambda.async-retry-delays-ms", "1000,2000");
        List<Duration> delays = new ArrayList<>();
        for (String part : configured.split(",")) {
            delays.add(Duration.ofMillis(Long.parseLong(part.trim())));
        }
        return delays;
    }

    /** CloudJar's endpoint; before the server is up (restored work at start), derived from the configuration. */
    private String endpointOrNull() {
        try {
            return endpoint.get();
        } catch (RuntimeException notStarted) {
            var config = ctx.config();
            if (config.port() <= 0) {
                return null;
            }
            String host = config.host() == null || config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
            return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + config.port();
        }
    }

    /** Wired by integration: reads Code.S3Bucket/S3Key from CloudJar's S3. */
    public void useCodeSource(FunctionCodeSource source) {
        this.codeSource = source;
    }

    /** Wired by integration: delivers to SQS and SNS ARNs. */
    public void useDestinations(LambdaDestinations value) {
        this.destinations = value;
    }

    public dev.cloudjar.services.lambda.esm.EventSourceMappings mappings() {
        return mappings;
    }

    public Layers layers() {
        return layers;
    }

    private boolean layerBlobInUse(String blobId) {
        return functions.usesLayerBlob(blobId);
    }

    // ---- functions ----

    public FunctionConfig createFunction(Scope scope, String name, FunctionSettings settings, CodeInput code,
                                         boolean publish, Map<String, String> tags) {
        FunctionRef ref = FunctionRef.parse(scope, name, null);
        FunctionValidation.check(settings, true);
        FunctionRecord record = layers.referencing(() -> {
            List<FunctionLayer> resolved = layers.resolve(ref.scope(), settings.layers());
            FunctionPackage pkg = this.code.storeFunction(ref.scope(), code, resolved == null ? List.of() : resolved);
            return functions.create(ref.scope(), ref.name(), settings, pkg, resolved, tags);
        });
        return publish ? functions.publish(ref, null, null, null) : record.latest();
    }

    public FunctionDetails getFunction(Scope scope, String name, String qualifier) {
        FunctionRef ref = FunctionRef.parse(scope, name, qualifier);
        FunctionConfig config = functions.config(ref);
        FunctionRecord record = functions.record(ref);
        return new FunctionDetails(config, functionArn(ref, config), record.tags(), record.reservedConcurrency());
    }

    /** The deployment package of a version, for GetFunction's Code.Location download link. */
    public java.io.InputStream functionCode(Scope scope, String name, String qualifier) {
        FunctionConfig config = functions.config(FunctionRef.parse(scope, name, qualifier));
        try {
            return packages.open(config.codeBlobId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FunctionConfig getFunctionConfiguration(Scope scope, String name, String qualifier) {
        return functions.config(FunctionRef.parse(scope, name, qualifier));
    }

    /** The ARN GetFunction shows: qualified unless $LATEST was reached without a qualifier. */
    public String functionArn(FunctionRef ref, FunctionConfig config) {
        return Functions.LATEST.equals(config.version()) && ref.qualifier() == null
                ? ref.unqualifiedArn() : ref.unqualifiedArn() + ":" + config.version();
    }

    public String functionArn(Scope scope, FunctionConfig config) {
        String base = Arn.of("lambda", scope, "function:" + config.functionName()).toString();
        return Functions.LATEST.equals(config.version()) ? base : base + ":" + config.version();
    }

    /** Every function's $LATEST (or every version with {@code allVersions}), in name order. */
    public List<FunctionConfig> listFunctions(Scope scope, boolean allVersions) {
        List<FunctionConfig> out = new ArrayList<>();
        String prefix = dev.cloudjar.persistence.KeyRanges.compose(scope.account(), scope.region()) + dev.cloudjar.persistence.KeyRanges.SEPARATOR;
        for (Map.Entry<String, FunctionRecord> e : functions.functions.prefix(prefix)) {
            out.add(e.getValue().latest());
            if (allVersions) {
                out.addAll(functions.versionsOf(scope, e.getValue().latest().functionName()));
            }
        }
        return out;
    }

    public FunctionConfig updateFunctionCode(Scope scope, String name, CodeInput code, boolean publish, String revisionId) {
        FunctionRef ref = FunctionRef.parse(scope, name, null);
        FunctionRecord before = functions.record(ref);
        if (revisionId != null && !revisionId.equals(before.latest().revisionId())) {
            throw LambdaErrors.preconditionFailed();
        }
        FunctionPackage pkg = this.code.storeFunction(ref.scope(), code, before.latest().layers());
        FunctionRecord after = functions.update(ref, revisionId, r -> r.withLatest(functions.withCode(r.latest(), pkg)));
        functions.deleteUnreferenced(ref.scope(), ref.name(), after, java.util.Set.of(before.latest().codeBlobId()));
        runtime.discard(ref.unqualifiedArn());
        return publish ? functions.publish(ref, null, null, null) : after.latest();
    }

    public FunctionConfig updateFunctionConfiguration(Scope scope, String name, FunctionSettings settings, String revisionId) {
        FunctionRef ref = FunctionRef.parse(scope, name, null);
        FunctionValidation.check(settings, false);
        FunctionRecord before = functions.record(ref);
        FunctionRecord after = layers.referencing(() -> {
            List<FunctionLayer> resolved = layers.resolve(ref.scope(), settings.layers());
            code.checkCombinedSize(before.latest(), resolved == null ? List.of() : resolved);
            return functions.update(ref, revisionId, r -> r.withLatest(functions.applySettings(r.latest(), settings, resolved)));
        });
        layers.release(before.latest().layers());
        runtime.discard(ref.unqualifiedArn());
        return after.latest();
    }

    public void deleteFunction(Scope scope, String name, String qualifier) {
        FunctionRef ref = FunctionRef.parse(scope, name, qualifier);
        functions.delete(ref);
        if (ref.qualifier() == null) {
            eventInvokeConfigs.deleteAll(ref);
        }
        runtime.discard(ref.unqualifiedArn());
    }

    public FunctionConfig publishVersion(Scope scope, String name, String codeSha256, String description, String revisionId) {
        return functions.publish(FunctionRef.parse(scope, name, null), codeSha256, description, revisionId);
    }

    public List<FunctionConfig> listVersionsByFunction(Scope scope, String name) {
        FunctionRef ref = FunctionRef.parse(scope, name, null);
        List<FunctionConfig> out = new ArrayList<>();
        out.add(functions.record(ref).latest());
        out.addAll(functions.versionsOf(ref.scope(), ref.name()));
        return out;
    }

    // ---- invoke ----

    /** Invoke: RequestResponse runs now, Event queues, DryRun only checks. */
    public InvokeOutput invoke(Scope scope, String name, String qualifier, String invocationType, boolean tail,
                               byte[] payload, String clientContext, String requestId) {
        String type = invocationType == null ? "RequestResponse" : invocationType;
        if (!List.of("RequestResponse", "Event", "DryRun").contains(type)) {
            throw LambdaErrors.validation(type, "invocationType", "Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        }
        FunctionRef ref = FunctionRef.parse(scope, name, qualifier);
        FunctionConfig config = functions.config(ref);
        long limit = "Event".equals(type) ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD;
        if (payload != null && payload.length > limit) {
            throw LambdaErrors.tooLarge(limit);
        }
        checkJson(payload);
        dev.cloudjar.services.lambda.runtime.InvocationClientContext client;
        try {
            client = dev.cloudjar.services.lambda.runtime.InvocationClientContext.parse(clientContext);
        } catch (IllegalArgumentException e) {
            throw LambdaErrors.invalid(e.getMessage());
        }
        if ("DryRun".equals(type)) {
            return new InvokeOutput(204, new byte[0], null, null, null);
        }
        if ("Event".equals(type)) {
            async.submit(new AsyncEvent(ref.scope(), ref.name(), ref.qualifier(), payload == null ? new byte[0] : payload,
                    requestId, ctx.clock().millis(), 0));
            return new InvokeOutput(202, new byte[0], null, null, null);
        }
        InvocationResult result = run(ref, config, payload, requestId, client);
        String log = tail ? Base64.getEncoder().encodeToString(result.log().tail()) : null;
        return new InvokeOutput(200, result.payload(), result.functionError(), result.executedVersion(), log);
    }

    private static void checkJson(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return;
        }
        try (var parser = JSON.getFactory().createParser(payload)) {
            while (parser.nextToken() != null) {
                // walk every token: a truncated document fails here
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw LambdaErrors.invalidJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw LambdaErrors.invalidJson(e.getMessage());
        }
    }

    /**
     * The entry point for S3 and SNS triggers (and Lambda destinations): queues an asynchronous
     * invocation of a function named by ARN or name; returns the request id.
     */
    public String invokeAsync(Scope scope, String functionNameOrArn, byte[] payload) {
        FunctionRef ref = FunctionRef.parse(scope, functionNameOrArn, null);
        functions.config(ref);
        String requestId = ctx.ids().uuid();
        async.submit(new AsyncEvent(ref.scope(), ref.name(), ref.qualifier(), payload, requestId, ctx.clock().millis(), 0));
        return requestId;
    }

    /** A synchronous invocation for event source mappings; function errors are in the result. */
    public InvocationResult invokeSync(Scope scope, String functionNameOrArn, byte[] payload) {
        FunctionRef ref = FunctionRef.parse(scope, functionNameOrArn, null);
        return run(ref, functions.config(ref), payload, ctx.ids().uuid());
    }

    InvocationResult run(FunctionRef ref, FunctionConfig config, byte[] payload, String requestId) {
        return run(ref, config, payload, requestId, null);
    }

    private InvocationResult run(FunctionRef ref, FunctionConfig config, byte[] payload, String requestId,
                                 com.amazonaws.services.lambda.runtime.ClientContext client) {
        FunctionConfig target = config;
        String qualifier = ref.qualifier();
        if (qualifier != null && !Functions.LATEST.equals(qualifier) && !qualifier.chars().allMatch(Character::isDigit)) {
            target = functions.config(ref.withQualifier(aliases.route(ref, qualifier)));
        }
        FunctionRecord record = functions.record(ref);
        if (record.reservedConcurrency() != null && record.reservedConcurrency() == 0) {
            throw new dev.cloudjar.core.AwsException(429, "TooManyRequestsException", "Rate Exceeded.")
                    .with("Reason", "ReservedFunctionConcurrentInvocationLimitExceeded");
        }
        FunctionConfig c = target;
        if (runtime.problem(c.runtime()) != null) {
            throw LambdaErrors.conflict("The operation cannot be performed at this time. The function is currently in the "
                    + "following state: Failed");
        }
        FunctionSpec spec = new FunctionSpec(c.functionName(), ref.unqualifiedArn(), c.version(),
                c.revisionId() + "/" + c.codeSha256(), c.handler(), c.runtime(), c.memorySize(), c.timeout(),
                record.reservedConcurrency(), c.variables(), ref.scope().account(), ref.scope().region(), code.unpacked(c));
        long started = ctx.clock().millis();
        InvocationResult result = runtime.invoke(spec, payload, requestId, ref.arn(), client);
        long ended = ctx.clock().millis();
        List<dev.cloudjar.events.FunctionLogEvent.Line> lines = publishLog(ref.scope(), spec, result);
        ctx.events().publish(new dev.cloudjar.events.FunctionInvoked(ref.scope(), spec.functionName(), spec.version(), requestId,
                text(payload), payload != null && payload.length > dev.cloudjar.events.FunctionInvoked.MAX_PAYLOAD,
                result.functionError(), text(result.payload()), lines, started, ended));
        return result;
    }

    private static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        int length = Math.min(bytes.length, dev.cloudjar.events.FunctionInvoked.MAX_PAYLOAD);
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Hands the invocation's lines to whoever keeps logs (CloudWatch Logs, through integration/). */
    private List<dev.cloudjar.events.FunctionLogEvent.Line> publishLog(Scope scope, FunctionSpec spec, InvocationResult result) {
        var log = result.log();
        if (log == null || log.logStreamName() == null) {
            return List.of();
        }
        List<dev.cloudjar.events.FunctionLogEvent.Line> lines = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (var line : log.lines()) {
            previous = Math.max(previous, line.timestamp()); // a clock stepping back must not break chronological order
            lines.add(new dev.cloudjar.events.FunctionLogEvent.Line(previous, line.message()));
        }
        ctx.events().publish(new dev.cloudjar.events.FunctionLogEvent(scope, spec.functionName(), spec.version(),
                spec.logGroupName(), log.logStreamName(), lines));
        return lines;
    }

    /** What State (and StateReason) a configuration shows: Failed when its runtime's interpreter is missing. */
    public FunctionState state(FunctionConfig config) {
        String problem = runtime.problem(config.runtime());
        return problem == null ? FunctionState.ACTIVE : new FunctionState("Failed", "InvalidRuntime", problem);
    }

    // ---- aliases, policy, concurrency, async config, tags ----

    public AliasRecord createAlias(Scope scope, String fn, String name, String version, String description, Map<String, Double> weights) {
        return aliases.create(FunctionRef.parse(scope, fn, null), name, version, description, weights);
    }

    public AliasRecord getAlias(Scope scope, String fn, String name) {
        return aliases.get(FunctionRef.parse(scope, fn, null), name);
    }

    public AliasRecord updateAlias(Scope scope, String fn, String name, String version, String description,
                                   Map<String, Double> weights, String revisionId) {
        return aliases.update(FunctionRef.parse(scope, fn, null), name, version, description, weights, revisionId);
    }

    public void deleteAlias(Scope scope, String fn, String name) {
        aliases.delete(FunctionRef.parse(scope, fn, null), name);
    }

    public List<AliasRecord> listAliases(Scope scope, String fn, String version) {
        return aliases.list(FunctionRef.parse(scope, fn, null), version);
    }

    public String aliasArn(Scope scope, String fn, String alias) {
        return FunctionRef.parse(scope, fn, null).unqualifiedArn() + ":" + alias;
    }

    public String addPermission(Scope scope, String fn, String qualifier, String sid, String action, String principal,
                                String sourceArn, String sourceAccount, String orgId, String revisionId) {
        return permissions.add(FunctionRef.parse(scope, fn, qualifier),
                new Permissions.Grant(sid, action, principal, sourceArn, sourceAccount, orgId, revisionId));
    }

    public void removePermission(Scope scope, String fn, String qualifier, String sid, String revisionId) {
        permissions.remove(FunctionRef.parse(scope, fn, qualifier), sid, revisionId);
    }

    /** {policy JSON, revision id}. */
    public String[] getPolicy(Scope scope, String fn, String qualifier) {
        return permissions.get(FunctionRef.parse(scope, fn, qualifier));
    }

    public int putFunctionConcurrency(Scope scope, String fn, Integer reserved) {
        if (reserved == null || reserved < 0) {
            throw LambdaErrors.validation(String.valueOf(reserved), "reservedConcurrentExecutions", "Member must have value greater than or equal to 0");
        }
        if (reserved > 900) {
            throw LambdaErrors.invalid("Specified ReservedConcurrentExecutions for function decreases account's "
                    + "UnreservedConcurrentExecution below its minimum value of [100].");
        }
        FunctionRef ref = FunctionRef.parse(scope, fn, null);
        functions.update(ref, null, r -> r.withReservedConcurrency(reserved));
        runtime.discard(ref.unqualifiedArn());
        return reserved;
    }

    public Integer getFunctionConcurrency(Scope scope, String fn) {
        return functions.record(FunctionRef.parse(scope, fn, null)).reservedConcurrency();
    }

    public void deleteFunctionConcurrency(Scope scope, String fn) {
        FunctionRef ref = FunctionRef.parse(scope, fn, null);
        functions.update(ref, null, r -> r.withReservedConcurrency(null));
        runtime.discard(ref.unqualifiedArn());
    }

    public EventInvokeConfig putEventInvokeConfig(Scope scope, String fn, String qualifier, Integer retries, Integer maxAge,
                                                  String onSuccess, String onFailure, boolean merge) {
        return eventInvokeConfigs.put(FunctionRef.parse(scope, fn, qualifier), retries, maxAge, onSuccess, onFailure, merge);
    }

    public EventInvokeConfig getEventInvokeConfig(Scope scope, String fn, String qualifier) {
        return eventInvokeConfigs.get(FunctionRef.parse(scope, fn, qualifier));
    }

    public void deleteEventInvokeConfig(Scope scope, String fn, String qualifier) {
        eventInvokeConfigs.delete(FunctionRef.parse(scope, fn, qualifier));
    }

    public List<EventInvokeConfig> listEventInvokeConfigs(Scope scope, String fn) {
        return eventInvokeConfigs.list(FunctionRef.parse(scope, fn, null));
    }

    public String eventInvokeConfigArn(Scope scope, String fn, EventInvokeConfig config) {
        FunctionRef ref = FunctionRef.parse(scope, fn, null);
        return ref.unqualifiedArn() + ":" + (config.qualifier() == null ? Functions.LATEST : config.qualifier());
    }

    public void tagResource(Scope scope, String arn, Map<String, String> tags) {
        FunctionRef ref = taggable(scope, arn);
        functions.update(ref, null, r -> {
            Map<String, String> next = new java.util.TreeMap<>(r.tags());
            next.putAll(tags);
            return r.withTags(next);
        });
    }

    public void untagResource(Scope scope, String arn, List<String> keys) {
        FunctionRef ref = taggable(scope, arn);
        functions.update(ref, null, r -> {
            Map<String, String> next = new java.util.TreeMap<>(r.tags());
            keys.forEach(next::remove);
            return r.withTags(next);
        });
    }

    public Map<String, String> listTags(Scope scope, String arn) {
        return functions.record(taggable(scope, arn)).tags();
    }

    private FunctionRef taggable(Scope scope, String arn) {
        if (Arn.parseOrNull(arn) == null) {
            throw LambdaErrors.validation(arn, "resource", "Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*):lambda:.*");
        }
        FunctionRef ref = FunctionRef.parse(scope, arn, null);
        if (ref.qualifier() != null) {
            throw LambdaErrors.invalid("Tags are not supported on function versions or aliases: " + arn);
        }
        return ref;
    }

    /** {function count, total code size of functions and layers}. */
    public long[] accountUsage(Scope scope) {
        long count = 0;
        long size = 0;
        for (FunctionConfig c : listFunctions(scope, true)) {
            if (Functions.LATEST.equals(c.version())) {
                count++;
            }
            size += c.codeSize();
        }
        return new long[] {count, size + layers.totalCodeSize(scope)};
    }

    /** Delivers to a destination: Lambda ARNs are invoked here, SQS and SNS go through the port. */
    public void deliver(Scope scope, String targetArn, String body, Map<String, String> attributes) {
        Arn arn = Arn.parseOrNull(targetArn);
        if (arn != null && "lambda".equals(arn.service())) {
            invokeAsync(scope, targetArn, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
            destinations.send(scope, targetArn, body, attributes);
        }
    }

    @Override
    public void close() {
        mappings.close();
        async.close();
        runtime.close();
        if (ctx.config().dataDir() == null) {
            CodeUnpacker.delete(codeRoot);
        }
    }
}
