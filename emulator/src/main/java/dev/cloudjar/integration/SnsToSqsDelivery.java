package dev.cloudjar.integration;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.sns.SnsBackend;
import dev.cloudjar.services.sns.SnsDelivery;
import dev.cloudjar.services.sns.SnsDeliveryTransport;
import dev.cloudjar.services.sns.SnsMessageAttribute;
import dev.cloudjar.services.sqs.SqsBackend;
import dev.cloudjar.services.sqs.engine.MessageAttribute;
import dev.cloudjar.services.sqs.engine.SendRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * SNS's {@code sqs} transport: sends each prepared delivery to its queue through the SQS backend,
 * synchronously, so a message published and acknowledged is already receivable. With raw delivery
 * the SNS message attributes become the SQS message's attributes; FIFO queues get the message group
 * and deduplication id of the SNS message. A missing queue throws, and SNS then tries the
 * subscription's dead-letter queue.
 */
public final class SnsToSqsDelivery implements SnsDeliveryTransport {
    /** The SenderId AWS shows on messages SNS delivered to SQS. */
    static final String SNS_SENDER_ID = "AIDAIT2UOQQY3AUEKVGXU";

    private final Supplier<SqsBackend> sqs;

    public SnsToSqsDelivery(Supplier<SqsBackend> sqs) {
        this.sqs = sqs;
    }

    /** Registers this transport on SNS; the SQS backend is only built when the first message goes out. */
    public static SnsBackend install(SnsBackend sns, Supplier<SqsBackend> sqs) {
        sns.registerTransport("sqs", new SnsToSqsDelivery(sqs));
        return sns;
    }

    @Override
    public void deliver(SnsDelivery delivery) {
        Arn queue = Arn.parseOrNull(delivery.endpoint());
        if (queue == null || !"sqs".equals(queue.service())) {
            throw new AwsException(400, "InvalidParameter", "Not an SQS queue ARN: " + delivery.endpoint());
        }
        boolean fifo = queue.resource().endsWith(".fifo");
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        if (delivery.raw()) {
            for (Map.Entry<String, SnsMessageAttribute> entry : delivery.messageAttributes().entrySet()) {
                SnsMessageAttribute a = entry.getValue();
                attributes.put(entry.getKey(), a.isBinary()
                        ? MessageAttribute.binary(a.dataType(), a.binaryValue())
                        : MessageAttribute.string(a.dataType(), a.stringValue()));
            }
        }
        SendRequest request = new SendRequest(delivery.body(), null, attributes, null,
                fifo ? delivery.messageGroupId() : null, fifo ? delivery.messageDeduplicationId() : null, SNS_SENDER_ID);
        sqs.get().sendMessage(queue.scope(), delivery.endpoint(), request);
    }
}
