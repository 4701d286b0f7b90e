package dev.cloudjar.services.sns;

/** A resource tag, in the order the caller gave it. */
public record SnsTag(String key, String value) {
}
