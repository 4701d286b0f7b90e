package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudjar.testing.CloudJarExtension;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** The DynamoDB Enhanced Client with a bean schema: CRUD, GSI query, conditional write, batch, transaction. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbEnhancedClientIT {

    @DynamoDbBean
    public static class Order {
        private String customer;
        private Integer number;
        private String status;
        private Long total;

        @DynamoDbPartitionKey
        public String getCustomer() { return customer; }
        public void setCustomer(String v) { customer = v; }

        @DynamoDbSortKey
        public Integer getNumber() { return number; }
        public void setNumber(Integer v) { number = v; }

        @DynamoDbSecondaryPartitionKey(indexNames = "by-status")
        public String getStatus() { return status; }
        public void setStatus(String v) { status = v; }

        public Long getTotal() { return total; }
        public void setTotal(Long v) { total = v; }

        static Order of(String customer, int number, String status, long total) {
            Order o = new Order();
            o.customer = customer;
            o.number = number;
            o.status = status;
            o.total = total;
            return o;
        }
    }

    @Test
    void beanSchemaEndToEnd(DynamoDbClient ddb) {
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(ddb).build();
        DynamoDbTable<Order> orders = enhanced.table("orders", TableSchema.fromBean(Order.class));
        orders.createTable(CreateTableEnhancedRequest.builder()
                .globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder().indexName("by-status")
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)).build())
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)).build());
        orders.putItem(Order.of("c1", 1, "OPEN", 10));
        orders.putItem(Order.of("c1", 2, "SHIPPED", 20));
        orders.putItem(Order.of("c2", 1, "OPEN", 30));
        assertEquals(20L, orders.getItem(Key.builder().partitionValue("c1").sortValue(2).build()).getTotal());
        List<Integer> c1 = orders.query(QueryConditional.keyEqualTo(Key.builder().partitionValue("c1").build()))
                .items().stream().map(Order::getNumber).collect(Collectors.toList());
        assertEquals(List.of(1, 2), c1);
        List<String> open = orders.index("by-status").query(QueryConditional.keyEqualTo(Key.builder().partitionValue("OPEN").build()))
                .stream().flatMap(p -> p.items().stream()).map(Order::getCustomer).sorted().collect(Collectors.toList());
        assertEquals(List.of("c1", "c2"), open);

        Expression onlyIfOpen = Expression.builder().expression("#s = :open")
                .putExpressionName("#s", "status").putExpressionValue(":open", AttributeValue.fromS("OPEN")).build();
        assertThrows(ConditionalCheckFailedException.class, () -> orders.putItem(PutItemEnhancedRequest.builder(Order.class)
                .item(Order.of("c1", 2, "CANCELLED", 0)).conditionExpression(onlyIfOpen).build()));
        Order updated = orders.updateItem(r -> r.item(Order.of("c1", 1, "PAID", 11)).conditionExpression(onlyIfOpen));
        assertEquals("PAID", updated.getStatus());

        enhanced.batchWriteItem(b -> b.writeBatches(WriteBatch.builder(Order.class).mappedTableResource(orders)
                .addPutItem(Order.of("c3", 1, "OPEN", 5)).addDeleteItem(Key.builder().partitionValue("c2").sortValue(1).build()).build()));
        var batch = enhanced.batchGetItem(b -> b.readBatches(ReadBatch.builder(Order.class).mappedTableResource(orders)
                .addGetItem(Key.builder().partitionValue("c3").sortValue(1).build())
                .addGetItem(Key.builder().partitionValue("c2").sortValue(1).build()).build()));
        assertEquals(1, batch.resultsForTable(orders).stream().count());
        assertNull(orders.getItem(Key.builder().partitionValue("c2").sortValue(1).build()));

        enhanced.transactWriteItems(t -> t.addUpdateItem(orders, TransactUpdateItemEnhancedRequest.builder(Order.class)
                .item(Order.of("c3", 1, "PAID", 6)).build()).addPutItem(orders, Order.of("c4", 1, "OPEN", 1)));
        assertEquals("PAID", orders.getItem(Key.builder().partitionValue("c3").sortValue(1).build()).getStatus());
        assertEquals(1L, orders.getItem(Key.builder().partitionValue("c4").sortValue(1).build()).getTotal());
    }
}
