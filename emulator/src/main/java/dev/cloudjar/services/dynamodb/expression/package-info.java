/**
 * DynamoDB expressions: ONE tokenizer, parser, AST, validator and evaluators for every expression kind
 * and the legacy parameters, with AWS's validation messages. No HTTP, no storage.
 *
 * <h2>Using it from the backend (one request)</h2>
 * <pre>{@code
 * // 1. Reject legacy + expression mixes first (names of the parameters present in the request):
 * ExpressionContext.checkNotMixed(List.of("AttributesToGet"), List.of("ProjectionExpression"));
 *
 * // 2. One context per request; it owns ExpressionAttributeNames/Values (either may be null).
 * //    Values come from AttributeValues.expressionValuesFromJson(node) in the wire adapter.
 * ExpressionContext ctx = new ExpressionContext(input.expressionAttributeNames(), input.expressionAttributeValues());
 *
 * // 3. Parse every expression of the request (null text -> null result). Errors are AwsException
 * //    (400 ValidationException) with AWS's text, e.g. "Invalid UpdateExpression: Syntax error; token: ...".
 * UpdatePlan update   = ctx.update(input.updateExpression());
 * Condition condition = ctx.condition(input.conditionExpression());
 * Condition filter    = ctx.filter(input.filterExpression());
 * Projection proj     = ctx.projection(input.projectionExpression());
 * KeyCondition key    = ctx.keyCondition(input.keyConditionExpression(),
 *                          new KeySchema("pk", "S", "sk", "N"));   // table or index key; types optional
 *
 * // 4. Then the request-wide placeholder check, naming the operation's expression members in AWS order.
 * //    Call it even when the request has no expression: it reports maps sent without expressions
 * //    ("ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null").
 * //    Empty maps / malformed keys are reported by the first parse call, after that check, as AWS orders them.
 * ctx.checkUsage("UpdateExpression", "ConditionExpression");       // UpdateItem
 * //   PutItem/DeleteItem: ("ConditionExpression"); GetItem: ("ProjectionExpression");
 * //   Query: ("KeyConditionExpression", "FilterExpression", "ProjectionExpression"); Scan: ("FilterExpression", "ProjectionExpression")
 * }</pre>
 *
 * <h2>Evaluating</h2>
 * <ul>
 *   <li>{@link dev.cloudjar.services.dynamodb.expression.Condition#evaluate(java.util.Map)}: true when the
 *       item (null = item absent) satisfies the condition/filter. Thread-safe, reusable.</li>
 *   <li>{@link dev.cloudjar.services.dynamodb.expression.UpdatePlan}: call
 *       {@code checkKeyAttributes(keyNames)} (AWS's "Cannot update attribute pk. This attribute is part of the
 *       key"), then {@code apply(oldItemOrNull)} -> {@link dev.cloudjar.services.dynamodb.expression.UpdateResult}
 *       {@code (newItem, updatedPaths)}. For a missing item the backend puts the key attributes into the
 *       result itself (apply works on what exists). {@code result.updatedOld(oldItem)} and
 *       {@code result.updatedNew()} give ReturnValues UPDATED_OLD / UPDATED_NEW. Runtime errors (ADD to a
 *       string, SET a.b on a missing map, arithmetic on a missing attribute, number overflow) are thrown as
 *       ValidationException. Check the result with {@code ItemSize.checkUpdate} and {@code KeyLimits}.</li>
 *   <li>{@link dev.cloudjar.services.dynamodb.expression.Projection#apply(java.util.Map)}: the projected
 *       item; {@code attributes()} lists the top-level names it reads.</li>
 *   <li>{@link dev.cloudjar.services.dynamodb.expression.KeyCondition}: {@code hashAttribute()},
 *       {@code hashValue()}, {@code range()} (null or a
 *       {@link dev.cloudjar.services.dynamodb.expression.RangeCondition} with {@code attribute()}, {@code op()}
 *       EQ/LT/LE/GT/GE/BETWEEN/BEGINS_WITH, {@code values()}, {@code matches(v)}, and store bounds
 *       {@code fromInclusive()} / {@code toExclusive()} in {@code KeyOrder.sortableKey} encoding: scan
 *       {@code compose(sortableKey(hash), from) .. compose(sortableKey(hash), to)}, null = partition
 *       start/end, then re-check {@code matches}). {@code matches(item)} checks both parts.</li>
 * </ul>
 *
 * <h2>Legacy parameters</h2>
 * {@link dev.cloudjar.services.dynamodb.expression.LegacyExpressions}: {@code filter(QueryFilter|ScanFilter,
 * ConditionalOperator)}, {@code expected(Expected, ConditionalOperator)}, {@code keyConditions(KeyConditions,
 * schema)}, {@code attributesToGet(list)}, {@code attributeUpdates(AttributeUpdates)}; inputs are the records
 * {@link dev.cloudjar.services.dynamodb.expression.LegacyCondition},
 * {@link dev.cloudjar.services.dynamodb.expression.ExpectedAttribute},
 * {@link dev.cloudjar.services.dynamodb.expression.AttributeValueUpdate}. They return the same
 * Condition / KeyCondition / Projection / UpdatePlan types.
 *
 * <h2>PartiQL</h2>
 * {@code dev.cloudjar.services.dynamodb.expression.partiql.PartiQL.parse(statement, parameters)} returns a
 * {@code PartiQLStatement} (Select / Insert / Update / Delete) built on the same types; see that package.
 *
 * <h2>Error order</h2>
 * Syntax errors first (token and "near" = previous..next token, as real DynamoDB reports them); then, for
 * conditions: redundant parentheses, unknown functions, misused functions, reserved words, undefined
 * placeholders, operand counts, identical operands, operand types; for updates: reserved words, unknown
 * functions, repeated clauses, undefined placeholders, overlapping paths, operand types. Then the
 * request-wide unused-placeholder check ({@code checkUsage}), names before values.
 *
 * <h2>Internals</h2>
 * {@code Tokenizer} -> {@code ConditionParser} / {@code UpdateParser} / {@code ProjectionParser} (shared
 * {@code ParserBase}: paths, placeholders, reserved words; semantic errors are deferred so syntax errors win)
 * -> AST ({@link dev.cloudjar.services.dynamodb.expression.ConditionNode},
 * {@link dev.cloudjar.services.dynamodb.expression.Operand},
 * {@link dev.cloudjar.services.dynamodb.expression.UpdateAction},
 * {@link dev.cloudjar.services.dynamodb.expression.Path}) -> {@code ConditionEvaluator} /
 * {@code UpdateEvaluator} / {@code Documents}.
 */
package dev.cloudjar.services.dynamodb.expression;
