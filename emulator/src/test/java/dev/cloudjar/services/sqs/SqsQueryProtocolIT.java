package dev.cloudjar.services.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.protocol.xml.SafeXml;
import dev.cloudjar.protocol.xml.XmlNode;
import dev.cloudjar.services.sqs.engine.MessageAttribute;
import dev.cloudjar.services.sqs.engine.MessageDigests;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SQS Query protocol as SDK v1 and older SDK v2 speak it: form-encoded POSTs (to {@code /} with a
 * QueueUrl, or to the queue URL itself without one), XML answers in the 2012-11-05 namespace.
 */
@ExtendWith(CloudJarExtension.class)
class SqsQueryProtocolIT {
    private static final String NS = "xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\"";
    private final HttpClient http = HttpClient.newHttpClient();

    record Reply(int status, String body, XmlNode xml) {
        XmlNode result(String action) {
            return xml.child(action + "Result");
        }
    }

    Reply post(URI endpoint, String path, String... pairs) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        form.put("Version", "2012-11-05");
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261122/us-east-1/sqs/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=0000")
                .header("X-Amz-Date", "20261122T000000Z")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), SafeXml.parse(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void createSendReceiveDeleteAsSdkV1SendsThem(URI endpoint) throws Exception {
        Reply created = post(endpoint, "/", "Action", "CreateQueue", "QueueName", "legacy",
                "Attribute.1.Name", "VisibilityTimeout", "Attribute.1.Value", "40", "Tag.1.Key", "team", "Tag.1.Value", "q");
        assertEquals(200, created.status());
        assertTrue(created.body().contains("<CreateQueueResponse " + NS + ">"));
        String url = created.result("CreateQueue").childText("QueueUrl");
        assertEquals(endpoint + "/000000000000/legacy", url);
        assertNotNull(created.xml().child("ResponseMetadata").childText("RequestId"));

        // SDK v1: no QueueUrl in the form, the request goes to the queue URL's path
        Reply sent = post(endpoint, "/000000000000/legacy", "Action", "SendMessage", "MessageBody", "hi & <b>",
                "MessageAttribute.1.Name", "color", "MessageAttribute.1.Value.DataType", "String",
                "MessageAttribute.1.Value.StringValue", "blue",
                "MessageAttribute.2.Name", "bin", "MessageAttribute.2.Value.DataType", "Binary",
                "MessageAttribute.2.Value.BinaryValue", "AQID");
        assertEquals(200, sent.status(), sent.body());
        XmlNode sendResult = sent.result("SendMessage");
        assertEquals("09d0d4298e1552d4fef9336e3c8ef978", sendResult.childText("MD5OfMessageBody"));
        assertEquals(MessageDigests.md5OfAttributes(Map.of("color", MessageAttribute.string("String", "blue"),
                "bin", MessageAttribute.binary("Binary", new byte[] {1, 2, 3}))), sendResult.childText("MD5OfMessageAttributes"));
        assertNotNull(sendResult.childText("MessageId"));

        Reply received = post(endpoint, "/", "Action", "ReceiveMessage", "QueueUrl", url, "AttributeName.1", "All",
                "MessageAttributeName.1", "All", "MaxNumberOfMessages", "10");
        assertTrue(received.body().contains("<Body>hi &amp; &lt;b&gt;</Body>"), received.body());
        XmlNode message = received.result("ReceiveMessage").child("Message");
        assertEquals("hi & <b>", message.childText("Body"));
        assertEquals("09d0d4298e1552d4fef9336e3c8ef978", message.childText("MD5OfBody"));
        assertEquals(sendResult.childText("MD5OfMessageAttributes"), message.childText("MD5OfMessageAttributes"));
        Map<String, String> attributes = new LinkedHashMap<>();
        message.children("Attribute").forEach(a -> attributes.put(a.childText("Name"), a.childText("Value")));
        assertEquals("1", attributes.get("ApproximateReceiveCount"));
        assertNotNull(attributes.get("SentTimestamp"));
        XmlNode color = message.children("MessageAttribute").stream().filter(a -> "color".equals(a.childText("Name"))).findFirst().orElseThrow();
        assertEquals("blue", color.child("Value").childText("StringValue"));
        assertEquals("String", color.child("Value").childText("DataType"));

        Reply deleted = post(endpoint, "/", "Action", "DeleteMessage", "QueueUrl", url, "ReceiptHandle", message.childText("ReceiptHandle"));
        assertEquals(200, deleted.status());
        assertTrue(deleted.body().startsWith("<DeleteMessageResponse " + NS + "><ResponseMetadata>"), deleted.body());

        Reply empty = post(endpoint, "/000000000000/legacy", "Action", "ReceiveMessage");
        assertNull(empty.result("ReceiveMessage").child("Message"));
    }

    @Test
    void attributesTagsListsAndBatches(URI endpoint) throws Exception {
        String url = post(endpoint, "/", "Action", "CreateQueue", "QueueName", "q-attrs").result("CreateQueue").childText("QueueUrl");
        Reply attributes = post(endpoint, "/", "Action", "GetQueueAttributes", "QueueUrl", url, "AttributeName.1", "All");
        Map<String, String> values = new LinkedHashMap<>();
        attributes.result("GetQueueAttributes").children("Attribute").forEach(a -> values.put(a.childText("Name"), a.childText("Value")));
        assertEquals("30", values.get("VisibilityTimeout"));
        assertEquals("0", values.get("ApproximateNumberOfMessages"));
        assertEquals(200, post(endpoint, "/", "Action", "SetQueueAttributes", "QueueUrl", url,
                "Attribute.1.Name", "DelaySeconds", "Attribute.1.Value", "0").status());
        post(endpoint, "/", "Action", "TagQueue", "QueueUrl", url, "Tag.1.Key", "k", "Tag.1.Value", "v");
        XmlNode tag = post(endpoint, "/", "Action", "ListQueueTags", "QueueUrl", url).result("ListQueueTags").child("Tag");
        assertEquals("k", tag.childText("Key"));
        assertEquals("v", tag.childText("Value"));
        List<XmlNode> urls = post(endpoint, "/", "Action", "ListQueues", "QueueNamePrefix", "q-attr").result("ListQueues").children("QueueUrl");
        assertEquals(List.of(url), urls.stream().map(XmlNode::text).toList());

        Reply batch = post(endpoint, "/", "Action", "SendMessageBatch", "QueueUrl", url,
                "SendMessageBatchRequestEntry.1.Id", "one", "SendMessageBatchRequestEntry.1.MessageBody", "1",
                "SendMessageBatchRequestEntry.2.Id", "two", "SendMessageBatchRequestEntry.2.MessageBody", "2",
                "SendMessageBatchRequestEntry.2.DelaySeconds", "901");
        XmlNode batchResult = batch.result("SendMessageBatch");
        assertEquals("one", batchResult.child("SendMessageBatchResultEntry").childText("Id"));
        XmlNode failed = batchResult.child("BatchResultErrorEntry");
        assertEquals("two", failed.childText("Id"));
        assertEquals("true", failed.childText("SenderFault"));
        assertEquals("InvalidParameterValue", failed.childText("Code"));

        XmlNode m = post(endpoint, "/", "Action", "ReceiveMessage", "QueueUrl", url).result("ReceiveMessage").child("Message");
        Reply deletes = post(endpoint, "/", "Action", "DeleteMessageBatch", "QueueUrl", url,
                "DeleteMessageBatchRequestEntry.1.Id", "d", "DeleteMessageBatchRequestEntry.1.ReceiptHandle", m.childText("ReceiptHandle"));
        assertEquals("d", deletes.result("DeleteMessageBatch").child("DeleteMessageBatchResultEntry").childText("Id"));
    }

    @Test
    void deadLetterOperationsAndVisibilityBatches(URI endpoint) throws Exception {
        String dlq = post(endpoint, "/", "Action", "CreateQueue", "QueueName", "q-dlq").result("CreateQueue").childText("QueueUrl");
        String src = post(endpoint, "/", "Action", "CreateQueue", "QueueName", "q-src", "Attribute.1.Name", "RedrivePolicy",
                "Attribute.1.Value", "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:q-dlq\",\"maxReceiveCount\":\"3\"}")
                .result("CreateQueue").childText("QueueUrl");
        XmlNode sources = post(endpoint, "/", "Action", "ListDeadLetterSourceQueues", "QueueUrl", dlq).result("ListDeadLetterSourceQueues");
        assertEquals(List.of(src), sources.children("QueueUrl").stream().map(XmlNode::text).toList());

        post(endpoint, "/", "Action", "SendMessage", "QueueUrl", src, "MessageBody", "v");
        XmlNode m = post(endpoint, "/", "Action", "ReceiveMessage", "QueueUrl", src).result("ReceiveMessage").child("Message");
        XmlNode changed = post(endpoint, "/", "Action", "ChangeMessageVisibilityBatch", "QueueUrl", src,
                "ChangeMessageVisibilityBatchRequestEntry.1.Id", "c1",
                "ChangeMessageVisibilityBatchRequestEntry.1.ReceiptHandle", m.childText("ReceiptHandle"),
                "ChangeMessageVisibilityBatchRequestEntry.1.VisibilityTimeout", "0").result("ChangeMessageVisibilityBatch");
        assertEquals("c1", changed.child("ChangeMessageVisibilityBatchResultEntry").childText("Id"));

        String handle = post(endpoint, "/", "Action", "StartMessageMoveTask", "SourceArn", "arn:aws:sqs:us-east-1:000000000000:q-dlq")
                .result("StartMessageMoveTask").childText("TaskHandle");
        assertNotNull(handle);
        XmlNode task = post(endpoint, "/", "Action", "ListMessageMoveTasks", "SourceArn", "arn:aws:sqs:us-east-1:000000000000:q-dlq")
                .result("ListMessageMoveTasks").child("ListMessageMoveTasksResultEntry");
        assertEquals(handle, task.childText("TaskHandle"));
        assertEquals("arn:aws:sqs:us-east-1:000000000000:q-dlq", task.childText("SourceArn"));
    }

    @Test
    void errorsUseTheLegacyCodesAndErrorResponse(URI endpoint) throws Exception {
        Reply missing = post(endpoint, "/", "Action", "GetQueueUrl", "QueueName", "no-such-queue");
        assertEquals(400, missing.status());
        assertTrue(missing.body().startsWith("<ErrorResponse " + NS + ">"), missing.body());
        XmlNode error = missing.xml().child("Error");
        assertEquals("Sender", error.childText("Type"));
        assertEquals("AWS.SimpleQueueService.NonExistentQueue", error.childText("Code"));
        assertEquals("The specified queue does not exist for this wsdl version.", error.childText("Message"));
        assertNotNull(missing.xml().childText("RequestId"));

        String url = post(endpoint, "/", "Action", "CreateQueue", "QueueName", "q-errors").result("CreateQueue").childText("QueueUrl");
        XmlNode tooMany = post(endpoint, "/", "Action", "ReceiveMessage", "QueueUrl", url, "MaxNumberOfMessages", "11").xml().child("Error");
        assertEquals("InvalidParameterValue", tooMany.childText("Code"));
        assertEquals("Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.",
                tooMany.childText("Message"));
        XmlNode exists = post(endpoint, "/", "Action", "CreateQueue", "QueueName", "q-errors",
                "Attribute.1.Name", "DelaySeconds", "Attribute.1.Value", "5").xml().child("Error");
        assertEquals("QueueAlreadyExists", exists.childText("Code"));
        XmlNode unknownAttribute = post(endpoint, "/", "Action", "GetQueueAttributes", "QueueUrl", url,
                "AttributeName.1", "Nope").xml().child("Error");
        assertEquals("InvalidAttributeName", unknownAttribute.childText("Code"));
        assertEquals("Unknown Attribute Nope.", unknownAttribute.childText("Message"));
        XmlNode emptyBatch = post(endpoint, "/", "Action", "DeleteMessageBatch", "QueueUrl", url).xml().child("Error");
        assertEquals("AWS.SimpleQueueService.EmptyBatchRequest", emptyBatch.childText("Code"));
        XmlNode missingBody = post(endpoint, "/", "Action", "SendMessage", "QueueUrl", url).xml().child("Error");
        assertEquals("MissingParameter", missingBody.childText("Code"));
        Reply unknown = post(endpoint, "/", "Action", "FlyToTheMoon");
        assertEquals(400, unknown.status());
        assertEquals("InvalidAction", unknown.xml().child("Error").childText("Code"));
    }

    @Test
    void issue12FidelityOverQuery(URI endpoint) throws Exception {
        String fifo = post(endpoint, "/", "Action", "CreateQueue", "QueueName", "q-zero.fifo", "Attribute.1.Name", "FifoQueue",
                "Attribute.1.Value", "true", "Attribute.2.Name", "ContentBasedDeduplication", "Attribute.2.Value", "true")
                .result("CreateQueue").childText("QueueUrl");
        Reply zero = post(endpoint, "/", "Action", "SendMessage", "QueueUrl", fifo, "MessageBody", "z", "MessageGroupId", "g",
                "DelaySeconds", "0");
        assertEquals(200, zero.status(), zero.body());
        XmlNode noGroup = post(endpoint, "/", "Action", "SendMessageBatch", "QueueUrl", fifo,
                "SendMessageBatchRequestEntry.1.Id", "none", "SendMessageBatchRequestEntry.1.MessageBody", "y").xml().child("Error");
        assertEquals("MissingParameter", noGroup.childText("Code"));
        assertEquals("The request must contain the parameter MessageGroupId.", noGroup.childText("Message"));
        XmlNode five = post(endpoint, "/", "Action", "SendMessage", "QueueUrl", fifo, "MessageBody", "z", "MessageGroupId", "g",
                "DelaySeconds", "5").xml().child("Error");
        assertEquals("InvalidParameterValue", five.childText("Code"));
        assertEquals("Value 5 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.",
                five.childText("Message"));

        post(endpoint, "/", "Action", "CreateQueue", "QueueName", "q-dlq-typed");
        String src = post(endpoint, "/", "Action", "CreateQueue", "QueueName", "q-typed", "Attribute.1.Name", "RedrivePolicy",
                "Attribute.1.Value", "{\"maxReceiveCount\": \"4\", \"deadLetterTargetArn\": \"arn:aws:sqs:us-east-1:000000000000:q-dlq-typed\"}")
                .result("CreateQueue").childText("QueueUrl");
        XmlNode attribute = post(endpoint, "/", "Action", "GetQueueAttributes", "QueueUrl", src, "AttributeName.1", "RedrivePolicy")
                .result("GetQueueAttributes").child("Attribute");
        assertEquals("{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:q-dlq-typed\",\"maxReceiveCount\":4}",
                attribute.childText("Value"));

        String doomed = post(endpoint, "/", "Action", "CreateQueue", "QueueName", "q-doomed").result("CreateQueue").childText("QueueUrl");
        assertEquals(200, post(endpoint, "/", "Action", "DeleteQueue", "QueueUrl", doomed).status());
        Reply again = post(endpoint, "/", "Action", "CreateQueue", "QueueName", "q-doomed");
        assertEquals(400, again.status());
        XmlNode recently = again.xml().child("Error");
        assertEquals("AWS.SimpleQueueService.QueueDeletedRecently", recently.childText("Code"));
        assertEquals("You must wait 60 seconds after deleting a queue before you can create another with the same name.",
                recently.childText("Message"));
    }

    @Test
    void tagAndPermissionParametersOverQuery(URI endpoint) throws Exception {
        String url = post(endpoint, "/", "Action", "CreateQueue", "QueueName", "q-params").result("CreateQueue").childText("QueueUrl");
        XmlNode noTags = post(endpoint, "/", "Action", "TagQueue", "QueueUrl", url).xml().child("Error");
        assertEquals("MissingParameter", noTags.childText("Code"));
        assertEquals("The request must contain the parameter Tags.", noTags.childText("Message"));
        XmlNode noKeys = post(endpoint, "/", "Action", "UntagQueue", "QueueUrl", url).xml().child("Error");
        assertEquals("InvalidParameterValue", noKeys.childText("Code"));
        assertEquals("Tag keys must be between 1 and 128 characters in length.", noKeys.childText("Message"));
        XmlNode ownerOnly = post(endpoint, "/", "Action", "AddPermission", "QueueUrl", url, "Label", "p",
                "AWSAccountId.1", "111111111111", "ActionName.1", "DeleteQueue").xml().child("Error");
        assertEquals("InvalidParameterValue", ownerOnly.childText("Code"));
        assertEquals("Value SQS:DeleteQueue for parameter ActionName is invalid. Reason: Only the queue owner is allowed to invoke this action.",
                ownerOnly.childText("Message"));
        XmlNode noAccounts = post(endpoint, "/", "Action", "AddPermission", "QueueUrl", url, "Label", "p",
                "ActionName.1", "SendMessage").xml().child("Error");
        assertEquals("Value [] for parameter PrincipalId is invalid. Reason: Unable to verify.", noAccounts.childText("Message"));
        assertEquals(200, post(endpoint, "/", "Action", "AddPermission", "QueueUrl", url, "Label", "p",
                "AWSAccountId.1", "111111111111", "ActionName.1", "SendMessage").status());
    }

    @Test
    void attributePrefixesAndReceiptHandleErrorsOverQuery(URI endpoint) throws Exception {
        String url = post(endpoint, "/", "Action", "CreateQueue", "QueueName", "q-patterns").result("CreateQueue").childText("QueueUrl");
        post(endpoint, "/", "Action", "SendMessage", "QueueUrl", url, "MessageBody", "m",
                "MessageAttribute.1.Name", "Custom.a", "MessageAttribute.1.Value.DataType", "String", "MessageAttribute.1.Value.StringValue", "v",
                "MessageAttribute.2.Name", "Other", "MessageAttribute.2.Value.DataType", "String", "MessageAttribute.2.Value.StringValue", "v");
        XmlNode m = post(endpoint, "/", "Action", "ReceiveMessage", "QueueUrl", url, "MessageAttributeName.1", "Custom.*")
                .result("ReceiveMessage").child("Message");
        assertEquals(List.of("Custom.a"), m.children("MessageAttribute").stream().map(a -> a.childText("Name")).toList());
        XmlNode invalid = post(endpoint, "/", "Action", "DeleteMessage", "QueueUrl", url, "ReceiptHandle", "x").xml().child("Error");
        assertEquals("ReceiptHandleIsInvalid", invalid.childText("Code"));
        assertEquals("The input receipt handle \"x\" is not a valid receipt handle.", invalid.childText("Message"));
    }
}
