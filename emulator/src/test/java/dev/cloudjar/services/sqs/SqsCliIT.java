package dev.cloudjar.services.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@code aws} CLI and boto3 against CloudJar's SQS; a missing client fails the test. */
@ExtendWith(CloudJarExtension.class)
class SqsCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void awsCliCreateSendReceiveDelete(CloudJar cloudJar) throws Exception {
        CliRunner cli = new CliRunner(cloudJar.endpoint());
        JsonNode created = JSON.readTree(cli.aws("sqs", "create-queue", "--queue-name", "cli-q").assertSuccess().stdout());
        String url = created.get("QueueUrl").asText();
        assertEquals(cloudJar.endpoint() + "/000000000000/cli-q", url);
        JsonNode sent = JSON.readTree(cli.aws("sqs", "send-message", "--queue-url", url, "--message-body", "hello cli",
                "--message-attributes", "{\"k\":{\"DataType\":\"String\",\"StringValue\":\"v\"}}").assertSuccess().stdout());
        assertEquals("51fbb7d1f8b541b25919b84d90e6b454", sent.get("MD5OfMessageBody").asText());
        JsonNode received = JSON.readTree(cli.aws("sqs", "receive-message", "--queue-url", url,
                "--message-attribute-names", "All", "--attribute-names", "All").assertSuccess().stdout());
        JsonNode message = received.get("Messages").get(0);
        assertEquals("hello cli", message.get("Body").asText());
        assertEquals("v", message.get("MessageAttributes").get("k").get("StringValue").asText());
        assertEquals(sent.get("MessageId").asText(), message.get("MessageId").asText());
        cli.aws("sqs", "delete-message", "--queue-url", url, "--receipt-handle", message.get("ReceiptHandle").asText()).assertSuccess();
        String empty = cli.aws("sqs", "receive-message", "--queue-url", url).assertSuccess().stdout();
        assertTrue(empty.isBlank(), "no messages prints nothing: " + empty);
        CliRunner.Result missing = cli.aws("sqs", "get-queue-url", "--queue-name", "absent");
        assertTrue(missing.exitCode() != 0, "a missing queue is an error");
        assertTrue(missing.stderr().contains("AWS.SimpleQueueService.NonExistentQueue"), missing.stderr());
    }

    @Test
    void boto3Consumer(CloudJar cloudJar) {
        CliRunner cli = new CliRunner(cloudJar.endpoint());
        String script = String.join("\n",
                "import boto3, os",
                "sqs = boto3.client('sqs', endpoint_url=os.environ['ENDPOINT'])",
                "url = sqs.create_queue(QueueName='boto-q.fifo', Attributes={'FifoQueue': 'true', 'ContentBasedDeduplication': 'true'})['QueueUrl']",
                "for i in range(3):",
                "    sqs.send_message(QueueUrl=url, MessageBody='m%d' % i, MessageGroupId='g')",
                "got = []",
                "while len(got) < 3:",
                "    resp = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=1, AttributeNames=['All'])",
                "    for m in resp.get('Messages', []):",
                "        got.append(m['Body'])",
                "        sqs.delete_message(QueueUrl=url, ReceiptHandle=m['ReceiptHandle'])",
                "assert got == ['m0', 'm1', 'm2'], got",
                "assert 'Messages' not in sqs.receive_message(QueueUrl=url)",
                "try:",
                "    sqs.get_queue_url(QueueName='nope')",
                "    raise SystemExit('expected an error')",
                "except sqs.exceptions.QueueDoesNotExist as e:",
                "    assert e.response['Error']['Code'] == 'AWS.SimpleQueueService.NonExistentQueue', e.response",
                "print('ok')");
        CliRunner.Result result = cli.python(script).assertSuccess();
        assertEquals("ok", result.stdout().trim());
    }

    @Test
    void boto3SeesAwsAnswersOfIssue12(CloudJar cloudJar) {
        String script = String.join("\n",
                "import boto3, os, json",
                "sqs = boto3.client('sqs', endpoint_url=os.environ['ENDPOINT'])",
                "url = sqs.create_queue(QueueName='boto-zero.fifo', Attributes={'FifoQueue': 'true', 'ContentBasedDeduplication': 'true'})['QueueUrl']",
                "sqs.send_message(QueueUrl=url, MessageBody='z', MessageGroupId='g', DelaySeconds=0)",
                "try:",
                "    sqs.send_message_batch(QueueUrl=url, Entries=[{'Id': 'a', 'MessageBody': 'b'}])",
                "    raise SystemExit('batch without group accepted')",
                "except sqs.exceptions.ClientError as e:",
                "    assert e.response['Error']['Code'] == 'MissingParameter', e.response",
                "    assert e.response['Error']['Message'] == 'The request must contain the parameter MessageGroupId.', e.response",
                "dlq = sqs.create_queue(QueueName='boto-dlq')['QueueUrl']",
                "src = sqs.create_queue(QueueName='boto-src', Attributes={'RedrivePolicy': json.dumps({'deadLetterTargetArn': 'arn:aws:sqs:us-east-1:000000000000:boto-dlq', 'maxReceiveCount': '2'})})['QueueUrl']",
                "policy = json.loads(sqs.get_queue_attributes(QueueUrl=src, AttributeNames=['RedrivePolicy'])['Attributes']['RedrivePolicy'])",
                "assert policy['maxReceiveCount'] == 2, policy",
                "sqs.delete_queue(QueueUrl=src)",
                "try:",
                "    sqs.create_queue(QueueName='boto-src')",
                "    raise SystemExit('recreated at once')",
                "except sqs.exceptions.QueueDeletedRecently as e:",
                "    assert e.response['Error']['Message'] == 'You must wait 60 seconds after deleting a queue before you can create another with the same name.', e.response",
                "print('ok')");
        assertEquals("ok", new CliRunner(cloudJar.endpoint()).python(script).assertSuccess().stdout().trim());
    }
}
