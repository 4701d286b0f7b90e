package dev.cloudjar.services.lambda;

import dev.cloudjar.core.Scope;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Delivers a message to an SQS queue or SNS topic named by ARN: dead-letter queues (the original
 * event, with RequestID / ErrorCode / ErrorMessage attributes), OnSuccess / OnFailure destinations of
 * asynchronous invocations and the OnFailure destination of event source mappings (an invocation
 * record). Lambda ARNs never reach this port: LambdaBackend invokes those itself. Implemented by
 * {@code dev.cloudjar.integration} over SqsBackend and SnsBackend; it throws AwsException when the
 * target does not exist.
 */
public interface LambdaDestinations {
    void send(Scope scope, String targetArn, String body, Map<String, String> attributes);

    /** The default before integration is wired: logs and drops. */
    LambdaDestinations NONE = (scope, target, body, attributes) ->
            LoggerFactory.getLogger(LambdaDestinations.class).warn("no destination transport wired; dropped message for {}", target);
}
