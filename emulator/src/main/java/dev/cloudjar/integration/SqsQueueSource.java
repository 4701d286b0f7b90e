package dev.cloudjar.integration;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.lambda.esm.QueueMessage;
import dev.cloudjar.services.lambda.esm.QueueSource;
import dev.cloudjar.services.sqs.SqsBackend;
import dev.cloudjar.services.sqs.engine.MessageAttribute;
import dev.cloudjar.services.sqs.engine.ReceivedMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** An SQS queue as a Lambda event source: long-polled receives and deletes through the SQS backend. */
public final class SqsQueueSource implements QueueSource {
    private final Supplier<SqsBackend> sqs;

    public SqsQueueSource(Supplier<SqsBackend> sqs) {
        this.sqs = sqs;
    }

    @Override
    public boolean exists(Scope scope, String queueArn) {
        try {
            sqs.get().getQueueAttributes(scope, queueArn, List.of("QueueArn"));
            return true;
        } catch (AwsException e) {
            return false;
        }
    }

    @Override
    public List<QueueMessage> receive(Scope scope, String queueArn, int maxMessages, int waitSeconds) {
        List<ReceivedMessage> received;
        try {
            received = sqs.get().receiveAsync(scope, queueArn, maxMessages, null, waitSeconds).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AwsException aws) {
                throw aws;
            }
            throw new IllegalStateException(e.getCause());
        }
        List<QueueMessage> messages = new ArrayList<>(received.size());
        for (ReceivedMessage m : received) {
            Map<String, QueueMessage.Attribute> attributes = new LinkedHashMap<>();
            if (m.messageAttributes() != null) {
                for (Map.Entry<String, MessageAttribute> a : m.messageAttributes().entrySet()) {
                    MessageAttribute v = a.getValue();
                    attributes.put(a.getKey(), new QueueMessage.Attribute(v.dataType(), v.stringValue(), v.binaryValue()));
                }
            }
            messages.add(new QueueMessage(m.messageId(), m.receiptHandle(), m.body(),
                    m.attributes() == null ? Map.of() : m.attributes(), attributes, m.md5OfBody()));
        }
        return messages;
    }

    @Override
    public void delete(Scope scope, String queueArn, List<String> receiptHandles) {
        for (String handle : receiptHandles) {
            sqs.get().delete(scope, queueArn, handle);
        }
    }
}
