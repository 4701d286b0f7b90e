package dev.cloudjar.samples.bank;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.cloudjar.samples.Topics;
import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * TotalNotifier: triggered by the {@code Transactions} table's stream; adds each transaction's amount
 * to {@code accountBalance} in {@code TransactionTotal} (keyed by CustomerId) and, at a balance of 1500
 * or more, publishes {@code {"customerID": "<id>", "accountBalance": "<n>"}} to {@code HighBalanceAlert}.
 */
public class TotalNotifier implements RequestHandler<DynamodbEvent, String> {
    private static final SnsClient SNS = SnsClient.create();
    private static final DynamoDbClient DYNAMODB = DynamoDbClient.create();
    private static final BigDecimal LIMIT = new BigDecimal(1500);

    @Override
    public String handleRequest(DynamodbEvent event, Context context) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            var image = record.getDynamodb().getNewImage();
            if (image == null) {
                continue;
            }
            String customerId = image.get("CustomerId").getS();
            String amount = image.get("TransactionAmount").getN();
            Map<String, AttributeValue> updated = DYNAMODB.updateItem(b -> b.tableName("TransactionTotal")
                    .key(Map.of("CustomerId", AttributeValue.fromS(customerId)))
                    .updateExpression("add accountBalance :val")
                    .expressionAttributeValues(Map.of(":val", AttributeValue.fromN(amount)))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes();
            String balance = updated.get("accountBalance").n();
            System.out.println("Latest account balance: " + balance);
            if (new BigDecimal(balance).compareTo(LIMIT) >= 0) {
                String message = "{\"customerID\": \"" + customerId + "\", \"accountBalance\": \"" + balance + "\"}";
                System.out.println(message);
                String topicArn = Topics.arnOf(SNS, "HighBalanceAlert");
                SNS.publish(b -> b.topicArn(topicArn).message(message).subject("Warning! Account balance is very high"));
            }
        }
        return "Successfully processed " + event.getRecords().size() + " records.";
    }
}
