/**
 * DynamoDB values and their rules, shared by the backend, storage, wire adapter and expressions.
 *
 * <ul>
 *   <li>{@link dev.cloudjar.services.dynamodb.model.AttributeValue}: sealed records S, N, B, BOOL, NULL,
 *       L, M, SS, NS, BS. Equality is DynamoDB's (numbers canonical, binaries by content, sets ignore
 *       order), so {@code oldItem.equals(newItem)} tells whether a write changed anything.</li>
 *   <li>{@link dev.cloudjar.services.dynamodb.model.AttributeValues}: JSON codec.
 *       {@code itemFromJson(node)}, {@code fromJson(node)}, {@code expressionValuesFromJson(node)} (wraps
 *       errors as "ExpressionAttributeValues contains invalid value: ... for key :v"), and
 *       {@code writeItem(JsonGenerator, item)} / {@code write(g, value)} / {@code itemToJson(item)}.</li>
 *   <li>{@link dev.cloudjar.services.dynamodb.model.Numbers}: canonical number text and range checks.</li>
 *   <li>{@link dev.cloudjar.services.dynamodb.model.ItemSize}: {@code of(item)}, {@code check(item)} (400 KB,
 *       PutItem message), {@code checkUpdate(item)} (UpdateItem message).</li>
 *   <li>{@link dev.cloudjar.services.dynamodb.model.KeyLimits}: {@code check(name, value, isHash)} for empty
 *       and oversized key values.</li>
 *   <li>{@link dev.cloudjar.services.dynamodb.model.KeyOrder}: {@code COMPARATOR} and
 *       {@code sortableKey(value)}: an S/N/B key as a String whose UTF-8 order is DynamoDB's order and that
 *       never contains U+0000, for {@code KeyRanges.compose(sortableKey(hash), sortableKey(range))}.</li>
 *   <li>{@link dev.cloudjar.services.dynamodb.model.DynamoDbValidation}: builds ValidationException /
 *       SerializationException {@code AwsException}s.</li>
 * </ul>
 */
package dev.cloudjar.services.dynamodb.model;
