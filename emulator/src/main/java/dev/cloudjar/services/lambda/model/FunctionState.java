package dev.cloudjar.services.lambda.model;

/** A function's State with, when it is not Active, StateReasonCode and StateReason (botocore's members). */
public record FunctionState(String state, String reasonCode, String reason) {
    public static final FunctionState ACTIVE = new FunctionState("Active", null, null);
}
