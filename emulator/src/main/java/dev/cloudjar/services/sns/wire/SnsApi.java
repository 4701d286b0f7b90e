package dev.cloudjar.services.sns.wire;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.AwsService;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.query.QueryProtocol;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.sns.PublishBatchResult;
import dev.cloudjar.services.sns.PublishRequest;
import dev.cloudjar.services.sns.PublishResult;
import dev.cloudjar.services.sns.SnsBackend;
import dev.cloudjar.services.sns.SnsPage;
import dev.cloudjar.services.sns.SnsTag;
import dev.cloudjar.services.sns.SubscribeRequest;
import dev.cloudjar.services.sns.SubscriptionSummary;
import java.util.List;
import java.util.Map;

/**
 * SNS over the Query protocol: form (or, for the unsigned SubscribeURL/UnsubscribeURL GETs, query
 * string) parameters in, {@code <ActionResponse>} XML out, with the result element names of the
 * 2010-03-31 model. Each operation binds its parameters, calls one backend method and renders.
 */
public final class SnsApi implements AwsService {
    public static final String XMLNS = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final SnsBackend backend;
    private final OperationTable operations = new OperationTable();

    public SnsApi(SnsBackend backend) {
        this.backend = backend;
        operations.register("CreateTopic", this::createTopic)
                .register("DeleteTopic", this::deleteTopic)
                .register("ListTopics", this::listTopics)
                .register("GetTopicAttributes", this::getTopicAttributes)
                .register("SetTopicAttributes", this::setTopicAttributes)
                .register("Subscribe", this::subscribe)
                .register("ConfirmSubscription", this::confirmSubscription)
                .register("Unsubscribe", this::unsubscribe)
                .register("ListSubscriptions", this::listSubscriptions)
                .register("ListSubscriptionsByTopic", this::listSubscriptionsByTopic)
                .register("GetSubscriptionAttributes", this::getSubscriptionAttributes)
                .register("SetSubscriptionAttributes", this::setSubscriptionAttributes)
                .register("Publish", this::publish)
                .register("PublishBatch", this::publishBatch)
                .register("TagResource", this::tagResource)
                .register("UntagResource", this::untagResource)
                .register("ListTagsForResource", this::listTagsForResource);
        SnsExtrasApi.register(operations, backend);
        SnsSandboxApi.register(operations, backend);
        SnsPlatformApi.register(operations, backend);
    }

    @Override
    public String serviceName() {
        return "sns";
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        OperationTable.Operation operation = operations.find(action(request));
        if (operation == null) {
            return QueryProtocol.invalidAction(request, XMLNS);
        }
        return operation.handle(request);
    }

    private static String action(AwsRequest request) {
        if (request.target() != null) {
            return request.target();
        }
        return QueryProtocol.params(request).get("Action");
    }

    @Override
    public AwsResponse error(AwsException error, AwsRequest request) {
        return QueryProtocol.error(error, XMLNS, request);
    }

    // ---------------------------------------------------------------- topics

    private AwsResponse createTopic(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        String arn = backend.createTopic(r.scope(), p.get("Name"), QueryProtocol.entries(p, "Attributes", "key", "value"),
                SnsParams.tags(p, "Tags"));
        return QueryProtocol.ok("CreateTopic", XMLNS, r, x -> x.element("TopicArn", arn));
    }

    private AwsResponse deleteTopic(AwsRequest r) {
        backend.deleteTopic(r.scope(), QueryProtocol.params(r).get("TopicArn"));
        return QueryProtocol.okNoResult("DeleteTopic", XMLNS, r);
    }

    private AwsResponse listTopics(AwsRequest r) {
        SnsPage<String> page = backend.listTopics(r.scope(), QueryProtocol.params(r).get("NextToken"));
        return QueryProtocol.ok("ListTopics", XMLNS, r, x -> {
            x.start("Topics");
            for (String arn : page.items()) {
                x.start("member").element("TopicArn", arn).end();
            }
            x.end().element("NextToken", page.nextToken());
        });
    }

    private AwsResponse getTopicAttributes(AwsRequest r) {
        Map<String, String> attributes = backend.getTopicAttributes(r.scope(), QueryProtocol.params(r).get("TopicArn"));
        return QueryProtocol.ok("GetTopicAttributes", XMLNS, r, x -> attributes(x, attributes));
    }

    private AwsResponse setTopicAttributes(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        backend.setTopicAttribute(r.scope(), p.get("TopicArn"), p.get("AttributeName"), p.get("AttributeValue"));
        return QueryProtocol.okNoResult("SetTopicAttributes", XMLNS, r);
    }

    // ---------------------------------------------------------------- subscriptions

    private AwsResponse subscribe(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        String arn = backend.subscribe(r.scope(), new SubscribeRequest(p.get("TopicArn"), p.get("Protocol"), p.get("Endpoint"),
                QueryProtocol.entries(p, "Attributes", "key", "value"), "true".equalsIgnoreCase(p.get("ReturnSubscriptionArn")),
                r.endpoint()));
        return QueryProtocol.ok("Subscribe", XMLNS, r, x -> x.element("SubscriptionArn", arn));
    }

