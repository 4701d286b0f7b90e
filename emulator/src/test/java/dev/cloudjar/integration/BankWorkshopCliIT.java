package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bank workshop driven by the {@code aws} CLI, exactly as docs/workshops/bank.md tells attendees:
 * the guide is the source. Every {@code ```bash} block of it runs, in order, as one bash script (its
 * {@code http://127.0.0.1:4566} replaced by this CloudJar's endpoint); then {@code aws} commands check
 * what the pipeline produced.
 */
@ExtendWith(CloudJarExtension.class)
class BankWorkshopCliIT {
    static final Path GUIDES = Path.of("../docs/workshops");
    static final String GUIDE_ENDPOINT = "http://127.0.0.1:4566";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALERT_SUBJECT = "Warning! Account balance is very high";

    @Test
    void theGuidesCommandsBuildThePipelineThatRaisesOneAlert(CloudJar cloudJar, URI endpoint, @TempDir Path workDir) throws Exception {
        List<String> blocks = bashBlocks(GUIDES.resolve("bank.md"));
        String script = "set -euo pipefail\n" + String.join("\n", blocks).replace(GUIDE_ENDPOINT, cloudJar.endpoint());
        // The guide runs from the repository root; only sample-functions/ is needed there, and the
        // policy files it writes land in the temporary folder instead of the repository.
        Files.createSymbolicLink(workDir.resolve("sample-functions"), Path.of("../sample-functions").toAbsolutePath().normalize());
        CliRunner cli = new CliRunner(cloudJar.endpoint());
        cli.run(List.of("bash", "-xc", script), workDir).assertSuccess();
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(120)), "the pipeline settles");

        assertBankResults(cli, endpoint);

        // "Going further": the same file under another key rewrites identical items, which (as on AWS)
        // puts no record on the stream, so no total moves and no second alert comes
        cli.aws("s3", "cp", Path.of("../sample-functions/src/main/resources/samples/bank-transactions.txt").toAbsolutePath().toString(),
                "s3://bank-transactions/again/transactions.txt").assertSuccess();
        assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(120)), "the second upload settles");
        assertEquals("598", balance(cli, "C1"));
        assertEquals("1750", balance(cli, "C2"));
        for (String queue : List.of("CustomerNotify", "CreditCollection")) {
            String url = cli.aws("sqs", "get-queue-url", "--queue-name", queue, "--query", "QueueUrl", "--output", "text")
                    .assertSuccess().stdout().trim();
            String out = cli.aws("sqs", "receive-message", "--queue-url", url, "--wait-time-seconds", "2").assertSuccess().stdout();
            assertTrue(out.isBlank() || JSON.readTree(out).path("Messages").isEmpty(), "no new alert in " + queue + ": " + out);
        }
    }

    @Test
    void everyAwsCommandOfTheGuidesNamesCloudJarsEndpoint() throws IOException {
        Pattern awsCommand = Pattern.compile("(?:^|\\$\\(|;\\s*)\\s*aws\\s+(\\S+(?:\\s+\\S+)?)", Pattern.MULTILINE);
        for (String guide : List.of("bank.md", "inventory.md")) {
            int commands = 0;
            for (String block : bashBlocks(GUIDES.resolve(guide))) {
                Matcher m = awsCommand.matcher(block);
                while (m.find()) {
                    commands++;
                    assertEquals("--endpoint-url " + GUIDE_ENDPOINT, m.group(1), guide + ": an aws command without the endpoint would reach AWS itself");
                }
            }
            assertTrue(commands >= 15, guide + " sets the pipeline up with aws commands: " + commands);
        }
    }

    /** The results of transactions.txt, read with the aws CLI: totals, one alert per queue, one email. */
    static void assertBankResults(CliRunner cli, URI endpoint) throws IOException {
        assertEquals("598", balance(cli, "C1"));
        assertEquals("1750", balance(cli, "C2"));
        for (String queue : List.of("CustomerNotify", "CreditCollection")) {
            List<JsonNode> alerts = receiveAll(cli, queue);
            assertEquals(1, alerts.size(), "exactly one alert in " + queue + ": " + alerts);
            JsonNode envelope = JSON.readTree(alerts.get(0).get("Body").asText());
            assertEquals(ALERT_SUBJECT, envelope.get("Subject").asText());
            JsonNode alert = JSON.readTree(envelope.get("Message").asText());
            assertEquals("C2", alert.get("customerID").asText());
            assertEquals("1750", alert.get("accountBalance").asText());
        }
        JsonNode outbox = JSON.readTree(Workshop.get(endpoint.resolve("/_cloudjar/api/outbox")));
        List<JsonNode> emails = new ArrayList<>();
        for (JsonNode message : outbox.get("messages")) {
            if (ALERT_SUBJECT.equals(message.path("subject").asText()) && "email".equals(message.path("protocol").asText())) {
                emails.add(message);
            }
        }
        assertEquals(1, emails.size(), "one alert email in the outbox: " + outbox);
        assertEquals("credit@example.com", emails.get(0).get("recipient").asText());
        assertTrue(emails.get(0).get("body").asText().contains("\"accountBalance\": \"1750\""), emails.get(0).toString());
    }

    private static String balance(CliRunner cli, String customer) throws IOException {
        String out = cli.aws("dynamodb", "get-item", "--table-name", "TransactionTotal",
                "--key", "{\"CustomerId\": {\"S\": \"" + customer + "\"}}").assertSuccess().stdout();
        return JSON.readTree(out).path("Item").path("accountBalance").path("N").asText();
    }

    /**
     * Every message the queue holds: receives (hiding what it got for a minute, so nothing comes
     * twice) until a receive after the first message comes back empty.
     */
    private static List<JsonNode> receiveAll(CliRunner cli, String queue) throws IOException {
        String url = cli.aws("sqs", "get-queue-url", "--queue-name", queue, "--query", "QueueUrl", "--output", "text")
                .assertSuccess().stdout().trim();
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (int attempt = 0; attempt < 6; attempt++) {
            String wait = byId.isEmpty() ? "20" : "2";
            String out = cli.aws("sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10",
                    "--visibility-timeout", "60", "--wait-time-seconds", wait).assertSuccess().stdout();
            JsonNode messages = out.isBlank() ? JSON.createArrayNode() : JSON.readTree(out).path("Messages");
            if (messages.isEmpty() && !byId.isEmpty()) {
                break;
            }
            messages.forEach(m -> byId.put(m.get("MessageId").asText(), m));
        }
        return new ArrayList<>(byId.values());
    }

    /** The {@code ```bash} blocks of a guide, in order. */
    static List<String> bashBlocks(Path guide) {
        List<String> blocks = dev.cloudjar.testing.MarkdownBlocks.bash(guide);
        assertTrue(blocks.size() >= 5, "bash blocks in " + guide.toAbsolutePath() + ": " + blocks.size());
        return blocks;
    }
}
