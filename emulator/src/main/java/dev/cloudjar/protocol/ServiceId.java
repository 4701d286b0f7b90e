package dev.cloudjar.protocol;

/** The services the gateway can route to. */
public enum ServiceId {
    S3, DYNAMODB, DYNAMODB_STREAMS, SQS, SNS, STS, IAM, LAMBDA, CONTROL
}
