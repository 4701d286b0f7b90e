package dev.cloudjar.services.sqs.wire;

import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.sqs.wire.SqsInputs.MessageAttributeValue;
import dev.cloudjar.services.sqs.wire.SqsOutputs.BatchIdEntry;
import dev.cloudjar.services.sqs.wire.SqsOutputs.BatchIdsOutput;
import dev.cloudjar.services.sqs.wire.SqsOutputs.BatchResultErrorEntry;
import dev.cloudjar.services.sqs.wire.SqsOutputs.CancelMessageMoveTaskOutput;
import dev.cloudjar.services.sqs.wire.SqsOutputs.GetQueueAttributesOutput;
import dev.cloudjar.services.sqs.wire.SqsOutputs.ListDeadLetterSourceQueuesOutput;
import dev.cloudjar.services.sqs.wire.SqsOutputs.ListMessageMoveTasksOutput;
import dev.cloudjar.services.sqs.wire.SqsOutputs.ListMessageMoveTasksResultEntry;
import dev.cloudjar.services.sqs.wire.SqsOutputs.ListQueueTagsOutput;
import dev.cloudjar.services.sqs.wire.SqsOutputs.ListQueuesOutput;
import dev.cloudjar.services.sqs.wire.SqsOutputs.Message;
import dev.cloudjar.services.sqs.wire.SqsOutputs.QueueUrlOutput;
import dev.cloudjar.services.sqs.wire.SqsOutputs.ReceiveMessageOutput;
import dev.cloudjar.services.sqs.wire.SqsOutputs.SendMessageBatchOutput;
import dev.cloudjar.services.sqs.wire.SqsOutputs.SendMessageBatchResultEntry;
import dev.cloudjar.services.sqs.wire.SqsOutputs.SendMessageOutput;
import dev.cloudjar.services.sqs.wire.SqsOutputs.StartMessageMoveTaskOutput;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes SQS output records as the Query protocol's result XML (the inside of {@code <XResult>}):
 * flattened lists and maps named as in the Query model ({@code <Attribute><Name/><Value/>},
 * {@code <MessageAttribute>}, {@code <Tag><Key/><Value/>}, {@code <QueueUrl>} per URL).
 */
final class SqsXml {
    private SqsXml() {
    }

    static void write(Object output, XmlWriter xml) {
        if (output instanceof QueueUrlOutput o) {
            xml.element("QueueUrl", o.QueueUrl());
        } else if (output instanceof ListQueuesOutput o) {
            urls(xml, o.QueueUrls());
            xml.element("NextToken", o.NextToken());
        } else if (output instanceof ListDeadLetterSourceQueuesOutput o) {
            urls(xml, o.queueUrls());
            xml.element("NextToken", o.NextToken());
        } else if (output instanceof GetQueueAttributesOutput o) {
            pairs(xml, "Attribute", "Name", o.Attributes());
        } else if (output instanceof ListQueueTagsOutput o) {
            pairs(xml, "Tag", "Key", o.Tags());
        } else if (output instanceof SendMessageOutput o) {
            xml.element("MD5OfMessageBody", o.MD5OfMessageBody())
                    .element("MD5OfMessageAttributes", o.MD5OfMessageAttributes())
                    .element("MD5OfMessageSystemAttributes", o.MD5OfMessageSystemAttributes())
                    .element("MessageId", o.MessageId())
                    .element("SequenceNumber", o.SequenceNumber());
        } else if (output instanceof SendMessageBatchOutput o) {
            for (SendMessageBatchResultEntry e : o.Successful()) {
                xml.start("SendMessageBatchResultEntry").element("Id", e.Id()).element("MessageId", e.MessageId())
                        .element("MD5OfMessageBody", e.MD5OfMessageBody())
                        .element("MD5OfMessageAttributes", e.MD5OfMessageAttributes())
                        .element("MD5OfMessageSystemAttributes", e.MD5OfMessageSystemAttributes())
                        .element("SequenceNumber", e.SequenceNumber()).end();
            }
            failures(xml, o.Failed());
        } else if (output instanceof BatchIdsOutput o) {
            throw new IllegalArgumentException("use writeBatch for " + o);
        } else if (output instanceof ReceiveMessageOutput o) {
            if (o.Messages() != null) {
                o.Messages().forEach(m -> message(xml, m));
            }
        } else if (output instanceof StartMessageMoveTaskOutput o) {
            xml.element("TaskHandle", o.TaskHandle());
        } else if (output instanceof ListMessageMoveTasksOutput o) {
            for (ListMessageMoveTasksResultEntry e : o.Results()) {
                xml.start("ListMessageMoveTasksResultEntry").element("TaskHandle", e.TaskHandle()).element("Status", e.Status())
                        .element("SourceArn", e.SourceArn()).element("DestinationArn", e.DestinationArn());
                if (e.MaxNumberOfMessagesPerSecond() != null) {
                    xml.element("MaxNumberOfMessagesPerSecond", e.MaxNumberOfMessagesPerSecond());
                }
                xml.element("ApproximateNumberOfMessagesMoved", e.ApproximateNumberOfMessagesMoved());
                if (e.ApproximateNumberOfMessagesToMove() != null) {
                    xml.element("ApproximateNumberOfMessagesToMove", e.ApproximateNumberOfMessagesToMove());
                }
                xml.element("FailureReason", e.FailureReason()).element("StartedTimestamp", e.StartedTimestamp()).end();
            }
        } else if (output instanceof CancelMessageMoveTaskOutput o) {
            xml.element("ApproximateNumberOfMessagesMoved", o.ApproximateNumberOfMessagesMoved());
        }
    }

    /** DeleteMessageBatch / ChangeMessageVisibilityBatch: the success entry element is named per operation. */
    static void writeBatch(BatchIdsOutput o, String successElement, XmlWriter xml) {
        for (BatchIdEntry e : o.Successful()) {
            xml.start(successElement).element("Id", e.Id()).end();
        }
        failures(xml, o.Failed());
    }

    private static void failures(XmlWriter xml, List<BatchResultErrorEntry> failed) {
        for (BatchResultErrorEntry f : failed) {
            xml.start("BatchResultErrorEntry").element("Id", f.Id()).element("SenderFault", f.SenderFault())
                    .element("Code", f.Code()).element("Message", f.Message()).end();
        }
    }

    private static void urls(XmlWriter xml, List<String> urls) {
        if (urls != null) {
            urls.forEach(u -> xml.element("QueueUrl", u));
        }
    }

    private static void pairs(XmlWriter xml, String element, String keyName, Map<String, String> values) {
        if (values == null) {
            return;
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            xml.start(element).element(keyName, e.getKey()).element("Value", e.getValue()).end();
        }
    }

    private static void message(XmlWriter xml, Message m) {
        xml.start("Message").element("MessageId", m.MessageId()).element("ReceiptHandle", m.ReceiptHandle())
                .element("MD5OfBody", m.MD5OfBody()).element("Body", m.Body());
        pairs(xml, "Attribute", "Name", m.Attributes());
        xml.element("MD5OfMessageAttributes", m.MD5OfMessageAttributes());
        if (m.MessageAttributes() != null) {
            for (Map.Entry<String, MessageAttributeValue> e : m.MessageAttributes().entrySet()) {
                MessageAttributeValue v = e.getValue();
                xml.start("MessageAttribute").element("Name", e.getKey()).start("Value")
                        .element("StringValue", v.StringValue())
                        .element("BinaryValue", v.BinaryValue() == null ? null : Base64.getEncoder().encodeToString(v.BinaryValue()))
                        .element("DataType", v.DataType()).end().end();
            }
        }
        xml.end();
    }
}
