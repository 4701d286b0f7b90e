package dev.cloudjar.services.dynamodb.transactions;

import dev.cloudjar.services.dynamodb.item.ItemRequest;

/** One entry of TransactItems: its kind (Put, Update, Delete, ConditionCheck or Get) and its request. */
public record TransactAction(String kind, ItemRequest request) {
}
