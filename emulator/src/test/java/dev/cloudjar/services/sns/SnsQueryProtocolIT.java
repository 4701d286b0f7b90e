package dev.cloudjar.services.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CloudJarExtension;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** SNS's Query protocol as older SDKs send it: form-encoded POSTs (and unsigned GETs), XML answers. */
@ExtendWith(CloudJarExtension.class)
class SnsQueryProtocolIT {
    private static final String NS = "http://sns.amazonaws.com/doc/2010-03-31/";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Answer(int status, Document xml, String text) {
        Element root() {
            return xml.getDocumentElement();
        }

        String first(String name) {
            NodeList nodes = xml.getElementsByTagNameNS(NS, name);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
        }
    }

    private static Answer post(URI endpoint, String... pairs) throws Exception {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261122/us-east-1/sns/aws4_request, SignedHeaders=host, Signature=00")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        return answer(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer get(String url) throws Exception {
        return answer(HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(HttpResponse<String> response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        return new Answer(response.statusCode(), xml, response.body());
    }

    private static List<String> childNames(Node node) {
        List<String> names = new ArrayList<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                names.add(child.getLocalName());
            }
        }
        return names;
    }

    @Test
    void createTopicAndListTopicsHaveTheModelsShapes(URI endpoint) throws Exception {
        Answer created = post(endpoint, "Action", "CreateTopic", "Version", "2010-03-31", "Name", "query-topic",
                "Attributes.entry.1.key", "DisplayName", "Attributes.entry.1.value", "Query",
                "Tags.member.1.Key", "k", "Tags.member.1.Value", "v");
        assertEquals(200, created.status());
        assertEquals("CreateTopicResponse", created.root().getLocalName());
        assertEquals(NS, created.root().getNamespaceURI());
        assertEquals(List.of("CreateTopicResult", "ResponseMetadata"), childNames(created.root()));
        String topic = created.first("TopicArn");
        assertEquals("arn:aws:sns:us-east-1:000000000000:query-topic", topic);
        assertNotNull(created.first("RequestId"));

        Answer list = post(endpoint, "Action", "ListTopics", "Version", "2010-03-31");
        Node topics = list.xml.getElementsByTagNameNS(NS, "Topics").item(0);
        assertTrue(childNames(topics).stream().allMatch("member"::equals));
        assertTrue(list.text().contains("<member><TopicArn>" + topic + "</TopicArn></member>"));

        Answer attributes = post(endpoint, "Action", "GetTopicAttributes", "Version", "2010-03-31", "TopicArn", topic);
        Map<String, String> map = new LinkedHashMap<>();
        NodeList entries = attributes.xml.getElementsByTagNameNS(NS, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            assertEquals(List.of("key", "value"), childNames(entry));
            map.put(entry.getElementsByTagNameNS(NS, "key").item(0).getTextContent(),
                    entry.getElementsByTagNameNS(NS, "value").item(0).getTextContent());
        }
        assertEquals("Query", map.get("DisplayName"));
        assertEquals(topic, map.get("TopicArn"));

        Answer tags = post(endpoint, "Action", "ListTagsForResource", "Version", "2010-03-31", "ResourceArn", topic);
        assertTrue(tags.text().contains("<Tags><member><Key>k</Key><Value>v</Value></member></Tags>"));
    }

