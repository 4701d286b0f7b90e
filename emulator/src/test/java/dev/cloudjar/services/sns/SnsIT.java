package dev.cloudjar.services.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.CreateTopicResponse;
import software.amazon.awssdk.services.sns.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;

/** Every SNS operation through the AWS SDK for Java v2, with the errors users meet. */
@ExtendWith(CloudJarExtension.class)
class SnsIT {
    private static final String ACCOUNT = "000000000000";

    private static String arn(String name) {
        return "arn:aws:sns:us-east-1:" + ACCOUNT + ":" + name;
    }

    @Test
    void createTopicIsIdempotentAndRejectsDifferentAttributes(SnsClient sns) {
        CreateTopicResponse first = sns.createTopic(b -> b.name("idem").attributes(Map.of("DisplayName", "d")));
        assertEquals(arn("idem"), first.topicArn());
        assertEquals(first.topicArn(), sns.createTopic(b -> b.name("idem").attributes(Map.of("DisplayName", "d"))).topicArn());
        assertEquals(first.topicArn(), sns.createTopic(b -> b.name("idem")).topicArn());
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> sns.createTopic(b -> b.name("idem").attributes(Map.of("DisplayName", "other"))));
        assertEquals("Invalid parameter: Attributes Reason: Topic already exists with different attributes", e.awsErrorDetails().errorMessage());
        assertEquals(400, e.statusCode());
    }

    @Test
    void createTopicValidatesNames(SnsClient sns) {
        assertEquals("Invalid parameter: Topic Name", assertThrows(InvalidParameterException.class,
                () -> sns.createTopic(b -> b.name("bad name"))).awsErrorDetails().errorMessage());
        assertEquals("Invalid parameter: Topic Name", assertThrows(InvalidParameterException.class,
                () -> sns.createTopic(b -> b.name("nofifo.fifo"))).awsErrorDetails().errorMessage());
        assertThrows(InvalidParameterException.class,
                () -> sns.createTopic(b -> b.name("notfifo").attributes(Map.of("FifoTopic", "true"))));
    }

    @Test
    void topicAttributesShowAwsDefaultsAndSetValues(SnsClient sns) {
        String topic = sns.createTopic(b -> b.name("attrs")).topicArn();
        Map<String, String> attributes = sns.getTopicAttributes(b -> b.topicArn(topic)).attributes();
        assertEquals(topic, attributes.get("TopicArn"));
        assertEquals(ACCOUNT, attributes.get("Owner"));
        assertEquals("0", attributes.get("SubscriptionsConfirmed"));
        assertEquals("0", attributes.get("SubscriptionsPending"));
        assertEquals("0", attributes.get("SubscriptionsDeleted"));
        assertEquals("", attributes.get("DisplayName"));
        assertTrue(attributes.get("Policy").contains("__default_policy_ID"));
        assertTrue(attributes.get("EffectiveDeliveryPolicy").contains("defaultHealthyRetryPolicy"));
        assertFalse(attributes.containsKey("FifoTopic"));
        assertFalse(attributes.containsKey("SignatureVersion"), "AWS shows SignatureVersion only once set");

        sns.setTopicAttributes(b -> b.topicArn(topic).attributeName("DisplayName").attributeValue("Shown"));
        assertEquals("Shown", sns.getTopicAttributes(b -> b.topicArn(topic)).attributes().get("DisplayName"));
        assertEquals("Invalid parameter: AttributeName", assertThrows(InvalidParameterException.class,
                () -> sns.setTopicAttributes(b -> b.topicArn(topic).attributeName("Bogus").attributeValue("x")))
                .awsErrorDetails().errorMessage());
    }

    @Test
    void missingTopicIsNotFoundAndMalformedArnIsInvalid(SnsClient sns) {
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> sns.getTopicAttributes(b -> b.topicArn(arn("nope"))));
        assertEquals("Topic does not exist", missing.awsErrorDetails().errorMessage());
        assertEquals(404, missing.statusCode());
        assertEquals("NotFound", missing.awsErrorDetails().errorCode());
        InvalidParameterException bad = assertThrows(InvalidParameterException.class,
                () -> sns.getTopicAttributes(b -> b.topicArn("nope")));
        assertEquals("Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1", bad.awsErrorDetails().errorMessage());
        assertThrows(NotFoundException.class, () -> sns.publish(b -> b.topicArn(arn("nope")).message("m")));
    }

    @Test
    void fifoTopics(SnsClient sns) {
        String topic = sns.createTopic(b -> b.name("orders.fifo").attributes(Map.of("FifoTopic", "true"))).topicArn();
        Map<String, String> attributes = sns.getTopicAttributes(b -> b.topicArn(topic)).attributes();
        assertEquals("true", attributes.get("FifoTopic"));
        assertEquals("false", attributes.get("ContentBasedDeduplication"));
        assertEquals("Invalid parameter: The MessageGroupId parameter is required for FIFO topics",
                assertThrows(InvalidParameterException.class, () -> sns.publish(b -> b.topicArn(topic).message("m")))
                        .awsErrorDetails().errorMessage());
        assertEquals("Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly",
                assertThrows(InvalidParameterException.class, () -> sns.publish(b -> b.topicArn(topic).message("m").messageGroupId("g")))
                        .awsErrorDetails().errorMessage());
        PublishResponse first = sns.publish(b -> b.topicArn(topic).message("m").messageGroupId("g").messageDeduplicationId("d1"));
        assertNotNull(first.sequenceNumber());
        assertEquals(20, first.sequenceNumber().length());
        PublishResponse duplicate = sns.publish(b -> b.topicArn(topic).message("m").messageGroupId("g").messageDeduplicationId("d1"));
        assertEquals(first.messageId(), duplicate.messageId());
        PublishResponse second = sns.publish(b -> b.topicArn(topic).message("m").messageGroupId("g").messageDeduplicationId("d2"));
        assertTrue(second.sequenceNumber().compareTo(first.sequenceNumber()) > 0);

        sns.setTopicAttributes(b -> b.topicArn(topic).attributeName("ContentBasedDeduplication").attributeValue("true"));
        assertNotNull(sns.publish(b -> b.topicArn(topic).message("content").messageGroupId("g")).messageId());
        String standard = sns.createTopic(b -> b.name("standard-for-dedup")).topicArn();
        assertEquals("Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type",
                assertThrows(InvalidParameterException.class, () -> sns.publish(b -> b.topicArn(standard).message("m").messageDeduplicationId("x")))
                        .awsErrorDetails().errorMessage());
    }

    @Test
    void listTopicsPagesByHundred(SnsClient sns) {
        for (int i = 0; i < 105; i++) {
            String name = String.format("page-%03d", i);
            sns.createTopic(b -> b.name(name));
        }
        List<String> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListTopicsResponse page = sns.listTopics(b -> b.nextToken(t));
            assertTrue(page.topics().size() <= 100);
            page.topics().stream().map(Topic::topicArn).forEach(all::add);
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertTrue(pages >= 2);
        assertEquals(all.size(), Set.copyOf(all).size());
        assertTrue(all.containsAll(List.of(arn("page-000"), arn("page-104"))));
        assertTrue(sns.listTopicsPaginator(b -> { }).topics().stream().count() >= 105);
    }

    @Test
    void deleteTopicRemovesItAndItsSubscriptions(SnsClient sns) {
        String topic = sns.createTopic(b -> b.name("doomed")).topicArn();
        String sub = sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:000000000000:q")).subscriptionArn();
        sns.deleteTopic(b -> b.topicArn(topic));
        assertThrows(NotFoundException.class, () -> sns.getTopicAttributes(b -> b.topicArn(topic)));
        assertThrows(NotFoundException.class, () -> sns.getSubscriptionAttributes(b -> b.subscriptionArn(sub)));
        sns.deleteTopic(b -> b.topicArn(topic));
    }

    @Test
    void subscribeConfirmsSqsAndLambdaAtOnceAndIsIdempotent(SnsClient sns) {
        String topic = sns.createTopic(b -> b.name("subs")).topicArn();
        String queue = "arn:aws:sqs:us-east-1:000000000000:subs-q";
        String sub = sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queue)
                .attributes(Map.of("RawMessageDelivery", "true"))).subscriptionArn();
        assertTrue(sub.startsWith(topic + ":"));
        assertEquals(sub, sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queue)).subscriptionArn());
        assertEquals("Invalid parameter: Attributes Reason: Subscription already exists with different attributes",
                assertThrows(InvalidParameterException.class, () -> sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queue)
                        .attributes(Map.of("RawMessageDelivery", "false")))).awsErrorDetails().errorMessage());
        Map<String, String> attributes = sns.getSubscriptionAttributes(b -> b.subscriptionArn(sub)).attributes();
        assertEquals("false", attributes.get("PendingConfirmation"));
        assertEquals("true", attributes.get("RawMessageDelivery"));
        assertEquals("sqs", attributes.get("Protocol"));
        assertEquals(queue, attributes.get("Endpoint"));
        assertEquals(topic, attributes.get("TopicArn"));
        assertEquals(ACCOUNT, attributes.get("Owner"));
        String lambda = sns.subscribe(b -> b.topicArn(topic).protocol("lambda").endpoint("arn:aws:lambda:us-east-1:000000000000:function:f")).subscriptionArn();
        assertTrue(lambda.startsWith(topic + ":"));
        assertEquals("2", sns.getTopicAttributes(b -> b.topicArn(topic)).attributes().get("SubscriptionsConfirmed"));
    }

    @Test
    void emailAndHttpSubscriptionsArePendingUntilConfirmed(SnsClient sns) {
        String topic = sns.createTopic(b -> b.name("pending")).topicArn();
        assertEquals("pending confirmation", sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("a@example.com")).subscriptionArn());
        String arn = sns.subscribe(b -> b.topicArn(topic).protocol("email-json").endpoint("b@example.com").returnSubscriptionArn(true)).subscriptionArn();
        assertTrue(arn.startsWith(topic + ":"));
        assertEquals("true", sns.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes().get("PendingConfirmation"));
        assertEquals("2", sns.getTopicAttributes(b -> b.topicArn(topic)).attributes().get("SubscriptionsPending"));
        List<Subscription> listed = sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions();
        assertEquals(2, listed.size());
        assertTrue(listed.stream().allMatch(s -> s.subscriptionArn().equals("PendingConfirmation")));
        assertEquals("Invalid token", assertThrows(InvalidParameterException.class,
                () -> sns.confirmSubscription(b -> b.topicArn(topic).token("bogus"))).awsErrorDetails().errorMessage());
        String wellFormed = "ab".repeat(144);
        assertEquals("Invalid parameter: Token", assertThrows(InvalidParameterException.class,
                () -> sns.confirmSubscription(b -> b.topicArn(topic).token(wellFormed))).awsErrorDetails().errorMessage());
    }

    @Test
    void subscribeValidatesProtocolAndEndpoint(SnsClient sns) {
        String topic = sns.createTopic(b -> b.name("validate-subs")).topicArn();
        assertEquals("Invalid parameter: Amazon SNS does not support this protocol string: carrier-pigeon",
                message(() -> sns.subscribe(b -> b.topicArn(topic).protocol("carrier-pigeon").endpoint("x"))));
        assertEquals("Invalid parameter: Endpoint must match the specified protocol",
                message(() -> sns.subscribe(b -> b.topicArn(topic).protocol("http").endpoint("https://example.com"))));
        assertEquals("Invalid parameter: SQS endpoint ARN",
                message(() -> sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint("not-an-arn"))));
        assertEquals("Invalid SMS endpoint: abc",
                message(() -> sns.subscribe(b -> b.topicArn(topic).protocol("sms").endpoint("abc"))));
        assertEquals("Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics",
                message(() -> sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:000000000000:q.fifo"))));
        assertEquals("Invalid parameter: Attributes Reason: FilterPolicy: failed to parse JSON. Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]",
                message(() -> sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:000000000000:q")
                        .attributes(Map.of("FilterPolicy", "{")))));
        assertEquals("Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [maybe]. Must be true or false.",
                message(() -> sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:000000000000:q")
                        .attributes(Map.of("RawMessageDelivery", "maybe")))));
        assertThrows(NotFoundException.class, () -> sns.subscribe(b -> b.topicArn(arn("absent")).protocol("sqs")
                .endpoint("arn:aws:sqs:us-east-1:000000000000:q")));
        assertEquals("+15555550100", sns.getSubscriptionAttributes(b -> b.subscriptionArn(
                sns.subscribe(s -> s.topicArn(topic).protocol("sms").endpoint("+15555550100")).subscriptionArn())).attributes().get("Endpoint"));
    }

    private static String message(Runnable call) {
        return assertThrows(InvalidParameterException.class, call::run).awsErrorDetails().errorMessage();
    }

    @Test
    void subscriptionAttributesFilterPolicy(SnsClient sns) {
        String topic = sns.createTopic(b -> b.name("sub-attrs")).topicArn();
        String sub = sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:000000000000:q2")).subscriptionArn();
        sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("FilterPolicy").attributeValue("{\"a\":[\"b\"]}"));
        Map<String, String> attributes = sns.getSubscriptionAttributes(b -> b.subscriptionArn(sub)).attributes();
        assertEquals("{\"a\":[\"b\"]}", attributes.get("FilterPolicy"));
        assertEquals("MessageAttributes", attributes.get("FilterPolicyScope"));
        assertEquals("Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy",
                message(() -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("FilterPolicy")
                        .attributeValue("{\"a\":{\"b\":[\"c\"]}}"))));
        sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("FilterPolicyScope").attributeValue("MessageBody"));
        sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("FilterPolicy").attributeValue("{\"a\":{\"b\":[\"c\"]}}"));
        assertEquals("MessageBody", sns.getSubscriptionAttributes(b -> b.subscriptionArn(sub)).attributes().get("FilterPolicyScope"));
        sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("RedrivePolicy")
                .attributeValue("{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dlq\"}"));
        assertEquals("Invalid parameter: RedrivePolicy: failed to parse JSON. Unexpected character ('i' (code 105)): was expecting double-quote to start field name\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]",
                message(() -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("RedrivePolicy").attributeValue("{invalidjson}"))));
        assertEquals("Invalid parameter: FilterPolicy: failed to parse JSON. Unexpected character ('i' (code 105)): was expecting double-quote to start field name\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]",
                message(() -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("FilterPolicy").attributeValue("{invalidjson}"))));
        assertEquals("Invalid parameter: RedrivePolicy: deadLetterTargetArn is an invalid arn",
                message(() -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("RedrivePolicy").attributeValue("{}"))));
        assertEquals("Invalid parameter: AttributeName",
                message(() -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(sub).attributeName("Nope").attributeValue("x"))));
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> sns.getSubscriptionAttributes(b -> b.subscriptionArn(topic + ":00000000-0000-0000-0000-000000000000")));
        assertEquals("Subscription does not exist", missing.awsErrorDetails().errorMessage());
    }

    @Test
    void unsubscribeAndListings(SnsClient sns) {
        String topic = sns.createTopic(b -> b.name("unsub")).topicArn();
        String sub = sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:000000000000:u")).subscriptionArn();
        assertTrue(sns.listSubscriptions().subscriptions().stream().anyMatch(s -> s.subscriptionArn().equals(sub)));
        Subscription listed = sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions().get(0);
        assertEquals(sub, listed.subscriptionArn());
        assertEquals("sqs", listed.protocol());
        assertEquals(ACCOUNT, listed.owner());
        assertEquals(topic, listed.topicArn());
        sns.unsubscribe(b -> b.subscriptionArn(sub));
        sns.unsubscribe(b -> b.subscriptionArn(sub));
        assertTrue(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions().isEmpty());
        assertEquals("Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 1",
                message(() -> sns.unsubscribe(b -> b.subscriptionArn("garbage"))));
        assertThrows(NotFoundException.class, () -> sns.listSubscriptionsByTopic(b -> b.topicArn(arn("gone"))));
    }

    @Test
    void publishValidation(SnsClient sns) {
        String topic = sns.createTopic(b -> b.name("publish-validation")).topicArn();
        assertEquals("Invalid parameter: Empty message", message(() -> sns.publish(b -> b.topicArn(topic).message(""))));
        assertEquals("Invalid parameter: Message too long", message(() -> sns.publish(b -> b.topicArn(topic).message("x".repeat(262_145)))));
        assertNotNull(sns.publish(b -> b.topicArn(topic).message("x".repeat(262_144))).messageId());
        assertEquals("Invalid parameter: Subject", message(() -> sns.publish(b -> b.topicArn(topic).message("m").subject("s".repeat(101)))));
        assertNotNull(sns.publish(b -> b.topicArn(topic).message("m").subject("s".repeat(100))).messageId());
        assertEquals("Invalid parameter: Subject", message(() -> sns.publish(b -> b.topicArn(topic).message("m").subject("line\nbreak"))));
        assertEquals("Invalid parameter: Message Structure - No default entry in JSON message body",
                message(() -> sns.publish(b -> b.topicArn(topic).messageStructure("json").message("{\"sqs\":\"x\"}"))));
        assertEquals("Invalid parameter: Message Structure - JSON message body failed to parse",
                message(() -> sns.publish(b -> b.topicArn(topic).messageStructure("json").message("not json"))));
        assertNotNull(sns.publish(b -> b.topicArn(topic).messageStructure("raw").subject("S").message("plain")).messageId());
        assertNotNull(sns.publish(b -> b.targetArn(topic).message("via target")).messageId());
        InvalidParameterValueException type = assertThrows(InvalidParameterValueException.class, () -> sns.publish(b -> b.topicArn(topic).message("m")
                .messageAttributes(Map.of("a", MessageAttributeValue.builder().dataType("Integer").stringValue("1").build()))));
        assertEquals("The message attribute 'a' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.",
                type.awsErrorDetails().errorMessage());
        assertEquals("ParameterValueInvalid", type.awsErrorDetails().errorCode());
        assertThrows(InvalidParameterValueException.class, () -> sns.publish(b -> b.topicArn(topic).message("m")
                .messageAttributes(Map.of("n", MessageAttributeValue.builder().dataType("Number").stringValue("abc").build()))));
        assertNotNull(sns.publish(b -> b.topicArn(topic).message("m").messageAttributes(Map.of(
                "s", MessageAttributeValue.builder().dataType("String").stringValue("v").build(),
                "n", MessageAttributeValue.builder().dataType("Number").stringValue("1.5").build(),
                "arr", MessageAttributeValue.builder().dataType("String.Array").stringValue("[\"a\",1]").build(),
                "b", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(new byte[] {1, 2})).build())))
                .messageId());
        assertNotNull(sns.publish(b -> b.phoneNumber("+15555550123").message("sms direct")).messageId());
        assertEquals("Invalid parameter: PhoneNumber Reason: 12ab is not valid to publish to",
                message(() -> sns.publish(b -> b.phoneNumber("12ab").message("m"))));
        assertEquals("Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter",
                message(() -> sns.publish(b -> b.message("m"))));
    }

    @Test
    void publishBatch(SnsClient sns) {
        String topic = sns.createTopic(b -> b.name("batch")).topicArn();
        PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("one").message("1").build(),
                PublishBatchRequestEntry.builder().id("two").message("2").subject("s").build()));
        assertEquals(List.of("one", "two"), response.successful().stream().map(s -> s.id()).collect(Collectors.toList()));
        assertTrue(response.failed().isEmpty());
        assertNotNull(response.successful().get(0).messageId());
        assertThrows(BatchEntryIdsNotDistinctException.class, () -> sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("a").message("1").build(), PublishBatchRequestEntry.builder().id("a").message("2").build())));
        List<PublishBatchRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(PublishBatchRequestEntry.builder().id("e" + i).message("m").build());
        }
        assertThrows(TooManyEntriesInBatchRequestException.class, () -> sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(eleven)));
        assertThrows(EmptyBatchRequestException.class, () -> sns.publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(List.of())));
        assertThrows(NotFoundException.class, () -> sns.publishBatch(b -> b.topicArn(arn("nobatch")).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("a").message("1").build())));
        String fifo = sns.createTopic(b -> b.name("batch.fifo").attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "true"))).topicArn();
        PublishBatchResponse fifoResponse = sns.publishBatch(b -> b.topicArn(fifo).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("a").message("1").messageGroupId("g").build()));
        assertNotNull(fifoResponse.successful().get(0).sequenceNumber());
    }

    @Test
    void tagging(SnsClient sns) {
        String topic = sns.createTopic(b -> b.name("tagged").tags(Tag.builder().key("env").value("dev").build())).topicArn();
        assertEquals(List.of(Tag.builder().key("env").value("dev").build()), sns.listTagsForResource(b -> b.resourceArn(topic)).tags());
        sns.tagResource(b -> b.resourceArn(topic).tags(Tag.builder().key("team").value("a").build(), Tag.builder().key("env").value("prod").build()));
        Map<String, String> tags = sns.listTagsForResource(b -> b.resourceArn(topic)).tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
        assertEquals(Map.of("env", "prod", "team", "a"), tags);
        sns.untagResource(b -> b.resourceArn(topic).tagKeys("env"));
        assertEquals(List.of("team"), sns.listTagsForResource(b -> b.resourceArn(topic)).tags().stream().map(Tag::key).collect(Collectors.toList()));
        assertThrows(ResourceNotFoundException.class, () -> sns.listTagsForResource(b -> b.resourceArn(arn("untagged-missing"))));
        assertEquals("Invalid parameter: Tags Reason: Topic already exists with different tags",
                message(() -> sns.createTopic(b -> b.name("tagged").tags(Tag.builder().key("team").value("b").build()))));
    }

    @Test
    void outboxReceivesSmsAndConfirmedEmail(SnsClient sns, CloudJar cloudJar) {
        String topic = sns.createTopic(b -> b.name("NoStock")).topicArn();
        sns.subscribe(b -> b.topicArn(topic).protocol("sms").endpoint("+15555550199"));
        sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("ops@example.com"));
        SnsBackend backend = cloudJar.backend(SnsBackend.class);
        sns.publish(b -> b.topicArn(topic).subject("Before confirming").message("not delivered while pending"));
        assertTrue(backend.outbox().stream().noneMatch(m -> "Before confirming".equals(m.subject())),
                "AWS delivers nothing to an email subscription before it is confirmed");
        OutboxMessage confirmation = backend.outbox().stream()
                .filter(m -> m.recipient().equals("ops@example.com")).findFirst().orElseThrow();
        assertEquals("AWS Notification - Subscription Confirmation", confirmation.subject());
        String token = confirmation.body().substring(confirmation.body().indexOf("Token=") + 6).split("\\s")[0];
        String confirmed = sns.confirmSubscription(b -> b.topicArn(topic).token(token)).subscriptionArn();
        assertTrue(confirmed.startsWith(topic + ":"));
        assertEquals(confirmed, sns.confirmSubscription(b -> b.topicArn(topic).token(token)).subscriptionArn());
        sns.publish(b -> b.topicArn(topic).subject("Out of stock").message("Item 42 is out of stock"));
        OutboxMessage sms = last(backend, "+15555550199");
        assertEquals("sms", sms.protocol());
        assertEquals("Item 42 is out of stock", sms.body());
        assertEquals(topic, sms.topicArn());
        OutboxMessage email = last(backend, "ops@example.com");
        assertEquals("Out of stock", email.subject());
        assertTrue(email.body().startsWith("Item 42 is out of stock"));
        assertTrue(email.body().contains("/?Action=Unsubscribe&SubscriptionArn=" + confirmed));
        assertNull(sms.subject());
    }

    private static OutboxMessage last(SnsBackend backend, String recipient) {
        List<OutboxMessage> matching = backend.outbox().stream().filter(m -> m.recipient().equals(recipient)).collect(Collectors.toList());
        return matching.get(matching.size() - 1);
    }
}
