package dev.cloudjar.services.lambda.model;

/**
 * The result of Invoke: HTTP status (200 / 202 / 204), the payload, "Unhandled" when the function
 * failed, the executed version (sync only) and the log tail (base64) when LogType=Tail was asked.
 */
public record InvokeOutput(int status, byte[] payload, String functionError, String executedVersion, String logResult) {
}
