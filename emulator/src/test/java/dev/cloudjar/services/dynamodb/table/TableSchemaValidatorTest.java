package dev.cloudjar.services.dynamodb.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudjar.core.AwsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableSchemaValidatorTest {
    static final List<KeyElement> HASH = List.of(new KeyElement("pk", "HASH"));

    static CreateTableRequest request(String name, List<AttributeDefinition> defs, List<KeyElement> keys, List<IndexSpec> lsis,
                                      List<IndexSpec> gsis) {
        return new CreateTableRequest(name, defs, keys, lsis, gsis, "PAY_PER_REQUEST", null, null, null, null, null);
    }

    static String message(CreateTableRequest r) {
        return assertThrows(AwsException.class, () -> TableSchemaValidator.validateCreate(r)).getMessage();
    }

    @Test
    void modelConstraintsComeFirst() {
        assertEquals("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have "
                + "length greater than or equal to 3", message(request("ab", List.of(new AttributeDefinition("pk", "S")), HASH, null, null)));
        assertEquals("1 validation error detected: Value 'X' at 'attributeDefinitions.1.member.attributeType' failed to satisfy "
                + "constraint: Member must satisfy enum value set: [B, N, S]",
                message(request("tbl", List.of(new AttributeDefinition("pk", "X")), HASH, null, null)));
    }

    @Test
    void keySchemaShape() {
        List<AttributeDefinition> two = List.of(new AttributeDefinition("pk", "S"), new AttributeDefinition("sk", "S"));
        assertEquals("Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
                message(request("tbl", two, List.of(new KeyElement("sk", "RANGE"), new KeyElement("pk", "HASH")), null, null)));
        assertEquals("Both the Hash Key and the Range Key element in the KeySchema have the same name",
                message(request("tbl", List.of(new AttributeDefinition("pk", "S")), List.of(new KeyElement("pk", "HASH"),
                        new KeyElement("pk", "RANGE")), null, null)));
        assertEquals("Invalid KeySchema: Some index key attribute have no definition",
                message(request("tbl", List.of(new AttributeDefinition("pk", "S")), List.of(new KeyElement("pk", "HASH"),
                        new KeyElement("sk", "RANGE")), null, null)));
    }

    @Test
    void indexes() {
        List<AttributeDefinition> defs = List.of(new AttributeDefinition("pk", "S"), new AttributeDefinition("g", "S"));
        IndexSpec gsi = new IndexSpec("gsi", List.of(new KeyElement("g", "HASH")), "KEYS_ONLY", List.of("x"), null);
        assertEquals("One or more parameter values were invalid: ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified",
                message(request("tbl", defs, HASH, null, List.of(gsi))));
        IndexSpec ok = new IndexSpec("gsi", List.of(new KeyElement("g", "HASH")), "ALL", null, null);
        assertEquals("One or more parameter values were invalid: Duplicate index name: gsi",
                message(request("tbl", defs, HASH, null, List.of(ok, ok))));
        assertEquals("One or more parameter values were invalid: Some index key attributes are not defined in "
                + "AttributeDefinitions. Keys: [g], AttributeDefinitions: [pk]",
                message(request("tbl", List.of(new AttributeDefinition("pk", "S")), HASH, null, List.of(ok))));
        TableSchemaValidator.Schema schema = TableSchemaValidator.validateCreate(request("tbl", defs, HASH, null, List.of(ok)));
        assertEquals("S", schema.globalIndexes().get(0).key().hashType());
    }
}
