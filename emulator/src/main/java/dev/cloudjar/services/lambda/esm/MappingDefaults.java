package dev.cloudjar.services.lambda.esm;

import dev.cloudjar.core.Scope;
import java.util.List;

/** AWS's defaults and limits for mapping parameters per source kind (PROTOCOLS.md 9.2). */
final class MappingDefaults {
    private MappingDefaults() {
    }

    static MappingRecord build(String uuid, Scope scope, String kind, String functionArn, MappingInput in, double now) {
        boolean sqs = MappingRecord.SQS.equals(kind);
        if (sqs && in.startingPosition() != null) {
            throw EventSourceMappings.invalid("StartingPosition is not valid for SQS event sources.");
        }
        if (!sqs && in.startingPosition() == null) {
            throw EventSourceMappings.invalid("1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null");
        }
        if (in.startingPosition() != null && !List.of("TRIM_HORIZON", "LATEST", "AT_TIMESTAMP").contains(in.startingPosition())) {
            throw EventSourceMappings.invalid("Unsupported starting position: " + in.startingPosition());
        }
        if (sqs && in.onFailure() != null) {
            throw EventSourceMappings.invalid("Unsupported DestinationConfig parameter for given event source mapping type.");
        }
        if ("AT_TIMESTAMP".equals(in.startingPosition()) && in.startingPositionTimestamp() == null) {
            throw EventSourceMappings.invalid("StartingPositionTimestamp must be provided when StartingPosition is AT_TIMESTAMP.");
        }
        checkRanges(in);
        int batchSize = in.batchSize() == null ? (sqs ? 10 : 100) : in.batchSize();
        int window = in.maximumBatchingWindowInSeconds() == null ? 0 : in.maximumBatchingWindowInSeconds();
        checkBatch(sqs, in.eventSourceArn().endsWith(".fifo"), batchSize, window);
        checkTypes(in.functionResponseTypes());
        EventFilters.check(in.filterPatterns());
        return new MappingRecord(uuid, scope.account(), scope.region(), kind, functionArn, in.eventSourceArn(), batchSize,
                window, in.startingPosition(), in.startingPositionTimestamp(), in.enabled() == null || in.enabled(),
                "Creating", "USER_INITIATED", now, sqs ? null : "No records processed",
                sqs ? 0 : value(in.parallelizationFactor(), 1), sqs ? 0 : value(in.maximumRecordAgeInSeconds(), -1),
                !sqs && Boolean.TRUE.equals(in.bisectBatchOnFunctionError()), sqs ? 0 : value(in.maximumRetryAttempts(), -1),
                sqs ? 0 : value(in.tumblingWindowInSeconds(), 0),
                in.functionResponseTypes() == null ? List.of() : List.copyOf(in.functionResponseTypes()),
                in.filterPatterns(), in.onFailure(), null);
    }

    static MappingRecord merge(MappingRecord c, String functionArn, MappingInput in, double now) {
        boolean sqs = MappingRecord.SQS.equals(c.kind());
        int batchSize = value(in.batchSize(), c.batchSize());
        int window = value(in.maximumBatchingWindowInSeconds(), c.maximumBatchingWindowInSeconds());
        checkBatch(sqs, c.eventSourceArn().endsWith(".fifo"), batchSize, window);
        checkTypes(in.functionResponseTypes());
        EventFilters.check(in.filterPatterns());
        checkRanges(in);
        if (sqs && in.onFailure() != null && !in.onFailure().isEmpty()) {
            throw EventSourceMappings.invalid("Unsupported DestinationConfig parameter for given event source mapping type.");
        }
        return new MappingRecord(c.uuid(), c.account(), c.region(), c.kind(), functionArn, c.eventSourceArn(), batchSize,
                window, c.startingPosition(), c.startingPositionTimestamp(),
                in.enabled() == null ? c.enabled() : in.enabled(), c.state(), "USER_INITIATED", now, c.lastProcessingResult(),
                value(in.parallelizationFactor(), c.parallelizationFactor()),
                value(in.maximumRecordAgeInSeconds(), c.maximumRecordAgeInSeconds()),
                in.bisectBatchOnFunctionError() == null ? c.bisectBatchOnFunctionError() : in.bisectBatchOnFunctionError(),
                value(in.maximumRetryAttempts(), c.maximumRetryAttempts()),
                value(in.tumblingWindowInSeconds(), c.tumblingWindowInSeconds()),
                in.functionResponseTypes() == null ? c.functionResponseTypes() : List.copyOf(in.functionResponseTypes()),
                in.filterPatterns() == null ? c.filterPatterns() : in.filterPatterns(),
                in.onFailure() == null ? c.onFailure() : (in.onFailure().isEmpty() ? null : in.onFailure()),
                c.checkpoint());
    }

    private static void checkBatch(boolean sqs, boolean fifo, int batchSize, int window) {
        int max = sqs ? (fifo ? 10 : 10000) : 10000;
        if (batchSize < 1 || batchSize > max) {
            throw EventSourceMappings.invalid("BatchSize must be between 1 and " + max + ".");
        }
        if (window < 0 || window > 300) {
            throw EventSourceMappings.invalid("MaximumBatchingWindowInSeconds must be between 0 and 300.");
        }
        if (sqs && batchSize > 10 && window < 1) {
            throw EventSourceMappings.invalid("Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
        }
    }

    /** The model's ranges for the stream settings, with AWS's validation message. */
    private static void checkRanges(MappingInput in) {
        range(in.parallelizationFactor(), "parallelizationFactor", 1, 10);
        range(in.maximumRetryAttempts(), "maximumRetryAttempts", -1, 10000);
        range(in.tumblingWindowInSeconds(), "tumblingWindowInSeconds", 0, 900);
        Integer age = in.maximumRecordAgeInSeconds();
        if (age != null && age != -1) {
            range(age, "maximumRecordAgeInSeconds", 60, 604800);
        }
    }

    private static void range(Integer value, String member, int min, int max) {
        if (value == null) {
            return;
        }
        if (value < min) {
            throw new dev.cloudjar.core.AwsException(400, "ValidationException", "1 validation error detected: Value '" + value
                    + "' at '" + member + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw new dev.cloudjar.core.AwsException(400, "ValidationException", "1 validation error detected: Value '" + value
                    + "' at '" + member + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
        }
    }

    private static void checkTypes(List<String> types) {
        if (types != null) {
            for (String t : types) {
                if (!"ReportBatchItemFailures".equals(t)) {
                    throw EventSourceMappings.invalid("1 validation error detected: Value '[" + t + "]' at 'functionResponseTypes' "
                            + "failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [ReportBatchItemFailures]]");
                }
            }
        }
    }

    private static int value(Integer given, int fallback) {
        return given == null ? fallback : given;
    }
}
