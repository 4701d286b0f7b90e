package dev.cloudjar.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** {@code --auth strict}: the SDKs, the CLI and boto3 with a known key work; every other caller gets AWS's refusal. */
class StrictAuthIT {
    private static CloudJar cloudJar;
    private static URI endpoint;

    @BeforeAll
    static void start() {
        cloudJar = CloudJar.start(CloudJarConfig.defaults().withPort(0).withAuth("strict")
                .withCredentials(List.of("test:test", "AKIDOTHERACCOUNT:other-secret:111111111111")));
        endpoint = URI.create(cloudJar.endpoint());
    }

    @AfterAll
    static void stop() {
        cloudJar.close();
    }

    private static <B extends AwsClientBuilder<B, ?>> B with(B builder, AwsCredentials credentials) {
        return builder.endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(credentials));
    }

    private static AwsCredentials key(String id, String secret) {
        return AwsBasicCredentials.create(id, secret);
    }

    @Test
    void everyProtocolSignedWithAKnownKeyIsServed() {
        AwsCredentials test = key("test", "test");
        try (S3Client s3 = with(S3Client.builder(), test).forcePathStyle(true).build();
             DynamoDbClient dynamo = with(DynamoDbClient.builder(), test).build();
             SqsClient sqs = with(SqsClient.builder(), test).build();
             SnsClient sns = with(SnsClient.builder(), test).build();
             LambdaClient lambda = with(LambdaClient.builder(), test).build();
             StsClient sts = with(StsClient.builder(), test).build();
             IamClient iam = with(IamClient.builder(), test).region(Region.AWS_GLOBAL).build()) {
            s3.createBucket(b -> b.bucket("strict-ok"));
            s3.putObject(b -> b.bucket("strict-ok").key("dir/a b+c.txt").contentType("text/plain; charset=UTF-8"),
                    RequestBody.fromString("signed")); // aws-chunked with a trailer; Jetty used to respell that Content-Type before the signature saw it
            assertEquals("signed", s3.getObjectAsBytes(b -> b.bucket("strict-ok").key("dir/a b+c.txt")).asUtf8String());
            assertEquals(1, s3.listObjectsV2(b -> b.bucket("strict-ok").prefix("dir/").delimiter("/")).contents().size());
            assertEquals(List.of(), dynamo.listTables().tableNames());
            String queue = sqs.createQueue(b -> b.queueName("strict-q")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody("hi"));
            sns.createTopic(b -> b.name("strict-topic"));
            assertEquals(List.of(), lambda.listFunctions().functions());
            assertEquals("000000000000", sts.getCallerIdentity().account());
            iam.createRole(b -> b.roleName("strict-role").assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        }
    }

    @Test
    void aWrongSecretIsEachServicesSignatureError() {
        AwsCredentials wrong = key("test", "not-the-secret");
        try (S3Client s3 = with(S3Client.builder(), wrong).forcePathStyle(true).build();
             DynamoDbClient dynamo = with(DynamoDbClient.builder(), wrong).build();
             SqsClient sqs = with(SqsClient.builder(), wrong).build();
             SnsClient sns = with(SnsClient.builder(), wrong).build();
             LambdaClient lambda = with(LambdaClient.builder(), wrong).build()) {
            assertError(403, "SignatureDoesNotMatch", () -> s3.listBuckets());
            assertError(400, "InvalidSignatureException", () -> dynamo.listTables());
            assertError(403, "SignatureDoesNotMatch", () -> sqs.listQueues());
            assertError(403, "SignatureDoesNotMatch", () -> sns.listTopics());
            assertError(403, "InvalidSignatureException", () -> lambda.listFunctions());
        }
    }

    @Test
    void anUnknownKeyIsEachServicesUnknownKeyError() {
        AwsCredentials unknown = key("AKIANOBODYKNOWS", "x");
        try (S3Client s3 = with(S3Client.builder(), unknown).forcePathStyle(true).build();
             DynamoDbClient dynamo = with(DynamoDbClient.builder(), unknown).build();
             SnsClient sns = with(SnsClient.builder(), unknown).build();
             LambdaClient lambda = with(LambdaClient.builder(), unknown).build()) {
            AwsServiceException e = assertError(403, "InvalidAccessKeyId", () -> s3.listBuckets());
            assertTrue(e.awsErrorDetails().errorMessage().contains("does not exist in our records"), e.getMessage());
            assertError(400, "UnrecognizedClientException", () -> dynamo.listTables());
            assertError(403, "InvalidClientTokenId", () -> sns.listTopics());
            assertError(403, "UnrecognizedClientException", () -> lambda.listFunctions());
        }
    }

    @Test
    void anonymousAndSkewedRequestsAreRefused() throws Exception {
        try (S3Client s3 = with(S3Client.builder(), key("test", "test")).forcePathStyle(true).build()) {
            s3.createBucket(b -> b.bucket("strict-private"));
            s3.putObject(b -> b.bucket("strict-private").key("dir/a b+c.txt"), RequestBody.fromString("private"));
        }
        RawHttp http = new RawHttp(endpoint);
        RawHttp.Response anonymous = http.send("GET", "/strict-private/dir/a%20b%2Bc.txt", (String) null);
        assertEquals(403, anonymous.status());
        assertTrue(anonymous.body().contains("<Code>AccessDenied</Code>"), anonymous.body());
        RawHttp.Response dynamo = http.send("POST", "/", "{}", "X-Amz-Target", "DynamoDB_20120810.ListTables",
                "Content-Type", "application/x-amz-json-1.0");
        assertEquals(400, dynamo.status());
        assertTrue(dynamo.body().contains("MissingAuthenticationTokenException"), dynamo.body());

        String anHourAgo = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
        String scope = anHourAgo.substring(0, 8) + "/us-east-1/s3/aws4_request";
        RawHttp.Response skewed = http.send("GET", "/", (String) null, "X-Amz-Date", anHourAgo, "x-amz-content-sha256", "UNSIGNED-PAYLOAD",
                "Authorization", "AWS4-HMAC-SHA256 Credential=test/" + scope + ", SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64));
        assertEquals(403, skewed.status());
        assertTrue(skewed.body().contains("<Code>RequestTimeTooSkewed</Code>") && skewed.body().contains("<MaxAllowedSkewMilliseconds>900000"),
                skewed.body());
    }

    @Test
    void presignedUrlsWorkUntilTampered() throws Exception {
        try (S3Client s3 = with(S3Client.builder(), key("test", "test")).forcePathStyle(true).build();
             S3Presigner presigner = S3Presigner.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                     .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build())
                     .credentialsProvider(StaticCredentialsProvider.create(key("test", "test"))).build()) {
            s3.createBucket(b -> b.bucket("strict-presign"));
            s3.putObject(b -> b.bucket("strict-presign").key("report.csv"), RequestBody.fromString("a,b"));
            URI url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("strict-presign").key("report.csv"))).url().toURI();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals("a,b", ok.body());
            URI tampered = URI.create(url.toString().replace("report.csv", "other.csv"));
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, refused.statusCode());
            assertTrue(refused.body().contains("<Code>SignatureDoesNotMatch</Code>") && refused.body().contains("<StringToSign>"), refused.body());
        }
    }

    @Test
    void accountsAreSeparatedByKeyAndIamAndStsKeysSign() {
        try (SqsClient test = with(SqsClient.builder(), key("test", "test")).build();
             SqsClient other = with(SqsClient.builder(), key("AKIDOTHERACCOUNT", "other-secret")).build();
             IamClient iam = with(IamClient.builder(), key("test", "test")).region(Region.AWS_GLOBAL).build();
             StsClient sts = with(StsClient.builder(), key("test", "test")).build()) {
            test.createQueue(b -> b.queueName("only-in-000"));
            String otherQueue = other.createQueue(b -> b.queueName("only-in-111")).queueUrl();
            assertTrue(otherQueue.contains("/111111111111/"), otherQueue);
            assertTrue(other.listQueues().queueUrls().stream().noneMatch(u -> u.contains("only-in-000")), "account 111111111111 sees only its own");

            iam.createUser(b -> b.userName("ci"));
            var created = iam.createAccessKey(b -> b.userName("ci")).accessKey();
            try (StsClient asUser = with(StsClient.builder(), key(created.accessKeyId(), created.secretAccessKey())).build()) {
                assertEquals("arn:aws:iam::000000000000:user/ci", asUser.getCallerIdentity().arn());
            }
            Credentials session = sts.getSessionToken().credentials();
            try (SqsClient temporary = with(SqsClient.builder(), AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                    session.sessionToken())).build();
                 SqsClient noToken = with(SqsClient.builder(), key(session.accessKeyId(), session.secretAccessKey())).build()) {
                assertTrue(temporary.listQueues().queueUrls().stream().anyMatch(u -> u.contains("only-in-000")));
                SqsException e = assertThrows(SqsException.class, noToken::listQueues);
                assertEquals(403, e.statusCode());
            }
        }
    }

    @Test
    void theCliAndBoto3SignAsTheSdkDoes() {
        CliRunner cli = new CliRunner(cloudJar.endpoint());
        cli.aws("s3", "mb", "s3://strict-cli").assertSuccess();
        assertTrue(cli.aws("s3", "ls").assertSuccess().stdout().contains("strict-cli"));
        cli.aws("dynamodb", "list-tables").assertSuccess();
        cli.aws("sns", "list-topics").assertSuccess();
        CliRunner.Result boto = cli.python("""
                import boto3, botocore, os
                s3 = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'])
                print(sorted(b['Name'] for b in s3.list_buckets()['Buckets']))
                ddb = boto3.client('dynamodb', endpoint_url=os.environ['ENDPOINT'])
                print(ddb.list_tables()['TableNames'])
                bad = boto3.client('sqs', endpoint_url=os.environ['ENDPOINT'], aws_access_key_id='test', aws_secret_access_key='wrong')
                try:
                    bad.list_queues()
                except botocore.exceptions.ClientError as e:
                    print('refused', e.response['Error']['Code'])
                """).assertSuccess();
        assertTrue(boto.stdout().contains("strict-cli"), boto.stdout());
        assertTrue(boto.stdout().contains("refused SignatureDoesNotMatch"), boto.stdout());
    }

    private static AwsServiceException assertError(int status, String code, Runnable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call::run);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        assertEquals(status, e.statusCode(), e.getMessage());
        return e;
    }
}
