package dev.cloudjar.integration;

import dev.cloudjar.events.EventBus;
import dev.cloudjar.events.S3NotificationConfigured;
import dev.cloudjar.events.S3ObjectEvent;
import dev.cloudjar.services.dynamodb.DynamoDbBackend;
import dev.cloudjar.services.dynamodb.streams.DynamoDbStreamsBackend;
import dev.cloudjar.services.lambda.LambdaBackend;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.sns.SnsBackend;
import dev.cloudjar.services.sqs.SqsBackend;
import java.util.function.Supplier;

/**
 * Connects the services' ports to each other. Every backend is reached through a supplier, so
 * wiring builds nothing: a backend is built when something first needs it.
 */
public final class Wiring {
    private final Supplier<S3Backend> s3;
    private final Supplier<SqsBackend> sqs;
    private final Supplier<SnsBackend> sns;
    private final Supplier<LambdaBackend> lambda;
    private final Supplier<DynamoDbStreamsBackend> streams;
    private Supplier<dev.cloudjar.services.kinesis.KinesisBackend> kinesis;

    public Wiring(Supplier<S3Backend> s3, Supplier<SqsBackend> sqs, Supplier<SnsBackend> sns,
                  Supplier<LambdaBackend> lambda, Supplier<DynamoDbStreamsBackend> streams) {
        this.s3 = s3;
        this.sqs = sqs;
        this.sns = sns;
        this.lambda = lambda;
        this.streams = streams;
    }

    /** Kinesis streams as event sources and DynamoDB's streaming destinations; set before Lambda or DynamoDB is first built. */
    public Wiring useKinesis(Supplier<dev.cloudjar.services.kinesis.KinesisBackend> source) {
        this.kinesis = source;
        return this;
    }

    /** Event subscriptions: S3 object events to their notification targets. */
    public void subscribe(EventBus events) {
        S3Notifications notifications = new S3Notifications(s3, sqs, sns, lambda);
        events.subscribe(S3ObjectEvent.class, notifications::onObjectEvent);
        events.subscribe(S3NotificationConfigured.class, notifications::onConfigured);
    }

    /** S3 checks notification destinations against the other services before saving them. */
    public S3Backend wire(S3Backend backend) {
        backend.useNotificationDestinations(new S3NotificationDestinations(sqs, sns, lambda));
        return backend;
    }

    /** SNS delivers to queues and functions through the other backends. */
    public SnsBackend wire(SnsBackend backend) {
        SnsToSqsDelivery.install(backend, sqs);
        backend.registerTransport("lambda", new SnsToLambdaDelivery(lambda));
        return backend;
    }

    /** DynamoDB exports to and imports from CloudJar's S3, and streams item changes to its Kinesis. */
    public DynamoDbBackend wire(DynamoDbBackend backend) {
        backend.useExportStore(new S3ExportStore(s3));
        if (kinesis != null) {
            backend.useKinesisDataStreams(new DynamoDbToKinesis(kinesis));
        }
        return backend;
    }

    /** Lambda reads code from S3, sends to destinations, and polls queues and streams. */
    public LambdaBackend wire(LambdaBackend backend) {
        backend.useCodeSource(new S3FunctionCode(s3));
        backend.useDestinations(new LambdaDestinationTransport(sqs, sns));
        backend.mappings().useQueueSource(new SqsQueueSource(sqs));
        backend.mappings().useStreamSource(new DynamoDbStreamSource(streams));
        if (kinesis != null) {
            backend.mappings().useShardedSource(new KinesisStreamSource(kinesis));
        }
        return backend;
    }
}
