package dev.cloudjar.services.sqs.wire;

import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.services.sqs.engine.BatchResult;
import dev.cloudjar.services.sqs.engine.MessageAttribute;
import dev.cloudjar.services.sqs.engine.ReceivedMessage;
import dev.cloudjar.services.sqs.engine.SendRequest;
import dev.cloudjar.services.sqs.engine.SendResult;
import dev.cloudjar.services.sqs.wire.SqsInputs.MessageAttributeValue;
import dev.cloudjar.services.sqs.wire.SqsInputs.SendMessageBatchRequestEntry;
import dev.cloudjar.services.sqs.wire.SqsOutputs.BatchIdEntry;
import dev.cloudjar.services.sqs.wire.SqsOutputs.BatchIdsOutput;
import dev.cloudjar.services.sqs.wire.SqsOutputs.BatchResultErrorEntry;
import dev.cloudjar.services.sqs.wire.SqsOutputs.Message;
import dev.cloudjar.services.sqs.wire.SqsOutputs.ReceiveMessageOutput;
import dev.cloudjar.services.sqs.wire.SqsOutputs.SendMessageBatchOutput;
import dev.cloudjar.services.sqs.wire.SqsOutputs.SendMessageBatchResultEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Copies between the wire records and the backend's domain records (no service rules here). */
final class SqsWireMapping {

    SendRequest send(AwsRequest request, String body, Integer delaySeconds, Map<String, MessageAttributeValue> attributes,
                     Map<String, MessageAttributeValue> systemAttributes, String groupId, String deduplicationId) {
        return new SendRequest(body, delaySeconds, domain(attributes), systemAttributes == null ? null : domain(systemAttributes),
                groupId, deduplicationId, request.scope().account());
    }

    List<BatchResult.Entry<SendRequest>> sendEntries(AwsRequest request, List<SendMessageBatchRequestEntry> entries) {
        if (entries == null) {
            return List.of();
        }
        List<BatchResult.Entry<SendRequest>> out = new ArrayList<>(entries.size());
        for (SendMessageBatchRequestEntry e : entries) {
            out.add(new BatchResult.Entry<>(e.Id(), send(request, e.MessageBody(), e.DelaySeconds(), e.MessageAttributes(),
                    e.MessageSystemAttributes(), e.MessageGroupId(), e.MessageDeduplicationId())));
        }
        return out;
    }

    SendMessageBatchOutput sendBatch(BatchResult<SendResult> result) {
        List<SendMessageBatchResultEntry> ok = new ArrayList<>(result.successful().size());
        for (BatchResult.Success<SendResult> s : result.successful()) {
            SendResult r = s.value();
            ok.add(new SendMessageBatchResultEntry(s.id(), r.messageId(), r.md5OfMessageBody(), r.md5OfMessageAttributes(),
                    r.md5OfMessageSystemAttributes(), r.sequenceNumber()));
        }
        return new SendMessageBatchOutput(ok, failures(result));
    }

    static BatchIdsOutput ids(BatchResult<Void> result) {
        List<BatchIdEntry> ok = new ArrayList<>(result.successful().size());
        result.successful().forEach(s -> ok.add(new BatchIdEntry(s.id())));
        return new BatchIdsOutput(ok, failures(result));
    }

    private static List<BatchResultErrorEntry> failures(BatchResult<?> result) {
        List<BatchResultErrorEntry> failed = new ArrayList<>(result.failed().size());
        for (BatchResult.Failure f : result.failed()) {
            failed.add(new BatchResultErrorEntry(f.id(), f.senderFault(), f.code(), f.message()));
        }
        return failed;
    }

    static <E, T> List<BatchResult.Entry<T>> entries(List<E> entries, Function<E, String> id, Function<E, T> value) {
        if (entries == null) {
            return List.of();
        }
        List<BatchResult.Entry<T>> out = new ArrayList<>(entries.size());
        for (E e : entries) {
            out.add(new BatchResult.Entry<>(id.apply(e), value.apply(e)));
        }
        return out;
    }

    /** AttributeNames (deprecated) and MessageSystemAttributeNames mean the same: accept both. */
    static List<String> union(List<String> a, List<String> b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        if (b == null || b.isEmpty()) {
            return a;
        }
        LinkedHashSet<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    static ReceiveMessageOutput received(List<ReceivedMessage> messages) {
        if (messages.isEmpty()) {
            return new ReceiveMessageOutput(null);
        }
        List<Message> out = new ArrayList<>(messages.size());
        for (ReceivedMessage m : messages) {
            Map<String, MessageAttributeValue> attributes = null;
            if (!m.messageAttributes().isEmpty()) {
                attributes = new LinkedHashMap<>();
                for (Map.Entry<String, MessageAttribute> e : m.messageAttributes().entrySet()) {
                    MessageAttribute a = e.getValue();
                    attributes.put(e.getKey(), new MessageAttributeValue(a.stringValue(), a.binaryValue(),
                            a.stringListValues(), a.binaryListValues(), a.dataType()));
                }
            }
            out.add(new Message(m.messageId(), m.receiptHandle(), m.md5OfBody(), m.body(),
                    m.attributes().isEmpty() ? null : m.attributes(), m.md5OfMessageAttributes(), attributes));
        }
        return new ReceiveMessageOutput(out);
    }

    private static Map<String, MessageAttribute> domain(Map<String, MessageAttributeValue> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return Map.of();
        }
        Map<String, MessageAttribute> out = new LinkedHashMap<>();
        for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
            MessageAttributeValue v = e.getValue();
            out.put(e.getKey(), v == null ? new MessageAttribute(null, null, null, null, null)
                    : new MessageAttribute(v.DataType(), v.StringValue(), v.BinaryValue(), v.StringListValues(), v.BinaryListValues()));
        }
        return out;
    }
}
