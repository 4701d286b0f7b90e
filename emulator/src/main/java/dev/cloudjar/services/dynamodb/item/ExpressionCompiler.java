package dev.cloudjar.services.dynamodb.item;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a request's {@link ExpressionParams} into a {@link CompiledRequest} using the expression
 * package (tokenizer, parser, validator, evaluators). This is the one seam between the data-plane
 * operations and the expression language.
 */
public final class ExpressionCompiler {
    private ExpressionCompiler() {
    }

    /** Which operation the parameters belong to; decides which members are legal. */
    public enum Operation { GET, PUT, DELETE, UPDATE, QUERY, SCAN, CONDITION_CHECK, BATCH_GET }

    public static CompiledRequest compile(Operation operation, ExpressionParams p) {
        Projection projection = null;
        if (p.attributesToGet() != null) {
            projection = attributesToGet(p.attributesToGet());
        }
        if (p.conditionExpression() != null || p.filterExpression() != null || p.updateExpression() != null
                || p.projectionExpression() != null || p.keyConditionExpression() != null || p.expected() != null
                || p.keyConditions() != null || p.filter() != null || p.attributeUpdates() != null) {
            throw new UnsupportedOperationException("expressions are not wired yet");
        }
        return new CompiledRequest(null, null, null, projection, null);
    }

    private static Projection attributesToGet(java.util.List<String> names) {
        Set<String> wanted = new LinkedHashSet<>(names);
        return new Projection() {
            @Override
            public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
                Map<String, AttributeValue> out = new LinkedHashMap<>();
                for (String name : wanted) {
                    AttributeValue v = item.get(name);
                    if (v != null) {
                        out.put(name, v);
                    }
                }
                return out;
            }

            @Override
            public Set<String> topLevelAttributes() {
                return wanted;
            }
        };
    }

    private interface Projection extends CompiledRequest.Projection {
    }
}
