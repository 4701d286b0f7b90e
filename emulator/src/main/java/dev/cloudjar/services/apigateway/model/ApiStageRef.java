package dev.cloudjar.services.apigateway.model;

/** A stage of an API a usage plan covers. */
public record ApiStageRef(String apiId, String stage) {
}
