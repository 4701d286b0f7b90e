package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudjar.junit.CloudJarTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

@CloudJarTest
class UploadTest {

    @Test
    void storesAnUploadAndQueuesAJob(S3Client s3, SqsClient sqs) {
        s3.createBucket(b -> b.bucket("uploads"));
        s3.putObject(b -> b.bucket("uploads").key("report.csv"), RequestBody.fromString("id,count\n1,0\n"));
        String queue = sqs.createQueue(b -> b.queueName("jobs")).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("report.csv"));

        assertEquals("id,count\n1,0\n", s3.getObjectAsBytes(b -> b.bucket("uploads").key("report.csv")).asUtf8String());
        assertEquals("report.csv", sqs.receiveMessage(b -> b.queueUrl(queue)).messages().get(0).body());
    }
}
