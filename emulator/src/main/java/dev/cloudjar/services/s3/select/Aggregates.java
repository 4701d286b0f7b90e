package dev.cloudjar.services.s3.select;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** The accumulators of a query's COUNT / SUM / AVG / MIN / MAX calls, one per call. */
final class Aggregates {
    private final List<Expr.Aggregate> calls = new ArrayList<>();
    private final long[] counts;
    private final Object[] sums;
    private final Object[] extremes;

    Aggregates(SelectQuery query) {
        for (SelectQuery.Projection p : query.projections()) {
            collect(p.expr());
        }
        calls.sort((a, b) -> Integer.compare(a.slot(), b.slot()));
        counts = new long[calls.size()];
        sums = new Object[calls.size()];
        extremes = new Object[calls.size()];
    }

    private void collect(Expr e) {
        SqlParser.children(e).forEach(this::collect);
        if (e instanceof Expr.Aggregate a) {
            calls.add(a);
        }
    }

    void add(SqlEvaluator evaluator, Row row) {
        for (int i = 0; i < calls.size(); i++) {
            Expr.Aggregate call = calls.get(i);
            if (call.arg() == null) {
                counts[i]++;
                continue;
            }
            Object v = evaluator.eval(call.arg(), row);
            if (SqlValues.absent(v)) {
                continue;
            }
            switch (call.name()) {
                case "COUNT" -> counts[i]++;
                case "SUM", "AVG" -> {
                    Object n = SqlValues.number(v);
                    if (n == null) {
                        throw SelectErrors.invalidArguments(call.name());
                    }
                    sums[i] = sums[i] == null ? n : SqlEvaluator.arithmetic("+", sums[i], n);
                    counts[i]++;
                }
                default -> {
                    Object candidate = SqlValues.number(v) != null ? SqlValues.number(v) : v;
                    if (extremes[i] == null) {
                        extremes[i] = candidate;
                    } else {
                        Integer c = SqlValues.compare(candidate, extremes[i]);
                        if (c == null) {
                            throw SelectErrors.invalidArguments(call.name());
                        }
                        if (call.name().equals("MIN") ? c < 0 : c > 0) {
                            extremes[i] = candidate;
                        }
                    }
                }
            }
        }
    }

    /** The results by slot: COUNT 0 and the others null when no value was seen. */
    Object[] results() {
        Object[] out = new Object[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            out[i] = switch (calls.get(i).name()) {
                case "COUNT" -> counts[i];
                case "SUM" -> sums[i];
                case "AVG" -> counts[i] == 0 ? null
                        : SqlValues.decimal(sums[i]).divide(BigDecimal.valueOf(counts[i]), MathContext.DECIMAL64).stripTrailingZeros();
                default -> extremes[i];
            };
        }
        return out;
    }
}
