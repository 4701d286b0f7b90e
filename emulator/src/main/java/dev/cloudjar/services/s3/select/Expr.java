package dev.cloudjar.services.s3.select;

import java.util.List;

/** The S3 Select SQL expression tree. */
sealed interface Expr {
    record Literal(Object value) implements Expr {
    }

    /** A column or JSON path: its segments (String names or Integer indexes); {@code quoted} names match case-sensitively. */
    record Path(List<Object> segments, boolean quoted) implements Expr {
    }

    record Unary(String op, Expr operand) implements Expr {
    }

    record Binary(String op, Expr left, Expr right) implements Expr {
    }

    record Like(Expr value, Expr pattern, Expr escape, boolean negated) implements Expr {
    }

    record Between(Expr value, Expr low, Expr high, boolean negated) implements Expr {
    }

    record In(Expr value, List<Expr> options, boolean negated) implements Expr {
    }

    /** IS [NOT] NULL, IS [NOT] MISSING. */
    record Is(Expr value, String what, boolean negated) implements Expr {
    }

    record Cast(Expr value, String type) implements Expr {
    }

    record Call(String name, List<Expr> args) implements Expr {
    }

    /** COUNT / SUM / AVG / MIN / MAX; {@code arg} null for COUNT(*). {@code slot} is its accumulator's index. */
    record Aggregate(String name, Expr arg, int slot) implements Expr {
    }
}
