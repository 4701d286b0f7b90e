package dev.cloudjar.services.lambda.esm;

import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.PersistentMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Event source mappings for SQS queues, DynamoDB streams and Kinesis streams (a worker per shard): CRUD with AWS's defaults and checks,
 * and one worker thread per enabled mapping. Mappings (and stream checkpoints) are stored, so
 * workers resume where they stopped after a restart.
 */
public final class EventSourceMappings implements AutoCloseable {
    private final ServiceContext ctx;
    private final MappingInvoker invoker;
    private final PersistentMap<MappingRecord> mappings;
    private final Map<String, Runnable> stoppers = new ConcurrentHashMap<>();
    private volatile QueueSource queues = QueueSource.NONE;
    private volatile StreamSource streams = StreamSource.NONE;
    private volatile ShardedSource kinesis;
    private volatile boolean closed;

    public EventSourceMappings(ServiceContext ctx, MappingInvoker invoker) {
        this.ctx = ctx;
        this.invoker = invoker;
        this.mappings = ctx.store().map("lambda.eventSourceMappings", MappingRecord.class);
    }

    /** Wired by integration; starts the workers of stored mappings of that kind. */
    public synchronized void useQueueSource(QueueSource source) {
        this.queues = source;
        resume(MappingRecord.SQS);
    }

    public synchronized void useStreamSource(StreamSource source) {
        this.streams = source;
        resume(MappingRecord.DYNAMODB);
    }

    public synchronized void useShardedSource(ShardedSource source) {
        this.kinesis = source;
        resume(MappingRecord.KINESIS);
    }

    private void resume(String kind) {
        for (Map.Entry<String, MappingRecord> e : mappings.range(null, null)) {
            if (kind.equals(e.getValue().kind())) {
                restart(e.getValue());
            }
        }
    }

    public MappingRecord create(Scope scope, MappingInput in) {
        if (in.eventSourceArn() == null) {
            throw invalid("EventSourceArn is required for this event source mapping type.");
        }
        Arn source = Arn.parseOrNull(in.eventSourceArn());
        String kind = kindOf(source);
        String functionArn = invoker.functionArn(scope, in.functionName());
        for (Map.Entry<String, MappingRecord> e : mappings.range(null, null)) {
            MappingRecord other = e.getValue();
            if (other.eventSourceArn().equals(in.eventSourceArn()) && other.functionArn().equals(functionArn)) {
                throw new AwsException(409, "ResourceConflictException", "An event source mapping with "
                        + (MappingRecord.SQS.equals(kind) ? "SQS" : "event source") + " arn (\" " + in.eventSourceArn()
                        + " \") and function (\" " + other.functionArn().substring(other.functionArn().lastIndexOf(':') + 1)
                        + " \") already exists. Please update or delete the existing mapping with UUID " + other.uuid());
            }
        }
        Scope sourceScope = source.scope();
        if (MappingRecord.SQS.equals(kind) && !queues.exists(sourceScope, in.eventSourceArn())) {
            throw invalid("Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. "
                    + "SQS Error Message: The specified queue does not exist or you do not have access to it.");
        }
        if (MappingRecord.DYNAMODB.equals(kind) && !streams.exists(sourceScope, in.eventSourceArn())) {
            throw invalid("Stream not found: " + in.eventSourceArn());
        }
        if (MappingRecord.KINESIS.equals(kind) && (kinesis == null || !kinesis.exists(sourceScope, in.eventSourceArn()))) {
            throw invalid("Stream not found: " + in.eventSourceArn());
        }
        MappingRecord record = MappingDefaults.build(ctx.ids().uuid(), sourceScope, kind, functionArn, in, now());
        if (MappingRecord.KINESIS.equals(kind)) {
            Instant at = in.startingPositionTimestamp() == null ? null
                    : Instant.ofEpochMilli((long) (in.startingPositionTimestamp() * 1000));
            record = record.withCheckpoint(ShardedStreamWorker.starting(kinesis, in.eventSourceArn(), record.startingPosition(), at,
                    Math.max(1, record.parallelizationFactor())), "No records processed");
        }
        if (MappingRecord.DYNAMODB.equals(kind)) {
            Instant at = in.startingPositionTimestamp() == null ? null
                    : Instant.ofEpochMilli((long) (in.startingPositionTimestamp() * 1000));
            record = record.withCheckpoint(streams.startingCheckpoint(sourceScope, in.eventSourceArn(), record.startingPosition(), at),
                    "No records processed");
        }
        mappings.put(record.uuid(), record.withState(record.enabled() ? "Enabled" : "Disabled", "USER_INITIATED"));
        restart(mappings.get(record.uuid()));
        return record;
    }

