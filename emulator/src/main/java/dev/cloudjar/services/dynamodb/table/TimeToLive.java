package dev.cloudjar.services.dynamodb.table;

/** A table's TTL setting: status ENABLED or DISABLED and the attribute name (null when never set). */
public record TimeToLive(String status, String attributeName) {
    public boolean enabled() {
        return "ENABLED".equals(status);
    }
}
