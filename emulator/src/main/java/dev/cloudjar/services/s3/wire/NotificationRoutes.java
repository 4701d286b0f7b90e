package dev.cloudjar.services.s3.wire;

import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.xml.XmlNode;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import dev.cloudjar.services.s3.model.NotificationConfiguration;
import dev.cloudjar.services.s3.model.NotificationConfiguration.FilterRule;
import dev.cloudjar.services.s3.model.NotificationConfiguration.NotificationTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * Bucket notification configuration ({@code ?notification}). The wire element names are
 * {@code QueueConfiguration/Queue}, {@code TopicConfiguration/Topic} and
 * {@code CloudFunctionConfiguration/CloudFunction} (PROTOCOLS 4.9).
 */
final class NotificationRoutes {
    private final S3Backend backend;

    NotificationRoutes(S3Backend backend) {
        this.backend = backend;
    }

    AwsResponse put(AwsRequest request, S3Address address) {
        XmlNode root = S3Xml.parse(request);
        if (!"NotificationConfiguration".equals(root.name())) {
            throw S3Errors.malformedXml();
        }
        NotificationConfiguration configuration = new NotificationConfiguration(
                targets(root, "QueueConfiguration", "Queue"),
                targets(root, "TopicConfiguration", "Topic"),
                targets(root, "CloudFunctionConfiguration", "CloudFunction"),
                root.child("EventBridgeConfiguration") != null);
        backend.putBucketNotificationConfiguration(request.scope(), address.bucket(), configuration, request.requestId());
        return AwsResponse.ok().body(new byte[0], null);
    }

    private static List<NotificationTarget> targets(XmlNode root, String element, String arnElement) {
        List<NotificationTarget> targets = new ArrayList<>();
        for (XmlNode node : root.children(element)) {
            String arn = node.childText(arnElement);
            if (arn == null) {
                throw S3Errors.malformedXml();
            }
            List<String> events = new ArrayList<>();
            for (XmlNode event : node.children("Event")) {
                events.add(event.text());
            }
            List<FilterRule> rules = new ArrayList<>();
            XmlNode filter = node.child("Filter");
            XmlNode key = filter == null ? null : filter.child("S3Key");
            if (key != null) {
                for (XmlNode rule : key.children("FilterRule")) {
                    XmlNode value = rule.child("Value");
                    rules.add(new FilterRule(rule.childText("Name"), value == null ? "" : value.rawText()));
                }
            }
            targets.add(new NotificationTarget(node.childText("Id"), arn, events, rules));
        }
        return targets;
    }

    AwsResponse get(AwsRequest request, S3Address address) {
        NotificationConfiguration configuration = backend.bucketNotificationConfiguration(address.bucket());
        XmlWriter xml = S3Xml.document("NotificationConfiguration");
        write(xml, configuration.topicConfigurations(), "TopicConfiguration", "Topic");
        write(xml, configuration.queueConfigurations(), "QueueConfiguration", "Queue");
        write(xml, configuration.lambdaFunctionConfigurations(), "CloudFunctionConfiguration", "CloudFunction");
        if (configuration.eventBridgeEnabled()) {
            xml.empty("EventBridgeConfiguration");
        }
        return S3Xml.ok(xml);
    }

    private static void write(XmlWriter xml, List<NotificationTarget> targets, String element, String arnElement) {
        for (NotificationTarget target : targets) {
            xml.start(element).element("Id", target.id()).element(arnElement, target.arn());
            target.events().forEach(e -> xml.element("Event", e));
            if (!target.filterRules().isEmpty()) {
                xml.start("Filter").start("S3Key");
                for (FilterRule rule : target.filterRules()) {
                    xml.start("FilterRule").element("Name", rule.name()).element("Value", rule.value()).end();
                }
                xml.end().end();
            }
            xml.end();
        }
    }
}
