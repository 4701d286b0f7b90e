package dev.cloudjar.services.dynamodb.kinesis;

import java.util.List;

/** DescribeKinesisStreamingDestination: the table's name and its destinations, most recently enabled first. */
public record DestinationsView(String tableName, List<KinesisDestination> destinations) {
}
