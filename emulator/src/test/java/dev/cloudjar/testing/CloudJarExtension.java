package dev.cloudjar.testing;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Starts one CloudJar per test class on a free port and hands tests what they ask for as parameters:
 * the {@link CloudJar}, its endpoint {@link URI}, or ready AWS SDK v2 clients pointed at it (region
 * us-east-1 or aws-global for IAM, dummy credentials, S3 in path style). Clients are built per class and closed after it.
 */
public final class CloudJarExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CloudJarExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), Running.class);
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == CloudJar.class || type == URI.class || SdkClient.class.isAssignableFrom(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Running running = running(extension);
        Class<?> type = parameter.getParameter().getType();
        if (type == CloudJar.class) {
            return running.cloudJar;
        }
        if (type == URI.class) {
            return URI.create(running.cloudJar.endpoint());
        }
        return running.clients.computeIfAbsent(type, t -> newClient(t, running.cloudJar));
    }

    private Running running(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(testClass,
                c -> new Running(CloudJar.start(CloudJarConfig.defaults().withPort(0))), Running.class);
    }

    /** Points any SDK v2 client builder at the given CloudJar. */
    public static <B extends AwsClientBuilder<B, ?>> B client(B builder, CloudJar cloudJar) {
        return builder.endpointOverride(URI.create(cloudJar.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    private static SdkClient newClient(Class<?> type, CloudJar cloudJar) {
        if (type == S3Client.class) {
            return client(S3Client.builder(), cloudJar).forcePathStyle(true).build();
        }
        if (type == S3AsyncClient.class) {
            return client(S3AsyncClient.builder(), cloudJar).forcePathStyle(true).build();
        }
        if (type == DynamoDbClient.class) {
            return client(DynamoDbClient.builder(), cloudJar).build();
        }
        if (type == DynamoDbStreamsClient.class) {
            return client(DynamoDbStreamsClient.builder(), cloudJar).build();
        }
        if (type == SqsClient.class) {
            return client(SqsClient.builder(), cloudJar).build();
        }
        if (type == SnsClient.class) {
            return client(SnsClient.builder(), cloudJar).build();
        }
        if (type == LambdaClient.class) {
            return client(LambdaClient.builder(), cloudJar).build();
        }
        if (type == IamClient.class) {
            // IAM is global: its clients use the aws-global region, which the SDK signs as us-east-1
            return client(IamClient.builder(), cloudJar).region(Region.AWS_GLOBAL).build();
        }
        if (type == CloudWatchLogsClient.class) {
            return client(CloudWatchLogsClient.builder(), cloudJar).build();
        }
        if (type == StsClient.class) {
            return client(StsClient.builder(), cloudJar).build();
        }
        throw new ParameterResolutionException("CloudJarExtension cannot build a " + type.getName());
    }

    /** The CloudJar of one test class and the clients built for it. */
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final CloudJar cloudJar;
        final Map<Class<?>, SdkClient> clients = new ConcurrentHashMap<>();
        private boolean closed;

        Running(CloudJar cloudJar) {
            this.cloudJar = cloudJar;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            clients.values().forEach(SdkClient::close);
            cloudJar.close();
        }
    }
}
