package dev.cloudjar.services.s3.model;

/** A bucket's versioning: {@code status} Enabled or Suspended, {@code mfaDelete} Enabled / Disabled or null. */
public record VersioningConfiguration(String status, String mfaDelete) {
    /** False while only MFADelete was ever set: the bucket still behaves as unversioned. */
    public boolean active() {
        return status != null;
    }

    public boolean enabled() {
        return "Enabled".equals(status);
    }
}
