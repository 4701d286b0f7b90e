/**
 * PartiQL for DynamoDB: {@link dev.cloudjar.services.dynamodb.expression.partiql.PartiQL#parse(String, java.util.List)}
 * turns a statement plus its {@code Parameters} into a
 * {@link dev.cloudjar.services.dynamodb.expression.partiql.PartiQLStatement} built from the expression
 * package's Condition / Projection / UpdatePlan. The backend executes it: SELECT as a GetItem/Query when
 * {@code keyEqualities()} covers the key (else a Scan) filtered by {@code where()}; INSERT fails with
 * DuplicateItemException when the key exists; UPDATE/DELETE require the full key in {@code keyEqualities()}
 * and treat the rest of {@code where()} as a condition (ConditionalCheckFailedException when false).
 */
package dev.cloudjar.services.dynamodb.expression.partiql;
