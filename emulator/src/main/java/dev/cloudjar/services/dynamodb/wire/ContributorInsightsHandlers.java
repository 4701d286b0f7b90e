package dev.cloudjar.services.dynamodb.wire;

import static dev.cloudjar.services.dynamodb.wire.JsonInput.intValue;
import static dev.cloudjar.services.dynamodb.wire.JsonInput.string;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.json.JsonProtocol;
import dev.cloudjar.services.dynamodb.DynamoDbBackend;
import dev.cloudjar.services.dynamodb.backup.ExportsPage;
import dev.cloudjar.services.dynamodb.table.ContributorInsightsChange;
import dev.cloudjar.services.dynamodb.table.ContributorInsightsSetting;
import java.io.IOException;

/** UpdateContributorInsights, DescribeContributorInsights and ListContributorInsights over JSON 1.0. */
final class ContributorInsightsHandlers {
    private final DynamoDbBackend backend;

    ContributorInsightsHandlers(DynamoDbBackend backend) {
        this.backend = backend;
    }

    void register(OperationTable operations) {
        operations.register("UpdateContributorInsights", this::update)
                .register("DescribeContributorInsights", this::describe)
                .register("ListContributorInsights", this::list);
    }

    private AwsResponse update(AwsRequest request) {
        JsonNode b = JsonProtocol.readTree(request);
        ContributorInsightsChange change = backend.updateContributorInsights(request.scope(), string(b, "TableName"),
                string(b, "IndexName"), string(b, "ContributorInsightsAction"), string(b, "ContributorInsightsMode"));
        ContributorInsightsSetting s = change.setting();
        return JsonOutput.ok(g -> {
            names(g, s);
            g.writeStringField("ContributorInsightsStatus", change.status());
            if (s.mode() != null) {
                g.writeStringField("ContributorInsightsMode", s.mode());
            }
        });
    }

    private AwsResponse describe(AwsRequest request) {
        JsonNode b = JsonProtocol.readTree(request);
        ContributorInsightsSetting s = backend.describeContributorInsights(request.scope(), string(b, "TableName"),
                string(b, "IndexName"));
        return JsonOutput.ok(g -> {
            names(g, s);
            if (!s.rules().isEmpty()) {
                g.writeArrayFieldStart("ContributorInsightsRuleList");
                for (String rule : s.rules()) {
                    g.writeString(rule);
                }
                g.writeEndArray();
            }
            g.writeStringField("ContributorInsightsStatus", s.status());
            if (s.lastUpdateMillis() > 0) {
                JsonOutput.epochSeconds(g, "LastUpdateDateTime", s.lastUpdateMillis());
            }
            if (s.mode() != null) {
                g.writeStringField("ContributorInsightsMode", s.mode());
            }
        });
    }

    private AwsResponse list(AwsRequest request) {
        JsonNode b = JsonProtocol.readTree(request);
        ExportsPage<ContributorInsightsSetting> page = backend.listContributorInsights(request.scope(), string(b, "TableName"),
                intValue(b, "MaxResults"), string(b, "NextToken"));
        return JsonOutput.ok(g -> {
            g.writeArrayFieldStart("ContributorInsightsSummaries");
            for (ContributorInsightsSetting s : page.entries()) {
                g.writeStartObject();
                names(g, s);
                g.writeStringField("ContributorInsightsStatus", s.status());
                if (s.mode() != null) {
                    g.writeStringField("ContributorInsightsMode", s.mode());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (page.nextToken() != null) {
                g.writeStringField("NextToken", page.nextToken());
            }
        });
    }

    private static void names(JsonGenerator g, ContributorInsightsSetting s) throws IOException {
        g.writeStringField("TableName", s.tableName());
        if (s.indexName() != null) {
            g.writeStringField("IndexName", s.indexName());
        }
    }
}
