package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A parsed, validated update (UpdateExpression, legacy AttributeUpdates or PartiQL SET/REMOVE). */
public final class UpdatePlan {
    private final List<UpdateAction> actions;

    public UpdatePlan(List<UpdateAction> actions) {
        this.actions = List.copyOf(actions);
    }

    public List<UpdateAction> actions() {
        return actions;
    }

    /**
     * Throws AWS's error when an action touches a key attribute:
     * "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key".
     */
    public void checkKeyAttributes(Collection<String> keyAttributes) {
        for (UpdateAction action : actions) {
            if (keyAttributes.contains(action.path().attribute())) {
                throw new ExpressionException("One or more parameter values were invalid: Cannot update attribute "
                        + action.path().attribute() + ". This attribute is part of the key");
            }
        }
    }

    /**
     * Applies the update to the current item (null when the item does not exist yet; the caller adds the
     * key attributes to the result). Throws ValidationException for runtime type errors as AWS does.
     */
    public UpdateResult apply(Map<String, AttributeValue> item) {
        return UpdateEvaluator.apply(actions, item);
    }
}
