package dev.cloudjar.services.dynamodb.backup;

import java.util.List;

/** One page of ListExports or ListImports and the token for the next (null on the last page). */
public record ExportsPage<T>(List<T> entries, String nextToken) {
}
