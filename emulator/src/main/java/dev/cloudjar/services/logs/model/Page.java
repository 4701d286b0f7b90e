package dev.cloudjar.services.logs.model;

import java.util.List;

/** One page of a describe call and the token for the next (null when it was the last). */
public record Page<T>(List<T> items, String nextToken) {
}
