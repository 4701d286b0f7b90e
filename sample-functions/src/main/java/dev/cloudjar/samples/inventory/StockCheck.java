package dev.cloudjar.samples.inventory;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.cloudjar.samples.Topics;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Stock Check: triggered by the {@code Inventory} table's stream; for each item whose Count is 0,
 * publishes {@code <store> is out of stock of <item>} to the {@code NoStock} topic.
 */
public class StockCheck implements RequestHandler<DynamodbEvent, String> {
    private static final SnsClient SNS = SnsClient.create();

    @Override
    public String handleRequest(DynamodbEvent event, Context context) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
            if (image == null || !image.containsKey("Count")) {
                continue;
            }
            if (Integer.parseInt(image.get("Count").getN()) == 0) {
                String message = image.get("Store").getS() + " is out of stock of " + image.get("Item").getS();
                System.out.println(message);
                String topicArn = Topics.arnOf(SNS, "NoStock");
                SNS.publish(b -> b.topicArn(topicArn).message(message).subject("Inventory Alert!"));
            }
        }
        return "Successfully processed " + event.getRecords().size() + " records.";
    }
}
