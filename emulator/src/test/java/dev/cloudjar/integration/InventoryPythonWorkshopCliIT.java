package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Seed 000's inventory workshop with its two Python functions exactly as the workshop prints them
 * (sample-functions/src/main/python/inventory/, copied verbatim), zipped here and created with
 * {@code --runtime python3.12}; everything else is docs/workshops/inventory.md's own commands, run with
 * the {@code aws} CLI. The results are the Java workshop's: every row in Inventory and one NoStock
 * alert per zero-count row, as email, SMS and on a queue subscribed to the topic.
 */
@ExtendWith(CloudJarExtension.class)
class InventoryPythonWorkshopCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENDPOINT = "http://127.0.0.1:4566";
    private static final Path PYTHON_SOURCES = Path.of("../sample-functions/src/main/python/inventory");

    private static final String PYTHON_FUNCTIONS = """
            mkdir -p load check
            cp load_inventory.py load/lambda_function.py
            cp check_stock.py check/lambda_function.py
            (cd load && zip -q ../load-inventory.zip lambda_function.py)
            (cd check && zip -q ../check-stock.zip lambda_function.py)
            aws --endpoint-url http://127.0.0.1:4566 lambda create-function --function-name Load-Inventory \\
                --runtime python3.12 --handler lambda_function.lambda_handler \\
                --role arn:aws:iam::000000000000:role/lambda-workshop --timeout 30 --memory-size 512 \\
                --zip-file fileb://load-inventory.zip
            aws --endpoint-url http://127.0.0.1:4566 lambda create-function --function-name Check-Stock \\
                --runtime python3.12 --handler lambda_function.lambda_handler \\
                --role arn:aws:iam::000000000000:role/lambda-workshop --timeout 30 --memory-size 512 \\
                --zip-file fileb://check-stock.zip
            aws --endpoint-url http://127.0.0.1:4566 lambda wait function-active-v2 --function-name Load-Inventory
            aws --endpoint-url http://127.0.0.1:4566 lambda wait function-active-v2 --function-name Check-Stock
            """;

    private static final String WATCH_QUEUE = """
            QUEUE_URL=$(aws --endpoint-url http://127.0.0.1:4566 sqs create-queue --queue-name no-stock-watch \\
                --query QueueUrl --output text)
            QUEUE_ARN=$(aws --endpoint-url http://127.0.0.1:4566 sqs get-queue-attributes --queue-url "$QUEUE_URL" \\
                --attribute-names QueueArn --query Attributes.QueueArn --output text)
            aws --endpoint-url http://127.0.0.1:4566 sns subscribe --topic-arn "$TOPIC_ARN" --protocol sqs \\
                --notification-endpoint "$QUEUE_ARN" --attributes RawMessageDelivery=true
            """;

    @Test
    void thePythonFunctionsGiveTheJavaWorkshopsResults(CloudJar cloudJar, URI endpoint, DynamoDbClient dynamo, SqsClient sqs,
                                                      @TempDir Path workDir) throws Exception {
        for (String name : List.of("load_inventory.py", "check_stock.py")) {
            Files.copy(PYTHON_SOURCES.resolve(name), workDir.resolve(name));
        }
        Files.createSymbolicLink(workDir.resolve("sample-functions"), Path.of("../sample-functions").toAbsolutePath().normalize());
        List<String> script = new ArrayList<>();
        int replaced = 0;
        for (String block : BankWorkshopCliIT.bashBlocks(BankWorkshopCliIT.GUIDES.resolve("inventory.md"))) {
            if (block.contains("lambda create-function")) {
                script.add(PYTHON_FUNCTIONS);
                replaced++;
            } else {
                script.add(block);
            }
            if (block.contains("sns create-topic")) {
                script.add(WATCH_QUEUE);
            }
        }
        assertEquals(1, replaced, "inventory.md creates both functions in one block");
        String bash = "set -euo pipefail\n" + String.join("\n", script).replace(ENDPOINT, cloudJar.endpoint());
        new CliRunner(cloudJar.endpoint()).run(List.of("bash", "-c", bash), workDir).assertSuccess();

        Set<String> expected = new TreeSet<>();
        int rows = 0;
        for (String csv : List.of("inventory-berlin.csv", "inventory-calcutta.csv")) {
            String[] lines = Workshop.sampleData(csv).split("\r?\n");
            rows += lines.length - 1;
            for (String line : lines) {
                String[] row = line.split(",");
                if (row.length == 3 && row[2].trim().equals("0")) {
                    expected.add(row[0].trim() + " is out of stock of " + row[1].trim());
                }
            }
        }
        assertEquals(3, expected.size(), "Berlin is out of one item, Calcutta of two: " + expected);
        String queueUrl = sqs.getQueueUrl(b -> b.queueName("no-stock-watch")).queueUrl();
        List<Message> alerts = Workshop.drain(sqs, queueUrl, Duration.ofSeconds(60), expected.size());
        List<String> bodies = alerts.stream().map(Message::body).toList();
        assertEquals(expected, new TreeSet<>(bodies));
        assertEquals(expected.size(), bodies.size(), "one alert per zero-count row: " + bodies);
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(30)));
        assertEquals(rows, dynamo.scan(b -> b.tableName("Inventory")).count());

        JsonNode outbox = JSON.readTree(Workshop.get(endpoint.resolve("/_cloudjar/api/outbox")));
        int[] counts = Workshop.alertCounts(outbox, expected, "Inventory Alert!");
        int sms = counts[0];
        int email = counts[1];
        assertEquals(expected.size(), sms, "one SMS per alert: " + outbox);
        assertEquals(expected.size(), email, "one email per alert: " + outbox);
    }
}
