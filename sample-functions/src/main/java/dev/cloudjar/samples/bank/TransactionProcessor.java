package dev.cloudjar.samples.bank;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.cloudjar.samples.S3Text;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * TransactionProcessor: triggered by a transactions file created in S3, separated by {@code |} with
 * header {@code customer_id|customer_address|trn_id|trn_date|trn_amount}; each line goes to the
 * {@code Customer} table {CustomerId, Address} and the {@code Transactions} table {CustomerId,
 * TransactionId, TransactionDate, TransactionAmount}.
 */
public class TransactionProcessor implements RequestHandler<S3Event, String> {
    private static final S3Client S3 = S3Client.create();
    private static final DynamoDbClient DYNAMODB = DynamoDbClient.create();

    @Override
    public String handleRequest(S3Event event, Context context) {
        String[] lines = S3Text.read(S3, event).split("\r?\n");
        String[] header = lines[0].trim().split("\\|");
        int rows = 0;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] values = lines[i].trim().split("\\|", -1);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.length && c < values.length; c++) {
                row.put(header[c], values[c]);
            }
            rows++;
            System.out.println(String.join(" ", row.get("customer_id"), row.get("customer_address"), row.get("trn_id"),
                    row.get("trn_date"), row.get("trn_amount")));
            try {
                DYNAMODB.putItem(b -> b.tableName("Customer").item(Map.of(
                        "CustomerId", AttributeValue.fromS(row.get("customer_id")),
                        "Address", AttributeValue.fromS(row.get("customer_address")))));
                DYNAMODB.putItem(b -> b.tableName("Transactions").item(Map.of(
                        "CustomerId", AttributeValue.fromS(row.get("customer_id")),
                        "TransactionId", AttributeValue.fromS(row.get("trn_id")),
                        "TransactionDate", AttributeValue.fromS(row.get("trn_date")),
                        "TransactionAmount", AttributeValue.fromN(Integer.toString(Integer.parseInt(row.get("trn_amount").trim()))))));
            } catch (RuntimeException e) {
                System.out.println(e);
                System.out.println("Unable to insert data into DynamoDB table");
            }
        }
        return rows + " transactions inserted";
    }
}
