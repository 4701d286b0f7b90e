package dev.cloudjar.services.s3.model;

import java.util.List;

/** A bucket's Enabled lifecycle rules, as the expiration sweep reads them. */
public record LifecycleExpirations(List<ExpirationRule> rules) {
    public LifecycleExpirations {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
