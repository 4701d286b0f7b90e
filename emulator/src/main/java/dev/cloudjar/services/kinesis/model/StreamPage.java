package dev.cloudjar.services.kinesis.model;

import java.util.List;

/** A page of items with AWS's has-more flag and, where the operation has one, a NextToken. */
public record StreamPage<T>(List<T> items, boolean hasMore, String nextToken) {
}