    private static String kindOf(Arn source) {
        if (source != null && "sqs".equals(source.service())) {
            return MappingRecord.SQS;
        }
        if (source != null && "dynamodb".equals(source.service()) && source.resource().contains("/stream/")) {
            return MappingRecord.DYNAMODB;
        }
        if (source != null && "kinesis".equals(source.service()) && source.resource().startsWith("stream/")) {
            return MappingRecord.KINESIS;
        }
        throw invalid("Unsupported event source type: CloudJar maps SQS queues, DynamoDB streams and Kinesis streams only.");
    }

    public MappingRecord get(String uuid) {
        MappingRecord record = uuid == null ? null : mappings.get(uuid);
        if (record == null) {
            throw new AwsException(404, "ResourceNotFoundException", "The resource you requested does not exist.");
        }
        return record;
    }

    public List<MappingRecord> list(Scope scope, String functionName, String eventSourceArn) {
        String functionArn = functionName == null ? null : invoker.functionArn(scope, functionName);
        List<MappingRecord> out = new ArrayList<>();
        for (Map.Entry<String, MappingRecord> e : mappings.range(null, null)) {
            MappingRecord m = e.getValue();
            if (m.account().equals(scope.account()) && m.region().equals(scope.region()) && (functionArn == null || functionArn.equals(m.functionArn()))
                    && (eventSourceArn == null || eventSourceArn.equals(m.eventSourceArn()))) {
                out.add(m);
            }
        }
        return out;
    }

    public MappingRecord update(Scope scope, String uuid, MappingInput in) {
        MappingRecord current = get(uuid);
        String functionArn = in.functionName() == null ? current.functionArn() : invoker.functionArn(scope, in.functionName());
        MappingRecord next = MappingDefaults.merge(current, functionArn, in, now());
        mappings.put(uuid, next.withState(next.enabled() ? "Enabled" : "Disabled", "USER_INITIATED"));
        restart(mappings.get(uuid));
        return next.withState("Updating", "USER_INITIATED");
    }

    public MappingRecord delete(String uuid) {
        MappingRecord current = get(uuid);
        stop(uuid);
        mappings.remove(uuid);
        return current.withState("Deleting", "USER_INITIATED");
    }

    /** Deletes nothing but stops workers of a deleted function (AWS keeps such mappings, failing). */
    private synchronized void restart(MappingRecord m) {
        stop(m.uuid());
        if (closed || !m.enabled()) {
            return;
        }
        Thread thread;
        if (MappingRecord.SQS.equals(m.kind())) {
            QueueWorker worker = new QueueWorker(() -> mappings.get(m.uuid()), queues, invoker, ctx.events());
            thread = new Thread(worker, "lambda-esm-" + m.uuid());
            stoppers.put(m.uuid(), () -> {
                worker.stop();
                thread.interrupt();
            });
        } else if (MappingRecord.KINESIS.equals(m.kind())) {
            if (kinesis == null) {
                return;
            }
            ShardedStreamWorker worker = new ShardedStreamWorker(() -> mappings.get(m.uuid()), kinesis, invoker, ctx.events(), ctx.clock(),
                    change -> mappings.compute(m.uuid(), change));
            thread = new Thread(worker, "lambda-esm-" + m.uuid());
            stoppers.put(m.uuid(), () -> {
                worker.stop();
                thread.interrupt();
            });
        } else {
            StreamWorker worker = new StreamWorker(() -> mappings.get(m.uuid()), streams, invoker, ctx.events(), ctx.clock(),
                    (checkpoint, result) -> mappings.compute(m.uuid(), r -> r == null ? null : r.withCheckpoint(checkpoint, result)));
            thread = new Thread(worker, "lambda-esm-" + m.uuid());
            stoppers.put(m.uuid(), () -> {
                worker.stop();
                thread.interrupt();
            });
        }
        thread.setDaemon(true);
        thread.start();
    }

    private void stop(String uuid) {
        Runnable stopper = stoppers.remove(uuid);
        if (stopper != null) {
            stopper.run();
        }
    }

    private double now() {
        return ctx.clock().millis() / 1000.0;
    }

    static AwsException invalid(String message) {
        return new AwsException(400, "InvalidParameterValueException", message);
    }

    @Override
    public synchronized void close() {
        closed = true;
        List.copyOf(stoppers.keySet()).forEach(this::stop);
    }
}
