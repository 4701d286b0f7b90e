package dev.cloudjar.services.s3.model;

import java.time.Instant;

/**
 * What S3 says of a version's restore: in progress, or done with the restored copy's {@code expiryDate}
 * (null while in progress). Shown as {@code x-amz-restore} on GET/HEAD and as RestoreStatus in listings.
 */
public record RestoreStatus(boolean inProgress, Instant expiryDate) {
}
