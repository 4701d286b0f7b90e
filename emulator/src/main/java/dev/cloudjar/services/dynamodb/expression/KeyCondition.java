package dev.cloudjar.services.dynamodb.expression;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated Query key condition: equality on the partition key and an optional {@link RangeCondition}
 * on the sort key. Built from a KeyConditionExpression or legacy KeyConditions with AWS's shape errors.
 */
public final class KeyCondition {
    private final String hashAttribute;
    private final AttributeValue hashValue;
    private final RangeCondition range;

    public KeyCondition(String hashAttribute, AttributeValue hashValue, RangeCondition range) {
        this.hashAttribute = hashAttribute;
        this.hashValue = hashValue;
        this.range = range;
    }

    public String hashAttribute() {
        return hashAttribute;
    }

    public AttributeValue hashValue() {
        return hashValue;
    }

    /** The sort key predicate, or null when the query names only the partition key. */
    public RangeCondition range() {
        return range;
    }

    public boolean matches(Map<String, AttributeValue> item) {
        return hashValue.equals(item.get(hashAttribute)) && (range == null || range.matches(item.get(range.attribute())));
    }

    /** Validates the shape of a parsed key condition against the key schema. */
    static KeyCondition from(ConditionNode root, KeySchema schema, ExpressionKind kind) {
        List<ConditionNode> predicates = new ArrayList<>();
        flatten(root, predicates, kind);
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
                checkType(rc.value(), schema.hashType());
                hash = rc.value();
            } else if (rc.attribute().equals(schema.rangeKey())) {
                if (range != null) {
                    throw new ExpressionException("KeyConditionExpressions must only contain one condition per key");
                }
                for (AttributeValue v : rc.values()) {
                    checkType(v, schema.rangeType());
                }
                if (rc.op() == RangeCondition.Op.BEGINS_WITH && rc.value() instanceof AttributeValue.N) {
                    throw new ExpressionException(kind.invalid(ConditionParser.incorrectOperand("begins_with", rc.value())));
                }
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
