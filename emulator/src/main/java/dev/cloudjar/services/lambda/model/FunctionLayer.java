package dev.cloudjar.services.lambda.model;

/**
 * A layer version a function configuration uses: its ARN and zipped size as FunctionConfiguration.Layers
 * shows them, plus the blob holding its content and its unzipped size. The blob is kept here because
 * a function keeps the layer content it was configured with even after the layer version is deleted.
 */
public record FunctionLayer(String arn, long codeSize, String blobId, long unzippedSize) {
}
