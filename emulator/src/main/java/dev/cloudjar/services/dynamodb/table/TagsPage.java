package dev.cloudjar.services.dynamodb.table;

import java.util.Map;

/** A page of ListTagsOfResource: the tags in order and the NextToken (null on the last page). */
public record TagsPage(Map<String, String> tags, String nextToken) {
}
