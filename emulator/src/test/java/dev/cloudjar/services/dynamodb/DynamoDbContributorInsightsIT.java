package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsMode;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsSummary;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsResponse;

/** Contributor Insights settings on tables and global indexes through the SDK v2 and boto3, and across a restart. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbContributorInsightsIT {
    @TempDir
    Path dataDir;

    /** A table keyed pk + sk with a hash-only global index "by-g". */
    private static void createTable(DynamoDbClient ddb, String name) {
        ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"), attribute("sk"), attribute("g"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-g")
                        .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    @Test
    void enablingATableCreatesItsFourRulesAndDisablingRemovesThem(DynamoDbClient ddb) {
        createTable(ddb, "ci-table");
        DescribeContributorInsightsResponse before = ddb.describeContributorInsights(b -> b.tableName("ci-table"));
        assertEquals(ContributorInsightsStatus.DISABLED, before.contributorInsightsStatus());
        assertTrue(before.contributorInsightsRuleList().isEmpty());
        assertNull(before.lastUpdateDateTime());

        UpdateContributorInsightsResponse enabling = ddb.updateContributorInsights(b -> b.tableName("ci-table")
                .contributorInsightsAction(ContributorInsightsAction.ENABLE));
        assertEquals(ContributorInsightsStatus.ENABLING, enabling.contributorInsightsStatus());
        assertEquals("ci-table", enabling.tableName());
        assertEquals(ContributorInsightsMode.ACCESSED_AND_THROTTLED_KEYS, enabling.contributorInsightsMode());

        DescribeContributorInsightsResponse on = ddb.describeContributorInsights(b -> b.tableName("ci-table"));
        assertEquals(ContributorInsightsStatus.ENABLED, on.contributorInsightsStatus());
        List<String> rules = on.contributorInsightsRuleList();
        assertEquals(4, rules.size(), rules.toString());
        for (String kind : List.of("PKC", "PKT", "SKC", "SKT")) {
            assertTrue(rules.stream().anyMatch(r -> r.matches("DynamoDBContributorInsights-" + kind + "-ci-table-\\d{13}")), rules.toString());
        }
        assertTrue(on.lastUpdateDateTime() != null);

        assertEquals(ContributorInsightsStatus.DISABLING, ddb.updateContributorInsights(b -> b.tableName("ci-table")
                .contributorInsightsAction(ContributorInsightsAction.DISABLE)).contributorInsightsStatus());
        DescribeContributorInsightsResponse off = ddb.describeContributorInsights(b -> b.tableName("ci-table"));
        assertEquals(ContributorInsightsStatus.DISABLED, off.contributorInsightsStatus());
        assertTrue(off.contributorInsightsRuleList().isEmpty());
    }

    @Test
    void aGlobalIndexHasItsOwnSettingAndThrottledModeKeepsOnlyThrottleRules(DynamoDbClient ddb) {
        createTable(ddb, "ci-index");
        String arn = ddb.describeTable(b -> b.tableName("ci-index")).table().tableArn();
        UpdateContributorInsightsResponse r = ddb.updateContributorInsights(b -> b.tableName(arn).indexName("by-g")
                .contributorInsightsAction(ContributorInsightsAction.ENABLE).contributorInsightsMode(ContributorInsightsMode.THROTTLED_KEYS));
        assertEquals("ci-index", r.tableName());
        assertEquals("by-g", r.indexName());
        DescribeContributorInsightsResponse index = ddb.describeContributorInsights(b -> b.tableName("ci-index").indexName("by-g"));
        assertEquals(ContributorInsightsStatus.ENABLED, index.contributorInsightsStatus());
        assertEquals(ContributorInsightsMode.THROTTLED_KEYS, index.contributorInsightsMode());
        assertEquals(1, index.contributorInsightsRuleList().size(), index.contributorInsightsRuleList().toString());
        assertTrue(index.contributorInsightsRuleList().get(0).startsWith("DynamoDBContributorInsights-PKT-by-g-"));
        assertEquals(ContributorInsightsStatus.DISABLED, ddb.describeContributorInsights(b -> b.tableName("ci-index")).contributorInsightsStatus());

        ListContributorInsightsResponse listed = ddb.listContributorInsights(b -> b.tableName("ci-index"));
        assertEquals(2, listed.contributorInsightsSummaries().size());
        ContributorInsightsSummary table = listed.contributorInsightsSummaries().get(0);
        assertNull(table.indexName());
        assertEquals(ContributorInsightsStatus.DISABLED, table.contributorInsightsStatus());
        ContributorInsightsSummary gsi = listed.contributorInsightsSummaries().get(1);
        assertEquals("by-g", gsi.indexName());
        assertEquals(ContributorInsightsStatus.ENABLED, gsi.contributorInsightsStatus());
        ListContributorInsightsResponse firstPage = ddb.listContributorInsights(b -> b.tableName("ci-index").maxResults(1));
        assertEquals(1, firstPage.contributorInsightsSummaries().size());
        ListContributorInsightsResponse second = ddb.listContributorInsights(b -> b.tableName("ci-index").maxResults(1)
                .nextToken(firstPage.nextToken()));
        assertEquals("by-g", second.contributorInsightsSummaries().get(0).indexName());
        assertNull(second.nextToken());

        assertTrue(ddb.listContributorInsights(b -> b.maxResults(100)).contributorInsightsSummaries().stream()
                .anyMatch(s -> "ci-index".equals(s.tableName()) && "by-g".equals(s.indexName())));
        ddb.deleteTable(b -> b.tableName("ci-index"));
        assertTrue(ddb.listContributorInsights(b -> b.maxResults(100)).contributorInsightsSummaries().stream()
                .noneMatch(s -> "ci-index".equals(s.tableName())));
    }

    @Test
    void missingTablesIndexesAndBadParametersAnswerAsAws(DynamoDbClient ddb) {
        createTable(ddb, "ci-errors");
        assertThrows(ResourceNotFoundException.class, () -> ddb.describeContributorInsights(b -> b.tableName("ci-nope")));
        assertThrows(ResourceNotFoundException.class, () -> ddb.updateContributorInsights(b -> b.tableName("ci-nope")
                .contributorInsightsAction(ContributorInsightsAction.ENABLE)));
        ResourceNotFoundException index = assertThrows(ResourceNotFoundException.class,
                () -> ddb.describeContributorInsights(b -> b.tableName("ci-errors").indexName("no-index")));
        assertTrue(index.awsErrorDetails().errorMessage().contains("no-index"), index.awsErrorDetails().errorMessage());
        DynamoDbException action = assertThrows(DynamoDbException.class, () -> ddb.updateContributorInsights(b -> b.tableName("ci-errors")
                .contributorInsightsAction("TOGGLE")));
        assertEquals("ValidationException", action.awsErrorDetails().errorCode());
        assertTrue(action.awsErrorDetails().errorMessage().contains("contributorInsightsAction"), action.awsErrorDetails().errorMessage());
        DynamoDbException missing = assertThrows(DynamoDbException.class, () -> ddb.updateContributorInsights(b -> b.tableName("ci-errors")));
        assertEquals("ValidationException", missing.awsErrorDetails().errorCode());
        DynamoDbException max = assertThrows(DynamoDbException.class, () -> ddb.listContributorInsights(b -> b.maxResults(101)));
        assertEquals("ValidationException", max.awsErrorDetails().errorCode());
    }

    @Test
    void boto3ReadsTheSetting(DynamoDbClient ddb, URI endpoint) {
        createTable(ddb, "ci-boto");
        String script = String.join("\n",
                "import boto3, os, botocore",
                "c = boto3.client('dynamodb', endpoint_url=os.environ['ENDPOINT'])",
                "print('update|' + c.update_contributor_insights(TableName='ci-boto', ContributorInsightsAction='ENABLE')['ContributorInsightsStatus'])",
                "d = c.describe_contributor_insights(TableName='ci-boto')",
                "print('describe|' + d['ContributorInsightsStatus'] + '|' + str(len(d['ContributorInsightsRuleList'])) + '|' + type(d['LastUpdateDateTime']).__name__)",
                "print('list|' + ','.join(s['ContributorInsightsStatus'] for s in c.list_contributor_insights(TableName='ci-boto')['ContributorInsightsSummaries']))",
                "try:",
                "    c.describe_contributor_insights(TableName='ci-missing')",
                "except botocore.exceptions.ClientError as e:",
                "    print('error|' + e.response['Error']['Code'])");
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(script).assertSuccess();
        List<String> lines = List.of(result.stdout().strip().split("\n"));
        assertEquals(List.of("update|ENABLING", "describe|ENABLED|4|datetime", "list|ENABLED,DISABLED", "error|ResourceNotFoundException"),
                lines, result.stdout() + result.stderr());
    }

    @Test
    void theSettingSurvivesARestart() {
        List<String> rules;
        try (CloudJar first = CloudJar.start(CloudJarConfig.defaults().withPort(0).withDataDir(dataDir));
             DynamoDbClient ddb = CloudJarExtension.client(DynamoDbClient.builder(), first).build()) {
            createTable(ddb, "ci-kept");
            ddb.updateContributorInsights(b -> b.tableName("ci-kept").contributorInsightsAction(ContributorInsightsAction.ENABLE));
            rules = ddb.describeContributorInsights(b -> b.tableName("ci-kept")).contributorInsightsRuleList();
        }
        try (CloudJar second = CloudJar.start(CloudJarConfig.defaults().withPort(0).withDataDir(dataDir));
             DynamoDbClient ddb = CloudJarExtension.client(DynamoDbClient.builder(), second).build()) {
            DescribeContributorInsightsResponse after = ddb.describeContributorInsights(b -> b.tableName("ci-kept"));
            assertEquals(ContributorInsightsStatus.ENABLED, after.contributorInsightsStatus());
            assertEquals(rules, after.contributorInsightsRuleList());
        }
    }
}
