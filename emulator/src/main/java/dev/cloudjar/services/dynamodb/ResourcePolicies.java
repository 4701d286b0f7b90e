package dev.cloudjar.services.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.ServiceContext;
import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.ResourcePolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy on table and stream ARNs: the JSON
 * document is stored and returned, never enforced. Revision ids are millisecond timestamps that only
 * grow, as AWS's compare; putting the same document again keeps the revision. Messages are AWS's,
 * as recorded against real DynamoDB.
 */
final class ResourcePolicies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_FOUND = "Resource-based policy not found for the provided ResourceArn: ";
    private static final int MAX_POLICY_BYTES = 20 * 1024;
    private final ServiceContext ctx;
    private final TableCatalog catalog;
    private final PersistentMap<ResourcePolicy> policies;

    ResourcePolicies(ServiceContext ctx, TableCatalog catalog) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.policies = ctx.store().map("dynamodb.resource-policies", ResourcePolicy.class);
    }

    String put(Scope scope, String resourceArn, String policy, String expectedRevisionId) {
        TableStorage table = resolve(scope, resourceArn);
        validate(policy);
        String tableName = table.definition().name();
        String key = key(scope, resourceArn);
        synchronized (this) {
            ResourcePolicy current = policies.get(key);
            checkRevision(resourceArn, tableName, current, expectedRevisionId);
            if (current != null && current.policy().equals(policy)) {
                return current.revisionId();
            }
            long revision = ctx.clock().millis();
            if (current != null) {
                revision = Math.max(revision, Long.parseLong(current.revisionId()) + 1);
            }
            policies.put(key, new ResourcePolicy(ResourcePolicy.FORMAT, policy, Long.toString(revision)));
            return Long.toString(revision);
        }
    }

    ResourcePolicy get(Scope scope, String resourceArn) {
        resolve(scope, resourceArn);
        ResourcePolicy current = policies.get(key(scope, resourceArn));
        if (current == null) {
            throw new AwsException(400, "PolicyNotFoundException", NOT_FOUND + resourceArn);
        }
        return current;
    }

    /** Deletes the policy; returns the revision id it had. */
    String delete(Scope scope, String resourceArn, String expectedRevisionId) {
        TableStorage table = resolve(scope, resourceArn);
        String key = key(scope, resourceArn);
        synchronized (this) {
            ResourcePolicy current = policies.get(key);
            if (current == null) {
                throw new AwsException(400, "PolicyNotFoundException", NOT_FOUND + resourceArn);
            }
            checkRevision(resourceArn, table.definition().name(), current, expectedRevisionId);
            policies.remove(key);
            return current.revisionId();
        }
    }

    /** Forgets the policies of a deleted table and of its streams. */
    void dropTable(Scope scope, String tableArn) {
        policies.remove(key(scope, tableArn));
        String streams = key(scope, tableArn + "/");
        List<String> keys = new ArrayList<>();
        policies.keys(streams, KeyRanges.prefixEnd(streams)).forEach(keys::add);
        keys.forEach(policies::remove);
    }

    private static void checkRevision(String arn, String tableName, ResourcePolicy current, String expected) {
        if (expected == null) {
            return;
        }
        if (expected.equals("NO_POLICY")) {
            if (current != null) {
                throw new AwsException(400, "PolicyNotFoundException", NOT_FOUND + "Requested policy update expecting none to be "
                        + "present for table " + tableName + ", but a policy exists with revision id " + current.revisionId() + ".");
            }
            return;
        }
        if (current == null) {
            throw new AwsException(400, "PolicyNotFoundException", NOT_FOUND + arn);
        }
        if (!expected.equals(current.revisionId())) {
            throw new AwsException(400, "PolicyNotFoundException", NOT_FOUND + "Requested update for policy with revision id "
                    + expected + ", but the policy associated to target table " + tableName + " has revision id "
                    + current.revisionId() + ".");
        }
    }

    private static void validate(String policy) {
        if (policy.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_POLICY_BYTES) {
            throw new AwsException(400, "ValidationException", "Resource-based policy document exceeds the maximum size of 20 KB");
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(policy);
        } catch (JsonProcessingException e) {
            doc = null;
        }
        if (doc == null || !doc.isObject() || !doc.has("Statement")) {
            throw new AwsException(400, "ValidationException", "Invalid policy document: the policy must be a JSON object "
                    + "with a Statement");
        }
    }

    /** The table a table or stream ARN names, or AWS's errors for a missing table or stream. */
    private TableStorage resolve(Scope scope, String resourceArn) {
        Arn arn = Arn.parseOrNull(resourceArn);
        if (arn == null || !arn.service().equals("dynamodb") || !arn.resource().startsWith("table/")) {
            throw new AwsException(400, "ValidationException", "Invalid ResourceArn provided as input " + resourceArn);
        }
        String[] parts = arn.resource().split("/", -1);
        String tableName = parts[1];
        TableStorage table = arn.account().equals(scope.account()) && arn.region().equals(scope.region())
                ? catalog.find(scope, tableName) : null;
        if (table == null) {
            throw new AwsException(400, "ResourceNotFoundException", "Requested resource not found: Table: " + tableName + " not found");
        }
        if (parts.length == 2) {
            return table;
        }
        String label = table.definition().streamLabel();
        if (parts.length != 4 || !parts[2].equals("stream") || label == null || !parts[3].equals(label)) {
            throw new AwsException(400, "ResourceNotFoundException", "Requested resource not found: Stream: " + resourceArn + " not found");
        }
        return table;
    }

    private static String key(Scope scope, String resourceArn) {
        return KeyRanges.compose(scope.account(), scope.region(), resourceArn);
    }
}
