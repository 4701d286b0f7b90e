package dev.cloudjar.services.lambda.esm;

import java.util.List;

/** Members of Create/UpdateEventSourceMapping; null means "not given". */
public record MappingInput(String functionName, String eventSourceArn, Boolean enabled, Integer batchSize,
                           Integer maximumBatchingWindowInSeconds, String startingPosition,
                           Double startingPositionTimestamp, Integer parallelizationFactor,
                           Integer maximumRecordAgeInSeconds, Boolean bisectBatchOnFunctionError,
                           Integer maximumRetryAttempts, Integer tumblingWindowInSeconds,
                           List<String> functionResponseTypes, List<String> filterPatterns, String onFailure) {
}
