package dev.cloudjar.services.s3.model;

import java.time.Instant;

/**
 * The restore of an archived (GLACIER / DEEP_ARCHIVE) object version: the temporary copy is being made
 * until {@code completesAt} and readable from then until {@code expiresAt} (a midnight UTC, as S3 gives
 * it), after which the version is archived again as if never restored. {@code tier} is the retrieval
 * tier asked for (Standard, Bulk or Expedited).
 */
public record ObjectRestore(String tier, Instant completesAt, Instant expiresAt) {

    /** True while the temporary copy is being made (S3's {@code ongoing-request="true"}). */
    public boolean ongoing(Instant now) {
        return now.isBefore(completesAt);
    }

    /** True while the temporary copy can be read. */
    public boolean restored(Instant now) {
        return !ongoing(now) && now.isBefore(expiresAt);
    }

    /** True when nothing is left of this restore: the copy expired. */
    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The same restore with another expiry (a repeated RestoreObject on a restored copy). */
    public ObjectRestore withExpiry(Instant value) {
        return new ObjectRestore(tier, completesAt, value);
    }
}
