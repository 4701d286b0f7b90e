package dev.cloudjar.services.dynamodb.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.streams.StreamRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamRecordJsonTest {

    @Test
    void lambdaEventUsesLowerCaseIdentityAndCarriesTheSourceArn() {
        StreamRecord ttl = new StreamRecord("e1", "REMOVE", "000000000000000000007", 1700000000L,
                Map.of("id", AttributeValue.s("k")), null, Map.of("id", AttributeValue.s("k")), 12, "OLD_IMAGE", true,
                "us-east-1", "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2024-01-01T00:00:00.000");
        String json = new String(StreamRecordJson.lambdaEvent(List.of(ttl)), StandardCharsets.UTF_8);
        assertEquals("{\"Records\":[{\"eventID\":\"e1\",\"eventName\":\"REMOVE\",\"eventVersion\":\"1.1\","
                + "\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",\"dynamodb\":{\"ApproximateCreationDateTime\":1700000000,"
                + "\"Keys\":{\"id\":{\"S\":\"k\"}},\"OldImage\":{\"id\":{\"S\":\"k\"}},\"SequenceNumber\":\"000000000000000000007\","
                + "\"SizeBytes\":12,\"StreamViewType\":\"OLD_IMAGE\"},\"userIdentity\":{\"type\":\"Service\","
                + "\"principalId\":\"dynamodb.amazonaws.com\"},\"eventSourceARN\":"
                + "\"arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2024-01-01T00:00:00.000\"}]}", json);
    }
}