    @Test
    void publishWithMessageAttributesAndNoResultOperations(URI endpoint) throws Exception {
        String topic = post(endpoint, "Action", "CreateTopic", "Version", "2010-03-31", "Name", "query-publish").first("TopicArn");
        Answer subscribed = post(endpoint, "Action", "Subscribe", "Version", "2010-03-31", "TopicArn", topic, "Protocol", "sqs",
                "Endpoint", "arn:aws:sqs:us-east-1:000000000000:query-q", "Attributes.entry.1.key", "RawMessageDelivery",
                "Attributes.entry.1.value", "true", "ReturnSubscriptionArn", "true");
        String subscription = subscribed.first("SubscriptionArn");
        assertTrue(subscription.startsWith(topic + ":"));
        Answer published = post(endpoint, "Action", "Publish", "Version", "2010-03-31", "TopicArn", topic, "Message", "m", "Subject", "s",
                "MessageAttributes.entry.1.Name", "a", "MessageAttributes.entry.1.Value.DataType", "String",
                "MessageAttributes.entry.1.Value.StringValue", "v", "MessageAttributes.entry.2.Name", "b",
                "MessageAttributes.entry.2.Value.DataType", "Binary", "MessageAttributes.entry.2.Value.BinaryValue", "AQ==");
        assertEquals(List.of("PublishResult", "ResponseMetadata"), childNames(published.root()));
        assertTrue(published.first("MessageId").matches("[0-9a-f-]{36}"));

        Answer batch = post(endpoint, "Action", "PublishBatch", "Version", "2010-03-31", "TopicArn", topic,
                "PublishBatchRequestEntries.member.1.Id", "x", "PublishBatchRequestEntries.member.1.Message", "one",
                "PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Name", "n",
                "PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.DataType", "Number",
                "PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.StringValue", "7");
        assertTrue(batch.text().contains("<Successful><member><Id>x</Id><MessageId>"), batch.text());
        assertTrue(batch.text().contains("<Failed></Failed>") || batch.text().contains("<Failed/>"));

        Answer unsubscribed = post(endpoint, "Action", "Unsubscribe", "Version", "2010-03-31", "SubscriptionArn", subscription);
        assertEquals(List.of("ResponseMetadata"), childNames(unsubscribed.root()));
        Answer deleted = post(endpoint, "Action", "DeleteTopic", "Version", "2010-03-31", "TopicArn", topic);
        assertEquals("DeleteTopicResponse", deleted.root().getLocalName());
        assertEquals(List.of("ResponseMetadata"), childNames(deleted.root()));
    }

    @Test
    void errorsUseErrorResponseWithTheModelsStatus(URI endpoint) throws Exception {
        Answer missing = post(endpoint, "Action", "GetTopicAttributes", "Version", "2010-03-31",
                "TopicArn", "arn:aws:sns:us-east-1:000000000000:missing");
        assertEquals(404, missing.status());
        assertEquals("ErrorResponse", missing.root().getLocalName());
        assertEquals(NS, missing.root().getNamespaceURI());
        assertEquals(List.of("Error", "RequestId"), childNames(missing.root()));
        assertEquals("Sender", missing.first("Type"));
        assertEquals("NotFound", missing.first("Code"));
        assertEquals("Topic does not exist", missing.first("Message"));

        Answer malformed = post(endpoint, "Action", "Publish", "Version", "2010-03-31", "TopicArn", "x", "Message", "m");
        assertEquals(400, malformed.status());
        assertEquals("InvalidParameter", malformed.first("Code"));
        assertEquals("Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1", malformed.first("Message"));

        Answer unknown = post(endpoint, "Action", "MakeCoffee", "Version", "2010-03-31");
        assertEquals(400, unknown.status());
        assertEquals("InvalidAction", unknown.first("Code"));
    }

    @Test
    void unsignedGetsOfSubscribeAndUnsubscribeUrlsReachSns(URI endpoint) throws Exception {
        String topic = post(endpoint, "Action", "CreateTopic", "Version", "2010-03-31", "Name", "query-get").first("TopicArn");
        String subscription = post(endpoint, "Action", "Subscribe", "Version", "2010-03-31", "TopicArn", topic, "Protocol", "sqs",
                "Endpoint", "arn:aws:sqs:us-east-1:000000000000:get-q").first("SubscriptionArn");
        Answer badToken = get(endpoint + "/?Action=ConfirmSubscription&TopicArn=" + topic + "&Token=nope");
        assertEquals(400, badToken.status());
        assertEquals("Invalid token", badToken.first("Message"));
        Answer unsubscribed = get(endpoint + "/?Action=Unsubscribe&SubscriptionArn=" + subscription);
        assertEquals(200, unsubscribed.status(), unsubscribed.text());
        assertEquals("UnsubscribeResponse", unsubscribed.root().getLocalName());
        Answer listed = post(endpoint, "Action", "ListSubscriptionsByTopic", "Version", "2010-03-31", "TopicArn", topic);
        assertEquals(List.of(), childNames(listed.xml.getElementsByTagNameNS(NS, "Subscriptions").item(0)));
    }
}
