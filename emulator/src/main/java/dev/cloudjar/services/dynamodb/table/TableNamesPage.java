package dev.cloudjar.services.dynamodb.table;

import java.util.List;

/** A page of ListTables: the names and LastEvaluatedTableName (null on the last page). */
public record TableNamesPage(List<String> names, String lastEvaluatedTableName) {
}
