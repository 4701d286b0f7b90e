package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;

/** One entry of legacy {@code AttributeUpdates}: {@code Action} PUT (default), ADD or DELETE and an optional Value. */
public record AttributeValueUpdate(AttributeValue value, String action) {
}
