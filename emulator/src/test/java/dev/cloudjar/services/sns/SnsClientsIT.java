package dev.cloudjar.services.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.sqs.SqsBackend;
import dev.cloudjar.services.sqs.engine.ReceiveRequest;
import dev.cloudjar.services.sqs.engine.ReceivedMessage;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The aws CLI and boto3 against SNS, including the workshops' topic lookup and raw publish. */
@ExtendWith(CloudJarExtension.class)
class SnsClientsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Scope SCOPE = new Scope("000000000000", "us-east-1");

    @Test
    void awsCliCreateSubscribePublish(CloudJar cloudJar) throws Exception {
        CliRunner cli = new CliRunner(cloudJar.endpoint());
        String queueArn = cloudJar.backend(SqsBackend.class).createQueue(SCOPE, "cli-q", Map.of(), Map.of()).arn();
        JsonNode created = JSON.readTree(cli.aws("sns", "create-topic", "--name", "cli-topic", "--output", "json").assertSuccess().stdout());
        String topic = created.get("TopicArn").asText();
        assertEquals("arn:aws:sns:us-east-1:000000000000:cli-topic", topic);
        JsonNode subscribed = JSON.readTree(cli.aws("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs",
                "--notification-endpoint", queueArn, "--output", "json").assertSuccess().stdout());
        assertTrue(subscribed.get("SubscriptionArn").asText().startsWith(topic + ":"));
        JsonNode published = JSON.readTree(cli.aws("sns", "publish", "--topic-arn", topic, "--subject", "From CLI", "--message", "hello cli",
                "--message-attributes", "{\"k\":{\"DataType\":\"String\",\"StringValue\":\"v\"}}", "--output", "json").assertSuccess().stdout());
        List<ReceivedMessage> received = cloudJar.backend(SqsBackend.class)
                .receiveMessage(SCOPE, queueArn, ReceiveRequest.all(10, null, 0)).get(5, TimeUnit.SECONDS);
        JsonNode body = JSON.readTree(received.get(0).body());
        assertEquals(published.get("MessageId").asText(), body.get("MessageId").asText());
        assertEquals("From CLI", body.get("Subject").asText());
        assertEquals("hello cli", body.get("Message").asText());
        assertEquals("v", body.at("/MessageAttributes/k/Value").asText());

        CliRunner.Result missing = cli.aws("sns", "get-topic-attributes", "--topic-arn", "arn:aws:sns:us-east-1:000000000000:nope");
        assertTrue(missing.exitCode() != 0);
        assertTrue(missing.stderr().contains("NotFound") && missing.stderr().contains("Topic does not exist"), missing.stderr());
    }

    @Test
    void boto3WorkshopFindsTopicBySuffixAndPublishesRaw(CloudJar cloudJar) throws Exception {
        CliRunner cli = new CliRunner(cloudJar.endpoint());
        String script = String.join("\n",
                "import os, boto3, json",
                "sns = boto3.client('sns', endpoint_url=os.environ['ENDPOINT'])",
                "sns.create_topic(Name='SomethingElse')",
                "created = sns.create_topic(Name='HighBalanceAlert')['TopicArn']",
                "sub = sns.subscribe(TopicArn=created, Protocol='email', Endpoint='manager@bank.example')",
                "assert sub['SubscriptionArn'] == 'pending confirmation', sub",
                "sms = sns.subscribe(TopicArn=created, Protocol='sms', Endpoint='+15555550100', ReturnSubscriptionArn=True)",
                "topics = sns.list_topics()['Topics']",
                "arn = [t['TopicArn'] for t in topics if t['TopicArn'].endswith(':HighBalanceAlert')][0]",
                "assert arn == created, (arn, created)",
                "r = sns.publish(TopicArn=arn, Subject='High balance', Message='Account 7 has 1,000,000', MessageStructure='raw')",
                "assert len(r['MessageId']) == 36, r",
                "attrs = sns.get_topic_attributes(TopicArn=arn)['Attributes']",
                "assert attrs['SubscriptionsPending'] == '1' and attrs['SubscriptionsConfirmed'] == '1', attrs",
                "page = sns.list_subscriptions_by_topic(TopicArn=arn)['Subscriptions']",
                "assert sorted(s['Protocol'] for s in page) == ['email', 'sms'], page",
                "try:",
                "    sns.publish(TopicArn=arn, Message='')",
                "    raise SystemExit('empty message accepted')",
                "except sns.exceptions.InvalidParameterException as e:",
                "    assert e.response['Error']['Message'] == 'Invalid parameter: Empty message', e.response",
                "try:",
                "    sns.get_topic_attributes(TopicArn=arn + 'x')",
                "    raise SystemExit('missing topic found')",
                "except sns.exceptions.NotFoundException as e:",
                "    assert e.response['ResponseMetadata']['HTTPStatusCode'] == 404",
                "b = sns.publish_batch(TopicArn=arn, PublishBatchRequestEntries=[{'Id': 'a', 'Message': 'x'}, {'Id': 'b', 'Message': 'y'}])",
                "assert [s['Id'] for s in b['Successful']] == ['a', 'b'], b",
                "sns.tag_resource(ResourceArn=arn, Tags=[{'Key': 'team', 'Value': 'bank'}])",
                "assert sns.list_tags_for_resource(ResourceArn=arn)['Tags'] == [{'Key': 'team', 'Value': 'bank'}]",
                "print('ok')");
        CliRunner.Result result = cli.python(script).assertSuccess();
        assertEquals("ok", result.stdout().trim());
        List<OutboxMessage> outbox = cloudJar.backend(SnsBackend.class).outbox();
        assertTrue(outbox.stream().anyMatch(m -> m.recipient().equals("+15555550100") && m.body().equals("Account 7 has 1,000,000")),
                outbox.toString());
    }
}
