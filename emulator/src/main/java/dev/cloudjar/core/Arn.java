package dev.cloudjar.core;

/**
 * An Amazon Resource Name {@code arn:partition:service:region:account:resource}. Parsing is lenient
 * about content and strict about shape: fewer than six colon-separated parts is not an ARN.
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    public static Arn of(String service, Scope scope, String resource) {
        return new Arn("aws", service, scope.region(), scope.account(), resource);
    }

    /** Parses an ARN, or returns {@code null} when the text does not have the six parts. */
    public static Arn parseOrNull(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return null;
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6) {
            return null;
        }
        return new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    /** The number of colon-separated elements, as AWS counts them in its "at least 6 elements" errors. */
    public static int elementCount(String text) {
        return text == null || text.isEmpty() ? 0 : text.split(":", -1).length;
    }

    public Scope scope() {
        return new Scope(account, region);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
