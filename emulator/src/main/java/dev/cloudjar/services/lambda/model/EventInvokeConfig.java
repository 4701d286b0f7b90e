package dev.cloudjar.services.lambda.model;

/**
 * Asynchronous invocation settings of a function or qualifier. Null members mean "not set" (AWS's
 * defaults apply: 2 retries, 6 hours).
 */
public record EventInvokeConfig(String qualifier, Integer maximumRetryAttempts, Integer maximumEventAgeInSeconds,
                                String onSuccess, String onFailure, double lastModified) {
    public static final int DEFAULT_RETRIES = 2;
    public static final int DEFAULT_MAX_AGE = 21600;

    public int retries() {
        return maximumRetryAttempts == null ? DEFAULT_RETRIES : maximumRetryAttempts;
    }

    public int maxAgeSeconds() {
        return maximumEventAgeInSeconds == null ? DEFAULT_MAX_AGE : maximumEventAgeInSeconds;
    }
}
