package dev.cloudjar.services.dynamodb.item;

import dev.cloudjar.services.dynamodb.model.AttributeValue;

/** One entry of the legacy AttributeUpdates map: PUT, ADD or DELETE with an optional value. */
public record LegacyUpdate(String action, AttributeValue value) {
}
