package dev.cloudjar.samples.inventory;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.cloudjar.samples.S3Text;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Load-Inventory: triggered by an object created in S3; each {@code store,item,count} line of the
 * CSV becomes an item {Store, Item, Count} of the {@code Inventory} table.
 */
public class LoadInventory implements RequestHandler<S3Event, String> {
    private static final S3Client S3 = S3Client.create();
    private static final DynamoDbClient DYNAMODB = DynamoDbClient.create();

    @Override
    public String handleRequest(S3Event event, Context context) {
        String[] lines = S3Text.read(S3, event).split("\r?\n");
        int rows = 0;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] row = lines[i].split(",", -1);
            rows++;
            System.out.println(row[0] + " " + row[1] + " " + row[2]);
            try {
                DYNAMODB.putItem(b -> b.tableName("Inventory").item(Map.of(
                        "Store", AttributeValue.fromS(row[0].trim()),
                        "Item", AttributeValue.fromS(row[1].trim()),
                        "Count", AttributeValue.fromN(Integer.toString(Integer.parseInt(row[2].trim()))))));
            } catch (RuntimeException e) {
                System.out.println(e);
                System.out.println("Unable to insert data into DynamoDB table");
            }
        }
        return rows + " counts inserted";
    }
}
