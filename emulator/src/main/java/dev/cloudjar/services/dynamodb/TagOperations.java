package dev.cloudjar.services.dynamodb;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.AwsException;
import dev.cloudjar.core.Scope;
import dev.cloudjar.services.dynamodb.storage.TableStorage;
import dev.cloudjar.services.dynamodb.table.TableRecord;
import dev.cloudjar.services.dynamodb.table.TagsPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TagResource, UntagResource and ListTagsOfResource on table ARNs.
 *
 * <p>LIMITATIONS: another account's table ARN is always AccessDenied; a resource policy on that table is
 * not consulted for the tag actions.
 */
final class TagOperations {
    static final int MAX_TAGS = 50;
    private final TableCatalog catalog;

    TagOperations(TableCatalog catalog) {
        this.catalog = catalog;
    }

    void tag(Scope scope, String resourceArn, Map<String, String> tags) {
        TableStorage table = resolve(scope, resourceArn, "dynamodb:TagResource");
        if (tags == null || tags.isEmpty()) {
            throw new AwsException(400, "ValidationException", "1 validation error detected: Value '[]' at 'tags' failed to "
                    + "satisfy constraint: Member must have length greater than or equal to 1");
        }
        for (String key : tags.keySet()) {
            if (key.isEmpty() || key.length() > 128 || key.startsWith("aws:")) {
                throw new AwsException(400, "ValidationException", key.startsWith("aws:")
                        ? "One or more parameter values were invalid: Tag keys starting with 'aws:' are reserved for system use"
                        : "One or more parameter values were invalid: Tag key must be between 1 and 128 characters");
            }
        }
        table.writeLock().lock();
        try {
            TableRecord d = table.definition();
            Map<String, String> merged = new LinkedHashMap<>(d.tags());
            merged.putAll(tags);
            if (merged.size() > MAX_TAGS) {
                throw new AwsException(400, "ValidationException", "One or more parameter values were invalid: "
                        + "The number of tags exceeds the limit of " + MAX_TAGS);
            }
            catalog.update(table, d.toBuilder().tags(merged).build());
        } finally {
            table.writeLock().unlock();
        }
    }

    void untag(Scope scope, String resourceArn, List<String> keys) {
        TableStorage table = resolve(scope, resourceArn, "dynamodb:UntagResource");
        table.writeLock().lock();
        try {
            TableRecord d = table.definition();
            Map<String, String> remaining = new LinkedHashMap<>(d.tags());
            if (keys != null) {
                keys.forEach(remaining::remove);
            }
            catalog.update(table, d.toBuilder().tags(remaining).build());
        } finally {
            table.writeLock().unlock();
        }
    }

    TagsPage list(Scope scope, String resourceArn, String nextToken) {
        TableStorage table = resolve(scope, resourceArn, "dynamodb:ListTagsOfResource");
        List<Map.Entry<String, String>> all = new ArrayList<>(table.definition().tags().entrySet());
        int start = 0;
        if (nextToken != null) {
            try {
                start = Integer.parseInt(nextToken);
            } catch (NumberFormatException e) {
                throw new AwsException(400, "ValidationException", "Invalid NextToken");
            }
        }
        Map<String, String> page = new LinkedHashMap<>();
        for (int i = start; i < all.size() && page.size() < 10; i++) {
            page.put(all.get(i).getKey(), all.get(i).getValue());
        }
        String next = start + page.size() < all.size() ? Integer.toString(start + page.size()) : null;
        return new TagsPage(page, next);
    }

    private TableStorage resolve(Scope scope, String resourceArn, String action) {
        Arn arn = Arn.parseOrNull(resourceArn);
        if (arn == null || !arn.service().equals("dynamodb") || !arn.resource().startsWith("table/")) {
            throw new AwsException(400, "ValidationException", "Invalid TableArn: Invalid ResourceArn provided as input " + resourceArn);
        }
        // Another account's table: AWS refuses before looking it up, whether or not it exists.
        if (!arn.scope().account().equals(scope.account())) {
            throw new AwsException(400, "AccessDeniedException", "User: arn:aws:iam::" + scope.account() + ":root is not authorized"
                    + " to perform: " + action + " on resource: " + resourceArn
                    + " because no resource-based policy allows the " + action + " action");
        }
        TableStorage table = catalog.find(arn.scope(), resourceArn);
        if (table == null || !arn.scope().equals(scope)) {
            throw new AwsException(400, "ResourceNotFoundException", "Requested resource not found: ResourcArn: " + resourceArn + " not found");
        }
        return table;
    }
}
