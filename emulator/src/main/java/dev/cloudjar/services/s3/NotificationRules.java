package dev.cloudjar.services.s3;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.IdGenerator;
import dev.cloudjar.services.s3.model.NotificationConfiguration;
import dev.cloudjar.services.s3.model.NotificationConfiguration.FilterRule;
import dev.cloudjar.services.s3.model.NotificationConfiguration.NotificationTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates a notification configuration as S3 does before storing it: well-formed ARNs of the right
 * service, known event names, prefix/suffix filter rules (names normalised to {@code Prefix}/{@code Suffix}),
 * and fills in missing ids.
 */
final class NotificationRules {
    private static final Set<String> EVENTS = Set.of(
            "s3:ReducedRedundancyLostObject", "s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post",
            "s3:ObjectCreated:Copy", "s3:ObjectCreated:CompleteMultipartUpload", "s3:ObjectRemoved:*",
            "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated", "s3:ObjectRestore:*",
            "s3:ObjectRestore:Post", "s3:ObjectRestore:Completed", "s3:ObjectRestore:Delete", "s3:Replication:*",
            "s3:Replication:OperationFailedReplication", "s3:Replication:OperationNotTracked",
            "s3:Replication:OperationMissedThreshold", "s3:Replication:OperationReplicatedAfterThreshold",
            "s3:LifecycleExpiration:*", "s3:LifecycleExpiration:Delete", "s3:LifecycleExpiration:DeleteMarkerCreated",
            "s3:LifecycleTransition", "s3:IntelligentTiering", "s3:ObjectTagging:*", "s3:ObjectTagging:Put",
            "s3:ObjectTagging:Delete", "s3:ObjectAcl:Put");

    private NotificationRules() {
    }

    static NotificationConfiguration validate(NotificationConfiguration configuration, IdGenerator ids) {
        return new NotificationConfiguration(
                targets(configuration.queueConfigurations(), "sqs", ids),
                targets(configuration.topicConfigurations(), "sns", ids),
                targets(configuration.lambdaFunctionConfigurations(), "lambda", ids),
                configuration.eventBridgeEnabled());
    }

    private static List<NotificationTarget> targets(List<NotificationTarget> targets, String service, IdGenerator ids) {
        List<NotificationTarget> result = new ArrayList<>(targets.size());
        for (NotificationTarget target : targets) {
            Arn arn = Arn.parseOrNull(target.arn());
            if (arn == null || !service.equals(arn.service()) || arn.region().isEmpty() || arn.account().isEmpty()
                    || arn.resource().isEmpty() || ("lambda".equals(service) && !arn.resource().startsWith("function:"))) {
                throw S3Errors.invalidArgument("The ARN is not well formed", target.arn(), "The ARN is not well formed");
            }
            if (target.events().isEmpty()) {
                throw S3Errors.malformedXml();
            }
            for (String event : target.events()) {
                if (!EVENTS.contains(event)) {
                    throw S3Errors.invalidArgument("The event is not supported for notifications", event,
                            "The event is not supported for notifications");
                }
            }
            String id = target.id() == null || target.id().isEmpty() ? ids.uuid() : target.id();
            result.add(new NotificationTarget(id, target.arn(), target.events(), filterRules(target.filterRules())));
        }
        return result;
    }

    private static List<FilterRule> filterRules(List<FilterRule> rules) {
        List<FilterRule> result = new ArrayList<>(rules.size());
        boolean prefix = false;
        boolean suffix = false;
        for (FilterRule rule : rules) {
            String name = rule.name() == null ? "" : rule.name().toLowerCase(Locale.ROOT);
            if ("prefix".equals(name)) {
                if (prefix) {
                    throw S3Errors.invalidArgument("Cannot specify more than one prefix rule in a filter.", "FilterRule", rule.name());
                }
                prefix = true;
                result.add(new FilterRule("Prefix", rule.value()));
            } else if ("suffix".equals(name)) {
                if (suffix) {
                    throw S3Errors.invalidArgument("Cannot specify more than one suffix rule in a filter.", "FilterRule", rule.name());
                }
                suffix = true;
                result.add(new FilterRule("Suffix", rule.value()));
            } else {
                throw S3Errors.invalidArgument("filter rule name must be either prefix or suffix", "FilterRule", rule.name());
            }
        }
        return result;
    }
}
