package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.integration.init.InitFile;
import dev.cloudjar.integration.init.InitFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link InitFile} accepts, and the message naming the entry for what it refuses. */
class InitFileTest {
    private static final Path SOURCE = Path.of("setup.json");
    @TempDir
    Path folder;

    @BeforeEach
    void aJar() throws IOException {
        Files.write(folder.resolve("fn.jar"), new byte[] {'P', 'K', 3, 4});
    }

    @Test
    void theShippedWorkshopFilesAreValid() {
        InitFile bank = InitFile.read(BankWorkshopCliIT.GUIDES.resolve("bank.init.json"));
        assertEquals(List.of("Customer", "Transactions", "TransactionTotal"), bank.tables().stream().map(InitFile.TableSpec::name).toList());
        assertEquals("NEW_IMAGE", bank.tables().get(1).streamView());
        assertEquals(new InitFile.Key("TransactionId", "S"), bank.tables().get(1).sortKey());
        assertEquals(3, bank.topics().get(0).subscriptions().size());
        assertTrue(bank.topics().get(0).subscriptions().get(2).confirm());
        assertTrue(Files.isRegularFile(bank.functions().get(0).code()), bank.functions().get(0).code().toString());
        assertEquals(20, bank.functions().get(0).timeout());
        assertEquals("TRIM_HORIZON", bank.eventSourceMappings().get(0).startingPosition());
        assertEquals(List.of("s3:ObjectCreated:*"), bank.buckets().get(0).notifications().get(0).events());

        InitFile inventory = InitFile.read(BankWorkshopCliIT.GUIDES.resolve("inventory.init.json"));
        assertEquals("NEW_AND_OLD_IMAGES", inventory.tables().get(0).streamView());
        assertEquals(List.of("Load-Inventory", "Check-Stock"), inventory.functions().stream().map(InitFile.FunctionSpec::name).toList());
    }

    @Test
    void defaultsAndTypedKeys() {
        InitFile file = parse("""
                {"tables": [{"name": "Events", "partitionKey": {"name": "Year", "type": "N"}, "sortKey": "Id",
                             "globalSecondaryIndexes": [{"name": "ByKind", "partitionKey": "Kind"}]}],
                 "functions": [{"name": "f", "code": "fn.jar", "handler": "a.B::handleRequest", "environment": {"LEVEL": 3}}],
                 "eventSourceMappings": [{"function": "f", "table": "Events"}, {"function": "f", "queue": "q"}],
                 "buckets": [{"name": "b", "notifications": [{"queue": "q", "suffix": ".csv"}]}]}
                """);
        assertEquals(new InitFile.Key("Year", "N"), file.tables().get(0).partitionKey());
        assertNull(file.tables().get(0).streamView());
        assertEquals("ALL", file.tables().get(0).globalSecondaryIndexes().get(0).projection());
        assertEquals("java17", file.functions().get(0).runtime());
        assertEquals("3", file.functions().get(0).environment().get("LEVEL"));
        assertEquals(folder.resolve("fn.jar"), file.functions().get(0).code());
        assertEquals("TRIM_HORIZON", file.eventSourceMappings().get(0).startingPosition());
        assertNull(file.eventSourceMappings().get(1).startingPosition(), "queues have no starting position");
        assertEquals(List.of("s3:ObjectCreated:*"), file.buckets().get(0).notifications().get(0).events());
    }

    @Test
    void errorsNameTheFileAndTheEntry() {
        refused("{\"tables\": [{\"name\": \"T\", \"partitionKey\": \"Id\", \"strem\": \"NEW_IMAGE\"}]}",
                "setup.json: tables[0] \"T\": unknown member \"strem\"");
        refused("{\"tables\": [{\"name\": \"T\", \"partitionKey\": \"Id\", \"stream\": \"NEW\"}]}",
                "tables[0] \"T\": \"stream\" must be one of KEYS_ONLY, NEW_AND_OLD_IMAGES, NEW_IMAGE, OLD_IMAGE, not \"NEW\"");
        refused("{\"tables\": [{\"name\": \"T\"}]}", "tables[0] \"T\": \"partitionKey\" is required");
        refused("{\"tables\": [{\"name\": \"T\", \"partitionKey\": {\"name\": \"Id\", \"type\": \"BOOL\"}}]}",
                "tables[0] \"T\" partitionKey: \"type\" must be one of B, N, S");
        refused("{\"functions\": [{\"name\": \"f\", \"code\": \"fn.jar\"}]}", "functions[0] \"f\": \"handler\" is required");
        refused("{\"functions\": [{\"name\": \"f\", \"code\": \"missing.jar\", \"handler\": \"a.B\"}]}",
                "functions[0] \"f\": \"code\" missing.jar is not a file");
        refused("{\"functions\": [{\"name\": \"f\", \"code\": \"fn.jar\", \"handler\": \"a.B\", \"timeout\": \"20\"}]}",
                "functions[0] \"f\": \"timeout\" must be a whole number");
        refused("{\"eventSourceMappings\": [{\"function\": \"f\", \"table\": \"T\", \"queue\": \"q\"}]}",
                "eventSourceMappings[0]: give exactly one of \"table\", \"queue\", \"eventSourceArn\"");
        refused("{\"topics\": [{\"name\": \"t\", \"subscriptions\": [{\"protocol\": \"sqs\", \"endpoint\": \"q\", \"confirm\": true}]}]}",
                "topics[0] \"t\" subscriptions[0]: \"confirm\" applies only to email");
        refused("{\"buckets\": [{\"name\": \"b\", \"notifications\": [{\"events\": [\"s3:ObjectCreated:*\"]}]}]}",
                "buckets[0] \"b\" notifications[0]: give exactly one of \"function\", \"queue\", \"topic\"");
        refused("{\"queues\": [{\"name\": \"q\"}, {\"name\": \"q\"}]}", "queues: \"q\" appears twice");
        refused("{\"queues\": {\"name\": \"q\"}}", "\"queues\" must be an array");
        refused("{\"lambdas\": []}", "setup.json: unknown member \"lambdas\"");
        refused("{\"queues\": [{\"name\": \"q\",}]}", "setup.json: not valid JSON");
    }

    private InitFile parse(String json) {
        return InitFile.parse(SOURCE, json, folder);
    }

    private void refused(String json, String expected) {
        InitFileException e = assertThrows(InitFileException.class, () -> parse(json));
        assertTrue(e.getMessage().contains(expected), "expected \"" + expected + "\" in: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("init file setup.json: "), e.getMessage());
    }
}
