package dev.cloudjar.services.eventbridge.model;

import java.util.List;

/** One page of a listing and the token for the next, or null. */
public record Page<T>(List<T> items, String nextToken) {
}
