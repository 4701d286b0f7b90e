package dev.cloudjar.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.RawHttp;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code --auth strict}: an unsigned S3 request is served only where the bucket's policy or ACL lets everyone, a
 * request of another account only where they name it (or everyone), as S3 decides; the other services keep each
 * account's resources to it.
 */
class StrictAnonymousIT {
    private static CloudJar cloudJar;
    private static URI endpoint;
    private static S3Client owner;

    @BeforeAll
    static void start() {
        cloudJar = CloudJar.start(CloudJarConfig.defaults().withPort(0).withAuth("strict").withCredentials(List.of("test:test", "AKIDOTHER:other-secret:111111111111")));
        endpoint = URI.create(cloudJar.endpoint());
        owner = client(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    @AfterAll
    static void stop() {
        owner.close();
        cloudJar.close();
    }

    private static S3Client client(AwsCredentialsProvider credentials) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true).credentialsProvider(credentials).build();
    }

    private static RawHttp.Response anonymous(String method, String path) throws Exception {
        return new RawHttp(endpoint).send(method, path, method.equals("PUT") ? "x" : null);
    }

    private static void assertDenied(RawHttp.Response response) {
        assertEquals(403, response.status(), response.body());
        assertTrue(response.body().contains("<Code>AccessDenied</Code>"), response.body());
    }

