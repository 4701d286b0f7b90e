package dev.cloudjar.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The default: one CloudJar for the class, its state kept from test to test, clients of any service. */
@CloudJarTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CloudJarTestIT {

    @Test
    @Order(1)
    void clientsOfAnyServiceArePointedAtCloudJar(CloudJar cloudJar, URI endpoint, S3Client s3, SqsClient sqs, IamClient iam) {
        assertEquals(URI.create(cloudJar.endpoint()), endpoint);
        assertTrue(endpoint.toString().startsWith("http://127.0.0.1:"), endpoint.toString());
        s3.createBucket(b -> b.bucket("kept-between-tests"));
        s3.putObject(b -> b.bucket("kept-between-tests").key("a/b.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("hi"));
        String queueUrl = sqs.createQueue(b -> b.queueName("orders")).queueUrl();
        assertTrue(queueUrl.startsWith(endpoint.toString()), queueUrl);
        String roleArn = iam.createRole(b -> b.roleName("lambda-role").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
                .role().arn();
        assertEquals("arn:aws:iam::000000000000:role/lambda-role", roleArn);
    }

    @Test
    @Order(2)
    void theStateOfTheClassIsKeptAndAsyncClientsWorkToo(S3AsyncClient s3, S3Client sameS3, S3Client again, DynamoDbClient dynamo) throws Exception {
        List<String> buckets = s3.listBuckets().get().buckets().stream().map(Bucket::name).toList();
        assertEquals(List.of("kept-between-tests"), buckets);
        assertEquals("hi", sameS3.getObjectAsBytes(b -> b.bucket("kept-between-tests").key("a/b.txt")).asUtf8String());
        assertSame(sameS3, again, "one client per type and class");
        assertEquals(List.of(), dynamo.listTables().tableNames());
    }
}
