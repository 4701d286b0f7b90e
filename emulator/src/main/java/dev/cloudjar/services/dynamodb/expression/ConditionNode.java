package dev.cloudjar.services.dynamodb.expression;

import java.util.List;

/** The AST of conditions (ConditionExpression, FilterExpression, KeyConditionExpression, legacy forms). */
public sealed interface ConditionNode {

    enum Comparator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The comparator with its operands swapped: {@code :v < a} is {@code a > :v}. */
        public Comparator flip() {
            switch (this) {
                case LT:
                    return GT;
                case LE:
                    return GE;
                case GT:
                    return LT;
                case GE:
                    return LE;
                default:
                    return this;
            }
        }
    }

    record Compare(Comparator op, Operand left, Operand right) implements ConditionNode {
    }

    record Between(Operand value, Operand low, Operand high) implements ConditionNode {
    }

    record In(Operand value, List<Operand> candidates) implements ConditionNode {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    record And(ConditionNode left, ConditionNode right) implements ConditionNode {
    }

    record Or(ConditionNode left, ConditionNode right) implements ConditionNode {
    }

    record Not(ConditionNode operand) implements ConditionNode {
    }

    /** attribute_exists, attribute_not_exists, attribute_type, begins_with, contains. */
    record Function(String name, List<Operand> arguments) implements ConditionNode {
        public Function {
            arguments = List.copyOf(arguments);
        }
    }

    /** A constant outcome (e.g. an empty legacy filter). */
    record Constant(boolean value) implements ConditionNode {
    }
}
