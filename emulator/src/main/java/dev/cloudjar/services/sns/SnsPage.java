package dev.cloudjar.services.sns;

import java.util.List;

/** One page of a listing; {@code nextToken} is null on the last page. */
public record SnsPage<T>(List<T> items, String nextToken) {
}
