package dev.cloudjar.services.lambda.esm;

import java.util.List;

/** An event source mapping as stored, including the stream checkpoint, so workers resume after a restart. */
public record MappingRecord(
        String uuid,
        String account,
        String region,
        String kind,
        String functionArn,
        String eventSourceArn,
        int batchSize,
        int maximumBatchingWindowInSeconds,
        String startingPosition,
        Double startingPositionTimestamp,
        boolean enabled,
        String state,
        String stateTransitionReason,
        double lastModified,
        String lastProcessingResult,
        int parallelizationFactor,
        int maximumRecordAgeInSeconds,
        boolean bisectBatchOnFunctionError,
        int maximumRetryAttempts,
        int tumblingWindowInSeconds,
        List<String> functionResponseTypes,
        List<String> filterPatterns,
        String onFailure,
        String checkpoint) {

    public static final String SQS = "sqs";
    public static final String DYNAMODB = "dynamodb";
    public static final String KINESIS = "kinesis";

    public boolean reportsBatchItemFailures() {
        return functionResponseTypes != null && functionResponseTypes.contains("ReportBatchItemFailures");
    }

    public MappingRecord withState(String newState, String reason) {
        return new MappingRecord(uuid, account, region, kind, functionArn, eventSourceArn, batchSize,
                maximumBatchingWindowInSeconds, startingPosition, startingPositionTimestamp, enabled, newState, reason,
                lastModified, lastProcessingResult, parallelizationFactor, maximumRecordAgeInSeconds,
                bisectBatchOnFunctionError, maximumRetryAttempts, tumblingWindowInSeconds, functionResponseTypes,
                filterPatterns, onFailure, checkpoint);
    }

    public MappingRecord withCheckpoint(String value, String processingResult) {
        return new MappingRecord(uuid, account, region, kind, functionArn, eventSourceArn, batchSize,
                maximumBatchingWindowInSeconds, startingPosition, startingPositionTimestamp, enabled, state,
                stateTransitionReason, lastModified, processingResult, parallelizationFactor, maximumRecordAgeInSeconds,
                bisectBatchOnFunctionError, maximumRetryAttempts, tumblingWindowInSeconds, functionResponseTypes,
                filterPatterns, onFailure, value);
    }
}
