package dev.cloudjar.core;

import java.util.Objects;

/** Where a resource lives: every piece of service state is keyed by account and region. */
public record Scope(String account, String region) {
    public Scope {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
    }

    public static Scope of(String account, String region) {
        return new Scope(account, region);
    }
}
