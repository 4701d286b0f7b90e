package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated Query key condition: equality on the partition key and an optional {@link RangeCondition}
 * on the sort key (for a global index's multi-attribute key: equality on every partition attribute and
 * conditions on the leading sort attributes). Built from a KeyConditionExpression or legacy KeyConditions with AWS's shape errors.
 */
public final class KeyCondition {
    private final List<String> hashAttributes;
    private final List<AttributeValue> hashValues;
    private final List<RangeCondition> rangeConditions;

    public KeyCondition(String hashAttribute, AttributeValue hashValue, RangeCondition range) {
        this(List.of(hashAttribute), List.of(hashValue), range == null ? List.of() : List.of(range));
    }

    /**
     * A condition on a multi-attribute key: every partition attribute's value in KeySchema order, and
     * conditions on the leading sort attributes in KeySchema order (all equalities but the last).
     */
    public KeyCondition(List<String> hashAttributes, List<AttributeValue> hashValues, List<RangeCondition> rangeConditions) {
        this.hashAttributes = List.copyOf(hashAttributes);
        this.hashValues = List.copyOf(hashValues);
        this.rangeConditions = List.copyOf(rangeConditions);
    }

    public String hashAttribute() {
        return hashAttributes.get(0);
    }

    public AttributeValue hashValue() {
        return hashValues.get(0);
    }

    /** The partition attributes' values in KeySchema order (one unless the key is multi-attribute). */
    public List<AttributeValue> hashValues() {
        return hashValues;
    }

    /** The sort key predicate (for a multi-attribute sort key, the last one), or null when there is none. */
    public RangeCondition range() {
        return rangeConditions.isEmpty() ? null : rangeConditions.get(rangeConditions.size() - 1);
    }

    /** The sort attribute conditions in KeySchema order: equalities, then possibly one other operator. */
    public List<RangeCondition> rangeConditions() {
        return rangeConditions;
    }

    public boolean matches(Map<String, AttributeValue> item) {
        for (int i = 0; i < hashAttributes.size(); i++) {
            if (!hashValues.get(i).equals(item.get(hashAttributes.get(i)))) {
                return false;
            }
        }
        for (RangeCondition rc : rangeConditions) {
            if (!rc.matches(item.get(rc.attribute()))) {
                return false;
            }
        }
        return true;
    }

    /** Validates the shape of a parsed key condition against the key schema. */
    static KeyCondition from(ConditionNode root, KeySchema schema, ExpressionKind kind) {
        List<ConditionNode> predicates = new ArrayList<>();
        flatten(root, predicates, kind);
        if (schema.hashKeys().size() > 1 || schema.rangeKeys().size() > 1) {
            return multiAttribute(predicates, schema, kind);
        }
        if (predicates.size() > 2) {
            throw new ExpressionException("Conditions can be of length 1 or 2 only");
        }
        String hashName = schema.hashKey();
        AttributeValue hash = null;
        RangeCondition range = null;
        for (ConditionNode p : predicates) {
            RangeCondition rc = predicate(p, kind);
            if (rc.attribute().equals(hashName)) {
                if (hash != null) {
                    throw new ExpressionException("KeyConditionExpressions must only contain one condition per key");
                }
                if (rc.op() != RangeCondition.Op.EQ) {
                    throw new ExpressionException("Query key condition not supported");
                }
                checkType(rc.value(), schema.hashTypes().get(0));
                hash = rc.value();
            } else if (rc.attribute().equals(schema.rangeKey())) {
                if (range != null) {
                    throw new ExpressionException("KeyConditionExpressions must only contain one condition per key");
                }
                checkRange(rc, schema.rangeTypes().get(0), kind);
                range = rc;
            } else if (schema.rangeKey() == null) {
                throw new ExpressionException("Query key condition not supported");
            } else {
                throw new ExpressionException(hashName.equals(firstAttribute(predicates))
                        ? "Query condition missed key schema element: " + schema.rangeKey()
                        : "Query condition missed key schema element: " + hashName);
            }
        }
        if (hash == null) {
            throw new ExpressionException("Query condition missed key schema element: " + hashName);
        }
        return new KeyCondition(hashName, hash, range);
    }

