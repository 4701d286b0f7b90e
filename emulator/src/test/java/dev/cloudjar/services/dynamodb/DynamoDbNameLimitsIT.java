package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudjar.testing.CloudJarExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Attribute-name lengths: key attributes 1..255 characters, other attribute names far longer. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbNameLimitsIT {

    private static void create(DynamoDbClient ddb, String table, String keyName) {
        ddb.createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName(keyName).attributeType("S"))
                .keySchema(k -> k.attributeName(keyName).keyType("HASH")));
    }

    @Test
    void keyAttributeNamesHaveAtMost255Characters(DynamoDbClient ddb) {
        String longest = "k".repeat(255);
        create(ddb, "names-255", longest);
        ddb.putItem(b -> b.tableName("names-255").item(Map.of(longest, AttributeValue.fromS("v"))));
        assertEquals(1, ddb.scan(b -> b.tableName("names-255")).count());

        String tooLong = "k".repeat(256);
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> create(ddb, "names-256", tooLong));
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertEquals("2 validation errors detected: "
                + "Value '" + tooLong + "' at 'attributeDefinitions.1.member.attributeName' failed to satisfy constraint: "
                + "Member must have length less than or equal to 255; "
                + "Value '" + tooLong + "' at 'keySchema.1.member.attributeName' failed to satisfy constraint: "
                + "Member must have length less than or equal to 255", e.awsErrorDetails().errorMessage());
        DynamoDbException empty = assertThrows(DynamoDbException.class, () -> create(ddb, "names-0", ""));
        assertEquals("2 validation errors detected: "
                + "Value '' at 'attributeDefinitions.1.member.attributeName' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1; "
                + "Value '' at 'keySchema.1.member.attributeName' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1", empty.awsErrorDetails().errorMessage());
    }

    @Test
    void otherAttributeNamesMayBeTensOfKilobytes(DynamoDbClient ddb) {
        create(ddb, "names-long", "id");
        String name = "n".repeat(60_000);
        ddb.putItem(b -> b.tableName("names-long").item(Map.of("id", AttributeValue.fromS("a"), name, AttributeValue.fromS("v"))));
        // SDK v2 itself cannot parse a response member name over 50,000 characters, so the name is only
        // sent, and the item is read back through expressions that do not return it.
        assertEquals(1, ddb.scan(b -> b.tableName("names-long").filterExpression("attribute_exists(#n) AND #n = :v")
                .projectionExpression("id").expressionAttributeNames(Map.of("#n", name))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("v")))).count());
        ddb.updateItem(b -> b.tableName("names-long").key(Map.of("id", AttributeValue.fromS("a"))).updateExpression("REMOVE #n")
                .expressionAttributeNames(Map.of("#n", name)));
        assertEquals(Map.of("id", AttributeValue.fromS("a")),
                ddb.getItem(b -> b.tableName("names-long").key(Map.of("id", AttributeValue.fromS("a")))).item());
    }
}
