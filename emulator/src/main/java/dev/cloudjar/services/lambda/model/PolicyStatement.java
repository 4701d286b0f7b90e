package dev.cloudjar.services.lambda.model;

/** One resource-policy statement: its id, the qualifier it was added for, and its JSON as GetPolicy shows it. */
public record PolicyStatement(String sid, String qualifier, String json) {
}
