package dev.cloudjar.services.lambda.model;

import java.util.Map;

/** GetFunction's answer: configuration, tags and reserved concurrency. */
public record FunctionDetails(FunctionConfig configuration, String functionArn, Map<String, String> tags,
                              Integer reservedConcurrency) {
}
