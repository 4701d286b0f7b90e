package dev.cloudjar.services.dynamodb.transactions;

import dev.cloudjar.services.dynamodb.item.CompiledRequest;
import dev.cloudjar.services.dynamodb.item.ItemRequest;

/**
 * One entry of TransactItems: its kind (Put, Update, Delete, ConditionCheck or Get) and its request.
 * {@code compiled} is set when the expressions are already parsed (PartiQL statements), else null.
 */
public record TransactAction(String kind, ItemRequest request, CompiledRequest compiled) {
    public TransactAction(String kind, ItemRequest request) {
        this(kind, request, null);
    }
}