    @Test
    void aPublicPolicyGrantsWhatItSaysAndItsDenyWins() throws Exception {
        owner.createBucket(b -> b.bucket("pub-policy"));
        owner.deletePublicAccessBlock(b -> b.bucket("pub-policy"));
        owner.putBucketPolicy(b -> b.bucket("pub-policy").policy("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::pub-policy/public/*"},
                 {"Effect":"Deny","Principal":{"AWS":"*"},"Action":"s3:Get*","Resource":"arn:aws:s3:::pub-policy/public/secret*"}]}"""));
        for (String key : List.of("public/a.txt", "public/secret.txt", "private/b.txt")) {
            owner.putObject(b -> b.bucket("pub-policy").key(key), RequestBody.fromString("body of " + key));
        }
        RawHttp.Response read = anonymous("GET", "/pub-policy/public/a.txt");
        assertEquals(200, read.status(), read.body());
        assertEquals("body of public/a.txt", read.body());
        try (S3Client sdk = client(AnonymousCredentialsProvider.create())) {
            assertEquals("body of public/a.txt", sdk.getObjectAsBytes(b -> b.bucket("pub-policy").key("public/a.txt")).asUtf8String());
            S3Exception e = assertThrows(S3Exception.class, () -> sdk.listObjectsV2(b -> b.bucket("pub-policy")));
            assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
        }
        assertDenied(anonymous("GET", "/pub-policy/public/secret.txt"));
        assertDenied(anonymous("GET", "/pub-policy/private/b.txt"));
        assertDenied(anonymous("PUT", "/pub-policy/public/new.txt"));
        assertDenied(anonymous("GET", "/pub-policy"));
        assertDenied(anonymous("GET", "/"));
        assertDenied(anonymous("PUT", "/anonymous-bucket"));
        assertFalse(owner.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("anonymous-bucket")));
        assertEquals(404, anonymous("GET", "/no-such-bucket/key").status());

        CliRunner.Result cli = new CliRunner(cloudJar.endpoint()).aws("s3", "cp", "--no-sign-request", "s3://pub-policy/public/a.txt", "-");
        assertEquals("body of public/a.txt", cli.assertSuccess().stdout());

        owner.putPublicAccessBlock(b -> b.bucket("pub-policy").publicAccessBlockConfiguration(c -> c.restrictPublicBuckets(true)));
        assertDenied(anonymous("GET", "/pub-policy/public/a.txt"));
    }

    @Test
    void publicAclsGrantUntilIgnoredAndNotWhereAclsAreDisabled() throws Exception {
        owner.createBucket(b -> b.bucket("pub-acl").objectOwnership(ObjectOwnership.OBJECT_WRITER));
        owner.deletePublicAccessBlock(b -> b.bucket("pub-acl"));
        owner.putBucketAcl(b -> b.bucket("pub-acl").acl("public-read"));
        owner.putObject(b -> b.bucket("pub-acl").key("open.txt").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("open"));
        owner.putObject(b -> b.bucket("pub-acl").key("closed.txt"), RequestBody.fromString("closed"));
        RawHttp.Response list = anonymous("GET", "/pub-acl?list-type=2");
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains("<Key>closed.txt</Key>"), list.body());
        assertEquals("open", anonymous("GET", "/pub-acl/open.txt").body());
        assertDenied(anonymous("GET", "/pub-acl/closed.txt"));
        assertDenied(anonymous("PUT", "/pub-acl/written.txt")); // public-read grants no WRITE

        owner.putPublicAccessBlock(b -> b.bucket("pub-acl").publicAccessBlockConfiguration(c -> c.ignorePublicAcls(true)));
        assertDenied(anonymous("GET", "/pub-acl/open.txt"));
        assertDenied(anonymous("GET", "/pub-acl?list-type=2"));

        owner.createBucket(b -> b.bucket("new-default"));
        owner.putObject(b -> b.bucket("new-default").key("k"), RequestBody.fromString("v"));
        assertDenied(anonymous("GET", "/new-default/k"));
    }

    @Test
    void anotherAccountReachesOnlyWhatTheOwnerGrantsIt() {
        AwsCredentialsProvider other = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDOTHER", "other-secret"));
        owner.createBucket(b -> b.bucket("owned-by-000"));
        owner.putObject(b -> b.bucket("owned-by-000").key("shared/a.txt"), RequestBody.fromString("shared"));
        owner.putObject(b -> b.bucket("owned-by-000").key("mine.txt"), RequestBody.fromString("mine"));
        try (S3Client s3 = client(other)) {
            assertTrue(s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals("owned-by-000")));
            S3Exception read = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(b -> b.bucket("owned-by-000").key("mine.txt")));
            assertEquals("AccessDenied", read.awsErrorDetails().errorCode());
            assertEquals(403, read.statusCode());
            assertThrows(S3Exception.class, () -> s3.putObject(b -> b.bucket("owned-by-000").key("x"), RequestBody.fromString("x")));
            S3Exception taken = assertThrows(S3Exception.class, () -> s3.createBucket(b -> b.bucket("owned-by-000")));
            assertEquals("BucketAlreadyExists", taken.awsErrorDetails().errorCode());

            owner.putBucketPolicy(b -> b.bucket("owned-by-000").policy("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},
                     "Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::owned-by-000","arn:aws:s3:::owned-by-000/shared/*"]}]}"""));
            assertEquals("shared", s3.getObjectAsBytes(b -> b.bucket("owned-by-000").key("shared/a.txt")).asUtf8String());
            assertEquals(2, s3.listObjectsV2(b -> b.bucket("owned-by-000")).keyCount());
            assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(b -> b.bucket("owned-by-000").key("mine.txt")));

            owner.createBucket(b -> b.bucket("authenticated-read").objectOwnership(ObjectOwnership.OBJECT_WRITER));
            owner.deletePublicAccessBlock(b -> b.bucket("authenticated-read"));
            owner.putBucketAcl(b -> b.bucket("authenticated-read").acl("authenticated-read"));
            assertEquals(0, s3.listObjectsV2(b -> b.bucket("authenticated-read")).keyCount(), "any signed account may list");
            assertDenied(anonymous("GET", "/authenticated-read?list-type=2"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (var ddbOwner = with(software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder(), owner())
                .build();
             var ddbOther = with(software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder(), other).build();
             var sqsOwner = with(software.amazon.awssdk.services.sqs.SqsClient.builder(), owner()).build();
             var sqsOther = with(software.amazon.awssdk.services.sqs.SqsClient.builder(), other).build();
             var snsOwner = with(software.amazon.awssdk.services.sns.SnsClient.builder(), owner()).build();
             var snsOther = with(software.amazon.awssdk.services.sns.SnsClient.builder(), other).build()) {
            ddbOwner.createTable(b -> b.tableName("accounts").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S")).keySchema(k -> k.attributeName("id").keyType("HASH")));
            assertEquals(List.of(), ddbOther.listTables().tableNames());
            assertThrows(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class,
                    () -> ddbOther.describeTable(b -> b.tableName("accounts")));
            String queue = sqsOwner.createQueue(b -> b.queueName("accounts-q")).queueUrl();
            assertThrows(software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException.class,
                    () -> sqsOther.getQueueUrl(b -> b.queueName("accounts-q")));
            assertTrue(sqsOther.listQueues().queueUrls().stream().noneMatch(queue::equals));
            String topic = snsOwner.createTopic(b -> b.name("accounts-t")).topicArn();
            assertTrue(snsOther.listTopics().topics().stream().noneMatch(t -> t.topicArn().equals(topic)));
            assertThrows(software.amazon.awssdk.services.sns.model.NotFoundException.class,
                    () -> snsOther.getTopicAttributes(b -> b.topicArn(topic.replace(":000000000000:", ":111111111111:"))));
        }
    }

    private static AwsCredentialsProvider owner() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B with(B builder, AwsCredentialsProvider credentials) {
        return builder.endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials);
    }
}
