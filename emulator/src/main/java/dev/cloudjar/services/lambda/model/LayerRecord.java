package dev.cloudjar.services.lambda.model;

/** A layer name: the last version number handed out, kept after its versions are deleted so numbers are never reused. */
public record LayerRecord(String layerName, long lastVersion) {
}
