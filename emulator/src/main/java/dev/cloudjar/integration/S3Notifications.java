package dev.cloudjar.integration;

import dev.cloudjar.core.Arn;
import dev.cloudjar.events.S3NotificationConfigured;
import dev.cloudjar.events.S3ObjectEvent;
import dev.cloudjar.services.lambda.LambdaBackend;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.model.NotificationConfiguration;
import dev.cloudjar.services.s3.model.NotificationConfiguration.FilterRule;
import dev.cloudjar.services.s3.model.NotificationConfiguration.NotificationTarget;
import dev.cloudjar.services.sns.PublishRequest;
import dev.cloudjar.services.sns.SnsBackend;
import dev.cloudjar.services.sqs.SqsBackend;
import dev.cloudjar.services.sqs.engine.SendRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers S3 object events to the bucket's configured queues, topics and functions: event names
 * matched with wildcards, keys filtered by prefix and suffix, one document per matching target. A
 * target that fails is logged and skipped; it never fails the S3 request.
 */
public final class S3Notifications {
    private static final Logger LOG = LoggerFactory.getLogger(S3Notifications.class);
    static final String SUBJECT = "Amazon S3 Notification";

    private final Supplier<S3Backend> s3;
    private final Supplier<SqsBackend> sqs;
    private final Supplier<SnsBackend> sns;
    private final Supplier<LambdaBackend> lambda;

    public S3Notifications(Supplier<S3Backend> s3, Supplier<SqsBackend> sqs, Supplier<SnsBackend> sns, Supplier<LambdaBackend> lambda) {
        this.s3 = s3;
        this.sqs = sqs;
        this.sns = sns;
        this.lambda = lambda;
    }

    public void onObjectEvent(S3ObjectEvent event) {
        NotificationConfiguration config = s3.get().notificationConfiguration(event.scope(), event.bucket());
        if (config == null) {
            return;
        }
        for (NotificationTarget target : config.queueConfigurations()) {
            if (matches(target, event)) {
                deliver(target, () -> sqs.get().sendMessage(scopeOf(target), target.arn(), SendRequest.of(S3EventJson.records(event, target.id()))));
            }
        }
        for (NotificationTarget target : config.topicConfigurations()) {
            if (matches(target, event)) {
                deliver(target, () -> sns.get().publish(scopeOf(target), new PublishRequest(target.arn(), null, null,
                        S3EventJson.records(event, target.id()), SUBJECT, null, Map.of(), null, null, null)));
            }
        }
        for (NotificationTarget target : config.lambdaFunctionConfigurations()) {
            if (matches(target, event)) {
                deliver(target, () -> lambda.get().invokeAsync(scopeOf(target), target.arn(),
                        S3EventJson.records(event, target.id()).getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    /** S3's one-off s3:TestEvent to each queue and topic of a configuration just saved. */
    public void onConfigured(S3NotificationConfigured event) {
        String body = S3EventJson.testEvent(event.bucket(), event.requestId(), event.time());
        for (String arnText : event.queueAndTopicArns()) {
            Arn arn = Arn.parseOrNull(arnText);
            if (arn == null) {
                continue;
            }
            NotificationTarget target = new NotificationTarget(null, arnText, List.of(), List.of());
            if ("sqs".equals(arn.service())) {
                deliver(target, () -> sqs.get().sendMessage(arn.scope(), arnText, SendRequest.of(body)));
            } else if ("sns".equals(arn.service())) {
                deliver(target, () -> sns.get().publish(arn.scope(), new PublishRequest(arnText, null, null, body, SUBJECT,
                        null, Map.of(), null, null, null)));
            }
        }
    }

    private static dev.cloudjar.core.Scope scopeOf(NotificationTarget target) {
        return Arn.parseOrNull(target.arn()).scope();
    }

    private static void deliver(NotificationTarget target, Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            LOG.warn("S3 notification to {} failed: {}", target.arn(), e.getMessage());
        }
    }

    static boolean matches(NotificationTarget target, S3ObjectEvent event) {
        boolean eventMatches = false;
        String name = "s3:" + event.eventName();
        for (String pattern : target.events()) {
            if (pattern.equals(name) || (pattern.endsWith(":*") && name.startsWith(pattern.substring(0, pattern.length() - 1)))) {
                eventMatches = true;
                break;
            }
        }
        if (!eventMatches) {
            return false;
        }
        for (FilterRule rule : target.filterRules()) {
            String value = rule.value() == null ? "" : rule.value();
            if ("Prefix".equals(rule.name()) && !event.key().startsWith(value)) {
                return false;
            }
            if ("Suffix".equals(rule.name()) && !event.key().endsWith(value)) {
                return false;
            }
        }
        return true;
    }
}
