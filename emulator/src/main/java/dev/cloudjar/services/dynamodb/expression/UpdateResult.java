package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * The outcome of applying an {@link UpdatePlan}: the new item and the document paths the update touched,
 * from which {@link #updatedOld} / {@link #updatedNew} build ReturnValues UPDATED_OLD / UPDATED_NEW.
 */
public record UpdateResult(Map<String, AttributeValue> newItem, List<Path> updatedPaths) {

    public UpdateResult {
        updatedPaths = List.copyOf(updatedPaths);
    }

    /** UPDATED_OLD: the touched paths as they were in the old item (null old item gives an empty map). */
    public Map<String, AttributeValue> updatedOld(Map<String, AttributeValue> oldItem) {
        return Projection.project(oldItem, updatedPaths);
    }

    /** UPDATED_NEW: the touched paths as they are in the new item. */
    public Map<String, AttributeValue> updatedNew() {
        return Projection.project(newItem, updatedPaths);
    }
}
