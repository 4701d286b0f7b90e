package dev.cloudjar.services.lambda.process;

import static dev.cloudjar.services.lambda.process.ProcessFunctions.create;
import static dev.cloudjar.services.lambda.process.ProcessFunctions.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** What triggers a Java function triggers a process function the same way: S3 notifications, SQS mappings. */
@ExtendWith(CloudJarExtension.class)
class ProcessTriggersIT {
    @Test
    void s3NotificationInvokesAPythonFunction(CloudJar cloudJar, LambdaClient lambda, S3Client s3, SqsClient sqs) {
        String queueUrl = sqs.createQueue(b -> b.queueName("py-s3-seen")).queueUrl();
        create(lambda, "py-on-upload", "python3.12", "app.handler", zip("app.py", """
                import boto3, os
                sqs = boto3.client("sqs")
                def handler(event, context):
                    record = event["Records"][0]
                    key = record["s3"]["object"]["key"]
                    body = boto3.client("s3").get_object(Bucket=record["s3"]["bucket"]["name"], Key=key)["Body"].read().decode()
                    sqs.send_message(QueueUrl=os.environ["QUEUE_URL"], MessageBody=record["eventName"] + " " + key + " " + body)
                """), 20);
        lambda.updateFunctionConfiguration(b -> b.functionName("py-on-upload").environment(e -> e.variables(java.util.Map.of("QUEUE_URL", queueUrl))));
        String arn = lambda.getFunction(b -> b.functionName("py-on-upload")).configuration().functionArn();
        s3.createBucket(b -> b.bucket("py-uploads"));
        s3.putBucketNotificationConfiguration(b -> b.bucket("py-uploads").notificationConfiguration(n -> n
                .lambdaFunctionConfigurations(l -> l.lambdaFunctionArn(arn).events(Event.S3_OBJECT_CREATED))));
        s3.putObject(b -> b.bucket("py-uploads").key("hello.txt"), RequestBody.fromString("file content"));
        List<String> bodies = receive(sqs, queueUrl, 1);
        assertEquals(List.of("ObjectCreated:Put hello.txt file content"), bodies);
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(20)));
    }

    @Test
    void sqsMappingInvokesANodeFunction(CloudJar cloudJar, LambdaClient lambda, SqsClient sqs) {
        String source = sqs.createQueue(b -> b.queueName("node-source")).queueUrl();
        String sink = sqs.createQueue(b -> b.queueName("node-sink")).queueUrl();
        String sourceArn = sqs.getQueueAttributes(b -> b.queueUrl(source).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        create(lambda, "node-on-message", "nodejs20.x", "index.handler", zip("index.js", """
                const http = require('node:http');
                // no SDK needed: SQS's JSON protocol by hand, to the endpoint CloudJar gives the function
                function send(queueUrl, body) {
                    const url = new URL(process.env.AWS_ENDPOINT_URL);
                    const payload = JSON.stringify({ QueueUrl: queueUrl, MessageBody: body });
                    return new Promise((resolve, reject) => {
                        const req = http.request({ host: url.hostname, port: url.port, method: 'POST', path: '/',
                            headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AmazonSQS.SendMessage',
                                'Authorization': 'AWS4-HMAC-SHA256 Credential=' + process.env.AWS_ACCESS_KEY_ID
                                    + '/20240101/' + process.env.AWS_REGION + '/sqs/aws4_request, SignedHeaders=host, Signature=0' } },
                            (res) => { res.resume(); res.on('end', () => res.statusCode === 200 ? resolve() : reject(new Error('status ' + res.statusCode))); });
                        req.on('error', reject);
                        req.end(payload);
                    });
                }
                exports.handler = async (event) => {
                    for (const record of event.Records) {
                        await send(process.env.SINK, record.eventSource + ' ' + record.body.toUpperCase());
                    }
                    return { batchItemFailures: [] };
                };
                """), 20);
        lambda.updateFunctionConfiguration(b -> b.functionName("node-on-message").environment(e -> e.variables(java.util.Map.of("SINK", sink))));
        lambda.createEventSourceMapping(b -> b.functionName("node-on-message").eventSourceArn(sourceArn).batchSize(5));
        sqs.sendMessage(b -> b.queueUrl(source).messageBody("first"));
        sqs.sendMessage(b -> b.queueUrl(source).messageBody("second"));
        List<String> bodies = receive(sqs, sink, 2);
        assertEquals(List.of("aws:sqs FIRST", "aws:sqs SECOND"), bodies.stream().sorted().toList());
    }

    private static List<String> receive(SqsClient sqs, String queueUrl, int count) {
        List<String> bodies = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (bodies.size() < count && System.nanoTime() < deadline) {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10)).messages()) {
                bodies.add(m.body());
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return bodies;
    }
}
