package dev.cloudjar.services.s3.select;

import java.util.List;

/**
 * A parsed {@code SELECT ... FROM S3Object[...] [alias] [WHERE ...] [LIMIT n]}. {@code projections} is
 * empty for {@code SELECT *}; {@code fromPath} is the JSON path after {@code S3Object} ({@code [*].a.b});
 * {@code aggregates} counts the aggregate calls (all projections are aggregates when it is not 0).
 */
public record SelectQuery(List<Projection> projections, String alias, List<Object> fromPath, Expr where, Long limit,
        int aggregates) {

    record Projection(Expr expr, String name) {
    }

    public static SelectQuery parse(String sql) {
        return SqlParser.parse(sql);
    }

    boolean star() {
        return projections.isEmpty();
    }
}
