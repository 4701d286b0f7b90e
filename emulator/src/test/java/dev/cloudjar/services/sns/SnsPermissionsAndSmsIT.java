package dev.cloudjar.services.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** AddPermission/RemovePermission on the topic Policy, the data protection policy, SMS settings and opt-outs, numeric filter precision. */
@ExtendWith(CloudJarExtension.class)
class SnsPermissionsAndSmsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode policy(SnsClient sns, String topic) throws Exception {
        return JSON.readTree(sns.getTopicAttributes(b -> b.topicArn(topic)).attributes().get("Policy"));
    }

    @Test
    void addAndRemovePermissionEditTheTopicPolicy(SnsClient sns) throws Exception {
        String topic = sns.createTopic(b -> b.name("shared")).topicArn();
        sns.addPermission(b -> b.topicArn(topic).label("partner").awsAccountIds("111122223333").actionNames("Publish"));
        sns.addPermission(b -> b.topicArn(topic).label("two").awsAccountIds("111122223333", "444455556666")
                .actionNames("Subscribe", "Receive"));
        JsonNode statements = policy(sns, topic).get("Statement");
        assertEquals(3, statements.size(), statements.toString());
        assertEquals("__default_statement_ID", statements.get(0).get("Sid").asText());
        JsonNode partner = statements.get(1);
        assertEquals("partner", partner.get("Sid").asText());
        assertEquals("Allow", partner.get("Effect").asText());
        assertEquals("arn:aws:iam::111122223333:root", partner.at("/Principal/AWS").asText());
        assertEquals("SNS:Publish", partner.get("Action").asText());
        assertEquals(topic, partner.get("Resource").asText());
        assertEquals("[\"SNS:Subscribe\",\"SNS:Receive\"]", statements.get(2).get("Action").toString());
        assertEquals(2, statements.get(2).at("/Principal/AWS").size());

        InvalidParameterException again = assertThrows(InvalidParameterException.class, () -> sns.addPermission(b -> b.topicArn(topic)
                .label("partner").awsAccountIds("111122223333").actionNames("Publish")));
        assertEquals("Statement already exists", again.awsErrorDetails().errorMessage());
        InvalidParameterException scope = assertThrows(InvalidParameterException.class, () -> sns.addPermission(b -> b.topicArn(topic)
                .label("wide").awsAccountIds("111122223333").actionNames("CreateTopic")));
        assertEquals("InvalidParameter", scope.awsErrorDetails().errorCode());
        assertEquals("Policy statement action out of service scope!", scope.awsErrorDetails().errorMessage());

        sns.removePermission(b -> b.topicArn(topic).label("partner"));
        JsonNode after = policy(sns, topic).get("Statement");
        assertEquals(List.of("__default_statement_ID", "two"), List.of(after.get(0).get("Sid").asText(), after.get(1).get("Sid").asText()));
        assertEquals(2, after.size());
        NotFoundException missing = assertThrows(NotFoundException.class, () -> sns.addPermission(b -> b.topicArn(topic + "-gone")
                .label("x").awsAccountIds("111122223333").actionNames("Publish")));
        assertEquals("Topic does not exist", missing.awsErrorDetails().errorMessage());
    }

    @Test
    void dataProtectionPolicyIsStored(SnsClient sns) {
        String topic = sns.createTopic(b -> b.name("protected")).topicArn();
        assertEquals("", sns.getDataProtectionPolicy(b -> b.resourceArn(topic)).dataProtectionPolicy());
        String policy = "{\"Name\":\"basic\",\"Description\":\"\",\"Version\":\"2021-06-01\",\"Statement\":[{\"Sid\":\"s\","
                + "\"DataDirection\":\"Inbound\",\"Principal\":[\"*\"],\"DataIdentifier\":[\"arn:aws:dataprotection::aws:data-identifier/EmailAddress\"],"
                + "\"Operation\":{\"Audit\":{\"SampleRate\":\"99\",\"FindingsDestination\":{}}}}]}";
        sns.putDataProtectionPolicy(b -> b.resourceArn(topic).dataProtectionPolicy(policy));
        assertEquals(policy, sns.getDataProtectionPolicy(b -> b.resourceArn(topic)).dataProtectionPolicy());
        assertEquals(policy, sns.getTopicAttributes(b -> b.topicArn(topic)).attributes().get("DataProtectionPolicy"));
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> sns.getDataProtectionPolicy(b -> b.resourceArn(topic + "-gone")));
        assertEquals("Topic does not exist", missing.awsErrorDetails().errorMessage());
    }

    @Test
    void smsAttributesAndOptOuts(SnsClient sns) {
        sns.setSMSAttributes(b -> b.attributes(Map.of("DefaultSMSType", "Transactional", "DefaultSenderID", "CloudJar")));
        // the account's settings are shared by this class's tests, so only these two entries are checked
        Map<String, String> all = sns.getSMSAttributes(b -> { }).attributes();
        assertEquals("Transactional", all.get("DefaultSMSType"));
        assertEquals("CloudJar", all.get("DefaultSenderID"));
        assertEquals(Map.of("DefaultSMSType", "Transactional"),
                sns.getSMSAttributes(b -> b.attributes("DefaultSMSType")).attributes());
        assertFalse(sns.checkIfPhoneNumberIsOptedOut(b -> b.phoneNumber("+15555550100")).isOptedOut());
        assertTrue(sns.listPhoneNumbersOptedOut(b -> { }).phoneNumbers().isEmpty());
        sns.optInPhoneNumber(b -> b.phoneNumber("+15555550100"));
        InvalidParameterException bad = assertThrows(InvalidParameterException.class,
                () -> sns.checkIfPhoneNumberIsOptedOut(b -> b.phoneNumber("555-0100")));
        assertEquals("InvalidParameter", bad.awsErrorDetails().errorCode());
        assertEquals("Invalid parameter: PhoneNumber Reason: input incorrectly formatted", bad.awsErrorDetails().errorMessage());
        InvalidParameterException optIn = assertThrows(InvalidParameterException.class,
                () -> sns.optInPhoneNumber(b -> b.phoneNumber("+15555550100x")));
        assertEquals("Invalid parameter: PhoneNumber Reason: input incorrectly formatted", optIn.awsErrorDetails().errorMessage());
    }

    @Test
    void boto3SeesTheSameOperations(CloudJar cloudJar) throws Exception {
        String script = String.join("\n",
                "import os, boto3, json",
                "sns = boto3.client('sns', endpoint_url=os.environ['ENDPOINT'])",
                "arn = sns.create_topic(Name='boto-shared')['TopicArn']",
                "sns.add_permission(TopicArn=arn, Label='p', AWSAccountId=['111122223333'], ActionName=['Publish'])",
                "policy = json.loads(sns.get_topic_attributes(TopicArn=arn)['Attributes']['Policy'])",
                "assert [s['Sid'] for s in policy['Statement']] == ['__default_statement_ID', 'p'], policy",
                "try:",
                "    sns.add_permission(TopicArn=arn, Label='q', AWSAccountId=['111122223333'], ActionName=['ListTopics'])",
                "    raise SystemExit('out-of-scope action accepted')",
                "except sns.exceptions.InvalidParameterException as e:",
                "    assert e.response['Error']['Message'] == 'Policy statement action out of service scope!', e.response",
                "sns.remove_permission(TopicArn=arn, Label='p')",
                "sns.put_data_protection_policy(ResourceArn=arn, DataProtectionPolicy='{\"Name\":\"n\"}')",
                "assert sns.get_data_protection_policy(ResourceArn=arn)['DataProtectionPolicy'] == '{\"Name\":\"n\"}'",
                "sns.set_sms_attributes(attributes={'MonthlySpendLimit': '5'})",
                "assert sns.get_sms_attributes(attributes=['MonthlySpendLimit'])['attributes'] == {'MonthlySpendLimit': '5'}",
                "assert sns.check_if_phone_number_is_opted_out(phoneNumber='+15555550100')['isOptedOut'] is False",
                "assert sns.list_phone_numbers_opted_out()['phoneNumbers'] == []",
                "print('ok')");
        assertEquals("ok", new CliRunner(cloudJar.endpoint()).python(script).assertSuccess().stdout().trim());
    }

    @Test
    void numericFiltersCompareAtFiveDecimalsAndReadStringArrays(SnsClient sns, SqsClient sqs) {
        String topic = sns.createTopic(b -> b.name("precise")).topicArn();
        String url = sqs.createQueue(b -> b.queueName("precise-q")).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(arn).attributes(Map.of("RawMessageDelivery", "true",
                "FilterPolicy", "{\"price\":[{\"numeric\":[\"=\",1.000001]}],\"sizes\":[{\"numeric\":[\">\",40]}]}")));
        for (String[] m : new String[][] {{"same", "1.000004", "[38, 42]"}, {"apart", "1.00001", "[42]"}, {"small", "1", "[38, 40]"}}) {
            sns.publish(b -> b.topicArn(topic).message(m[0]).messageAttributes(Map.of(
                    "price", MessageAttributeValue.builder().dataType("Number").stringValue(m[1]).build(),
                    "sizes", MessageAttributeValue.builder().dataType("String.Array").stringValue(m[2]).build())));
        }
        List<String> bodies = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages().stream()
                .map(Message::body).toList();
        assertEquals(List.of("same"), bodies);
    }
}
