package dev.cloudjar.protocol;

/** The services the gateway can route to; UNSUPPORTED is an AWS service CloudJar does not speak. */
public enum ServiceId {
    S3, DYNAMODB, DYNAMODB_STREAMS, SQS, SNS, STS, IAM, LAMBDA, EVENTBRIDGE, SCHEDULER, APIGATEWAY, EXECUTE_API, LOGS, KINESIS, CONTROL, UNSUPPORTED
}
