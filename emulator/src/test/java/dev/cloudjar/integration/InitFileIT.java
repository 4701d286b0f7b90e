package dev.cloudjar.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.core.Scope;
import dev.cloudjar.integration.init.InitFileException;
import dev.cloudjar.services.lambda.LambdaBackend;
import dev.cloudjar.services.sns.SnsBackend;
import dev.cloudjar.services.sns.SubscriptionSummary;
import dev.cloudjar.testing.CliRunner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --init}: CloudJar started with docs/workshops/bank.init.json runs the bank pipeline when
 * transactions.txt is uploaded, nothing else; started again on the same data directory with the same
 * file it changes nothing; a file a service refuses stops the start with the entry named.
 */
class InitFileIT {
    private static final Path BANK_INIT = BankWorkshopCliIT.GUIDES.resolve("bank.init.json");
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:HighBalanceAlert";

    @Test
    void theBankInitFileSetsUpThePipelineAndSurvivesARestart(@TempDir Path dataDir) throws Exception {
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0).withDataDir(dataDir).withInit(BANK_INIT);
        try (CloudJar cloudJar = CloudJar.start(config)) {
            CliRunner cli = new CliRunner(cloudJar.endpoint());
            cli.aws("s3", "cp", Path.of("../sample-functions/src/main/resources/samples/bank-transactions.txt").toString(),
                    "s3://bank-transactions/transactions.txt").assertSuccess();
            assertTrue(cloudJar.awaitIdle(Duration.ofSeconds(120)), "the pipeline settles");
            BankWorkshopCliIT.assertBankResults(cli, URI.create(cloudJar.endpoint()));
        }
        try (CloudJar again = CloudJar.start(config)) {
            SnsBackend sns = again.backend(SnsBackend.class);
            List<SubscriptionSummary> subscriptions = sns.listSubscriptionsByTopic(scope(again), TOPIC, null).items();
            assertEquals(3, subscriptions.size(), "no subscription added by the restart: " + subscriptions);
            assertTrue(subscriptions.stream().noneMatch(s -> s.subscriptionArn().equals("PendingConfirmation")), subscriptions.toString());
            assertEquals(1, again.backend(LambdaBackend.class).mappings().list(scope(again), "TotalNotifier", null).size());
            CliRunner cli = new CliRunner(again.endpoint());
            String total = cli.aws("dynamodb", "get-item", "--table-name", "TransactionTotal", "--key", "{\"CustomerId\": {\"S\": \"C2\"}}",
                    "--query", "Item.accountBalance.N", "--output", "text").assertSuccess().stdout().trim();
            assertEquals("1750", total, "the data of the first run is still there");
        }
    }

    @Test
    void aPendingEmailSubscriptionIsConfirmedWhenTheFileAsksForItAtTheNextStart(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("alerts.init.json");
        String template = "{\"topics\": [{\"name\": \"Alerts\", \"subscriptions\": [{\"protocol\": \"email\", "
                + "\"endpoint\": \"ops@example.com\", \"confirm\": %s}]}]}";
        CloudJarConfig config = CloudJarConfig.defaults().withPort(0).withDataDir(folder.resolve("data")).withInit(file);
        String topic = "arn:aws:sns:us-east-1:000000000000:Alerts";
        Files.writeString(file, template.formatted("false"));
        try (CloudJar first = CloudJar.start(config)) {
            List<SubscriptionSummary> subscriptions = first.backend(SnsBackend.class).listSubscriptionsByTopic(scope(first), topic, null).items();
            assertEquals(List.of("PendingConfirmation"), subscriptions.stream().map(SubscriptionSummary::subscriptionArn).toList());
        }
        Files.writeString(file, template.formatted("true"));
        try (CloudJar second = CloudJar.start(config)) {
            List<SubscriptionSummary> subscriptions = second.backend(SnsBackend.class).listSubscriptionsByTopic(scope(second), topic, null).items();
            assertEquals(1, subscriptions.size(), subscriptions.toString());
            assertTrue(subscriptions.get(0).subscriptionArn().startsWith(topic + ":"), subscriptions.toString());
        }
    }

    @Test
    void anEntryAServiceRefusesStopsTheStartAndNamesTheEntry(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("bad.init.json");
        Files.writeString(file, "{\"queues\": [{\"name\": \"Fine\"}, {\"name\": \"Slow\", \"attributes\": {\"VisibilityTimeout\": \"999999\"}}]}");
        InitFileException e = assertThrows(InitFileException.class,
                () -> CloudJar.start(CloudJarConfig.defaults().withPort(0).withInit(file)).close());
        assertTrue(e.getMessage().contains("queues[1] \"Slow\": InvalidAttributeValue"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    private static Scope scope(CloudJar cloudJar) {
        return new Scope(cloudJar.config().accountId(), cloudJar.config().region());
    }
}
