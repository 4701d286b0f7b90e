package dev.cloudjar.bench;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * SDK v2 clients aimed at one endpoint: region us-east-1, dummy credentials, one shared Apache HTTP
 * client with enough connections for every load thread, and no retries (a failed call is counted as
 * an error instead of being hidden in a longer latency).
 */
public final class Clients implements AutoCloseable {
    private final URI endpoint;
    private final SdkHttpClient http;
    private S3Client s3;
    private DynamoDbClient dynamoDb;
    private SqsClient sqs;
    private SnsClient sns;
    private LambdaClient lambda;
    private String account;

    public Clients(URI endpoint) {
        this.endpoint = endpoint;
        this.http = ApacheHttpClient.builder()
                .maxConnections(128)
                .socketTimeout(Duration.ofSeconds(60))
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
    }

    public URI endpoint() {
        return endpoint;
    }

    public SdkHttpClient http() {
        return http;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = configure(S3Client.builder()).forcePathStyle(true).build();
        }
        return s3;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = configure(DynamoDbClient.builder()).build();
        }
        return dynamoDb;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = configure(SqsClient.builder()).build();
        }
        return sqs;
    }

    public synchronized SnsClient sns() {
        if (sns == null) {
            sns = configure(SnsClient.builder()).build();
        }
        return sns;
    }

    public synchronized LambdaClient lambda() {
        if (lambda == null) {
            lambda = configure(LambdaClient.builder()).build();
        }
        return lambda;
    }

    /**
     * The account the server assigns to our dummy credentials (STS GetCallerIdentity), for ARNs such
     * as a function's role; 000000000000 when the server has no STS.
     */
    public synchronized String account() {
        if (account == null) {
            try (StsClient sts = configure(StsClient.builder()).build()) {
                account = sts.getCallerIdentity().account();
            } catch (RuntimeException e) {
                account = "000000000000";
            }
        }
        return account;
    }

    /** A Kinesis client (not cached: only the Kinesis workload uses one); it speaks CBOR, the SDK's default. */
    public software.amazon.awssdk.services.kinesis.KinesisClient kinesis() {
        return configure(software.amazon.awssdk.services.kinesis.KinesisClient.builder()).build();
    }

    /** An API Gateway v2 client (not cached: only the API Gateway workload sets up one API with it). */
    public software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client apiGatewayV2() {
        return configure(software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client.builder()).build();
    }

    /** A fresh client for another endpoint (used for servers started only for a start-time figure). */
    public static LambdaClient lambdaFor(URI endpoint, SdkHttpClient http) {
        return configure(LambdaClient.builder(), endpoint, http).build();
    }

    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder) {
        return configure(builder, endpoint, http);
    }

    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, URI endpoint, SdkHttpClient http) {
        return builder.endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {s3, dynamoDb, sqs, sns, lambda}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing at exit: nothing useful to do
                }
            }
        }
        http.close();
    }
}
