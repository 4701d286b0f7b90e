package dev.cloudjar.integration;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.lambda.LambdaDestinations;
import dev.cloudjar.services.sns.PublishRequest;
import dev.cloudjar.services.sns.SnsBackend;
import dev.cloudjar.services.sns.SnsMessageAttribute;
import dev.cloudjar.services.sqs.SqsBackend;
import dev.cloudjar.services.sqs.engine.MessageAttribute;
import dev.cloudjar.services.sqs.engine.SendRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Lambda's dead-letter queues and destinations: an SQS ARN gets the message with its attributes as
 * String message attributes; an SNS ARN gets it published (attributes as message attributes).
 */
public final class LambdaDestinationTransport implements LambdaDestinations {
    private final Supplier<SqsBackend> sqs;
    private final Supplier<SnsBackend> sns;

    public LambdaDestinationTransport(Supplier<SqsBackend> sqs, Supplier<SnsBackend> sns) {
        this.sqs = sqs;
        this.sns = sns;
    }

    @Override
    public void send(Scope scope, String targetArn, String body, Map<String, String> attributes) {
        Arn arn = Arn.parseOrNull(targetArn);
        if (arn == null) {
            throw new AwsException(400, "InvalidParameterValueException", "Invalid destination ARN: " + targetArn);
        }
        switch (arn.service()) {
            case "sqs" -> {
                Map<String, MessageAttribute> sqsAttributes = new LinkedHashMap<>();
                attributes.forEach((k, v) -> sqsAttributes.put(k, MessageAttribute.string("String", v)));
                sqs.get().sendMessage(arn.scope(), targetArn, new SendRequest(body, null, sqsAttributes, null, null, null, null));
            }
            case "sns" -> {
                Map<String, SnsMessageAttribute> snsAttributes = new LinkedHashMap<>();
                attributes.forEach((k, v) -> snsAttributes.put(k, new SnsMessageAttribute("String", v, null)));
                sns.get().publish(arn.scope(), new PublishRequest(targetArn, null, null, body, null, null, snsAttributes, null, null, null));
            }
            default -> throw new AwsException(400, "InvalidParameterValueException", "Unsupported destination: " + targetArn);
        }
    }
}