    /**
     * A multi-attribute key: equality on every partition attribute, and on the sort attributes
     * conditions from the left without a gap, where only the last may be other than an equality.
     */
    private static KeyCondition multiAttribute(List<ConditionNode> predicates, KeySchema schema, ExpressionKind kind) {
        List<String> hashKeys = schema.hashKeys();
        List<String> rangeKeys = schema.rangeKeys();
        AttributeValue[] hash = new AttributeValue[hashKeys.size()];
        RangeCondition[] range = new RangeCondition[rangeKeys.size()];
        boolean nonKey = false;
        for (ConditionNode p : predicates) {
            RangeCondition rc = predicate(p, kind);
            int h = hashKeys.indexOf(rc.attribute());
            int r = rangeKeys.indexOf(rc.attribute());
            if (h >= 0) {
                if (hash[h] != null) {
                    throw new ExpressionException("KeyConditionExpressions must only contain one condition per key");
                }
                if (rc.op() != RangeCondition.Op.EQ) {
                    throw new ExpressionException("Query key condition not supported");
                }
                checkType(rc.value(), schema.hashTypes().get(h));
                hash[h] = rc.value();
            } else if (r >= 0) {
                if (range[r] != null) {
                    throw new ExpressionException("KeyConditionExpressions must only contain one condition per key");
                }
                checkRange(rc, schema.rangeTypes().get(r), kind);
                range[r] = rc;
            } else {
                nonKey = true;
            }
        }
        for (int i = 0; i < hash.length; i++) {
            if (hash[i] == null) {
                throw new ExpressionException("Query condition missed key schema element: " + hashKeys.get(i));
            }
        }
        if (nonKey) {
            throw new ExpressionException("Query key condition not supported");
        }
        List<RangeCondition> conditions = new ArrayList<>();
        for (int later = 1; later < range.length; later++) {
            if (range[later] == null) {
                continue;
            }
            for (int prior = 0; prior < later; prior++) {
                if (range[prior] == null || range[prior].op() != RangeCondition.Op.EQ) {
                    throw new ExpressionException("RANGE key attributes " + rangeKeys.get(prior) + " must have equality "
                            + "conditions specified in the query because a condition is present on key attribute "
                            + rangeKeys.get(later));
                }
            }
        }
        for (RangeCondition rc : range) {
            if (rc != null) {
                conditions.add(rc);
            }
        }
        return new KeyCondition(hashKeys, List.of(hash), conditions);
    }

    private static void checkRange(RangeCondition rc, String type, ExpressionKind kind) {
        for (AttributeValue v : rc.values()) {
            checkType(v, type);
        }
        if (rc.op() == RangeCondition.Op.BEGINS_WITH && rc.value() instanceof AttributeValue.N) {
            throw new ExpressionException(kind.invalid(ConditionParser.incorrectOperand("begins_with", rc.value())));
        }
    }

    private static String firstAttribute(List<ConditionNode> predicates) {
        ConditionNode p = predicates.get(0);
        Operand o = p instanceof ConditionNode.Compare c ? pathSide(c.left(), c.right())
                : p instanceof ConditionNode.Between b ? b.value()
                : ((ConditionNode.Function) p).arguments().get(0);
        return o instanceof Operand.PathRef ref ? ref.path().attribute() : null;
    }

    private static Operand pathSide(Operand a, Operand b) {
        return a instanceof Operand.PathRef ? a : b;
    }

    private static void checkType(AttributeValue v, String expected) {
        if (expected != null && v != null && !expected.equals(v.type())) {
            throw new ExpressionException(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }

    private static void flatten(ConditionNode node, List<ConditionNode> out, ExpressionKind kind) {
        if (node instanceof ConditionNode.And and) {
            flatten(and.left(), out, kind);
            flatten(and.right(), out, kind);
        } else if (node instanceof ConditionNode.Or) {
            throw invalidOperator("OR");
        } else if (node instanceof ConditionNode.Not) {
            throw invalidOperator("NOT");
        } else if (node instanceof ConditionNode.In) {
            throw invalidOperator("IN");
        } else if (node instanceof ConditionNode.Function f && !f.name().equals("begins_with")) {
            throw invalidOperator(f.name());
        } else if (node instanceof ConditionNode.Compare c && c.op() == ConditionNode.Comparator.NE) {
            throw invalidOperator("<>");
        } else {
            out.add(node);
        }
    }

    private static ExpressionException invalidOperator(String op) {
        return new ExpressionException("Invalid operator used in KeyConditionExpression: " + op);
    }

    private static RangeCondition predicate(ConditionNode p, ExpressionKind kind) {
        if (p instanceof ConditionNode.Compare c) {
            ConditionNode.Comparator op = c.op();
            Operand path = c.left();
            Operand value = c.right();
            if (!(path instanceof Operand.PathRef) && value instanceof Operand.PathRef) {
                path = c.right();
                value = c.left();
                op = op.flip();
            }
            return new RangeCondition(attribute(path), RangeCondition.Op.valueOf(op.name()), List.of(literal(value)));
        }
        if (p instanceof ConditionNode.Between b) {
            return new RangeCondition(attribute(b.value()), RangeCondition.Op.BETWEEN,
                    List.of(literal(b.low()), literal(b.high())));
        }
        if (p instanceof ConditionNode.Function f) {
            return new RangeCondition(attribute(f.arguments().get(0)), RangeCondition.Op.BEGINS_WITH,
                    List.of(literal(f.arguments().get(1))));
        }
        throw new ExpressionException("Query key condition not supported");
    }

    private static String attribute(Operand o) {
        if (o instanceof Operand.PathRef ref) {
            if (!ref.path().isTopLevel()) {
                throw new ExpressionException(ExpressionKind.KEY_CONDITION.invalid(
                        "KeyConditionExpressions cannot have conditions on nested attributes"));
            }
            return ref.path().attribute();
        }
        throw new ExpressionException("Query key condition not supported");
    }

    private static AttributeValue literal(Operand o) {
        if (o instanceof Operand.Literal lit) {
            return lit.value();
        }
        throw new ExpressionException("Query key condition not supported");
    }
}