    private AwsResponse confirmSubscription(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        String arn = backend.confirmSubscription(r.scope(), p.get("TopicArn"), p.get("Token"), p.get("AuthenticateOnUnsubscribe"));
        return QueryProtocol.ok("ConfirmSubscription", XMLNS, r, x -> x.element("SubscriptionArn", arn));
    }

    private AwsResponse unsubscribe(AwsRequest r) {
        backend.unsubscribe(r.scope(), QueryProtocol.params(r).get("SubscriptionArn"), r.endpoint());
        return QueryProtocol.okNoResult("Unsubscribe", XMLNS, r);
    }

    private AwsResponse listSubscriptions(AwsRequest r) {
        SnsPage<SubscriptionSummary> page = backend.listSubscriptions(r.scope(), QueryProtocol.params(r).get("NextToken"));
        return QueryProtocol.ok("ListSubscriptions", XMLNS, r, x -> subscriptions(x, page));
    }

    private AwsResponse listSubscriptionsByTopic(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        SnsPage<SubscriptionSummary> page = backend.listSubscriptionsByTopic(r.scope(), p.get("TopicArn"), p.get("NextToken"));
        return QueryProtocol.ok("ListSubscriptionsByTopic", XMLNS, r, x -> subscriptions(x, page));
    }

    private AwsResponse getSubscriptionAttributes(AwsRequest r) {
        Map<String, String> attributes = backend.getSubscriptionAttributes(r.scope(), QueryProtocol.params(r).get("SubscriptionArn"));
        return QueryProtocol.ok("GetSubscriptionAttributes", XMLNS, r, x -> attributes(x, attributes));
    }

    private AwsResponse setSubscriptionAttributes(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        backend.setSubscriptionAttribute(r.scope(), p.get("SubscriptionArn"), p.get("AttributeName"), p.get("AttributeValue"));
        return QueryProtocol.okNoResult("SetSubscriptionAttributes", XMLNS, r);
    }

    // ---------------------------------------------------------------- publishing

    private AwsResponse publish(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        PublishResult result = backend.publish(r.scope(), new PublishRequest(p.get("TopicArn"), p.get("TargetArn"),
                p.get("PhoneNumber"), p.get("Message"), p.get("Subject"), p.get("MessageStructure"),
                SnsParams.messageAttributes(p), p.get("MessageGroupId"), p.get("MessageDeduplicationId"), r.endpoint()));
        return QueryProtocol.ok("Publish", XMLNS, r, x -> x.element("MessageId", result.messageId())
                .element("SequenceNumber", result.sequenceNumber()));
    }

    private AwsResponse publishBatch(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        PublishBatchResult result = backend.publishBatch(r.scope(), p.get("TopicArn"), SnsParams.batchEntries(p), r.endpoint());
        return QueryProtocol.ok("PublishBatch", XMLNS, r, x -> {
            x.start("Successful");
            for (PublishBatchResult.Success s : result.successful()) {
                x.start("member").element("Id", s.id()).element("MessageId", s.messageId())
                        .element("SequenceNumber", s.sequenceNumber()).end();
            }
            x.end().start("Failed");
            for (PublishBatchResult.Failure f : result.failed()) {
                x.start("member").element("Id", f.id()).element("Code", f.code()).element("Message", f.message())
                        .element("SenderFault", f.senderFault()).end();
            }
            x.end();
        });
    }

    // ---------------------------------------------------------------- tags

    private AwsResponse tagResource(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        backend.tagResource(r.scope(), p.get("ResourceArn"), SnsParams.tags(p, "Tags"));
        return QueryProtocol.ok("TagResource", XMLNS, r, x -> { });
    }

    private AwsResponse untagResource(AwsRequest r) {
        Map<String, String> p = QueryProtocol.params(r);
        backend.untagResource(r.scope(), p.get("ResourceArn"), QueryProtocol.members(p, "TagKeys"));
        return QueryProtocol.ok("UntagResource", XMLNS, r, x -> { });
    }

    private AwsResponse listTagsForResource(AwsRequest r) {
        List<SnsTag> tags = backend.listTagsForResource(r.scope(), QueryProtocol.params(r).get("ResourceArn"));
        return QueryProtocol.ok("ListTagsForResource", XMLNS, r, x -> {
            x.start("Tags");
            for (SnsTag tag : tags) {
                x.start("member").element("Key", tag.key()).element("Value", tag.value()).end();
            }
            x.end();
        });
    }

    // ---------------------------------------------------------------- rendering

    private static void attributes(XmlWriter x, Map<String, String> attributes) {
        x.start("Attributes");
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            x.start("entry").element("key", entry.getKey()).element("value", entry.getValue()).end();
        }
        x.end();
    }

    private static void subscriptions(XmlWriter x, SnsPage<SubscriptionSummary> page) {
        x.start("Subscriptions");
        for (SubscriptionSummary s : page.items()) {
            x.start("member").element("SubscriptionArn", s.subscriptionArn()).element("Owner", s.owner())
                    .element("Protocol", s.protocol()).element("Endpoint", s.endpoint()).element("TopicArn", s.topicArn()).end();
        }
        x.end().element("NextToken", page.nextToken());
    }
}
