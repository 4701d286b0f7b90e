package dev.cloudjar.services.dynamodb.kinesis;

/**
 * The answer of Enable/Update/DisableKinesisStreamingDestination: the table's name, the stream, the
 * status the operation starts (ENABLING, UPDATING, DISABLING) and the precision it was asked for (null
 * when none was given).
 */
public record DestinationChange(String tableName, String streamArn, String status, String precision) {
}
