package dev.cloudjar.services.lambda.model;

import java.util.Map;

/** An alias: a name for a version, optionally routing a weight of invocations to a second version. */
public record AliasRecord(String name, String functionVersion, String description,
                          Map<String, Double> additionalVersionWeights, String revisionId) {
    public AliasRecord {
        additionalVersionWeights = additionalVersionWeights == null ? Map.of() : Map.copyOf(additionalVersionWeights);
    }
}
