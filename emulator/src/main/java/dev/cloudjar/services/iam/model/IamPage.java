package dev.cloudjar.services.iam.model;

import java.util.List;

/** One page of a listing; {@code marker} is null on the last page (then IsTruncated is false). */
public record IamPage<T>(List<T> items, String marker) {
    public boolean truncated() {
        return marker != null;
    }
}
