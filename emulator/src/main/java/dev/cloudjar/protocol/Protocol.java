package dev.cloudjar.protocol;

/** The AWS wire protocols CloudJar speaks; the resolver stamps one on each request. */
public enum Protocol {
    /** AWS JSON 1.0: DynamoDB, DynamoDB Streams, SQS (current SDKs). */
    JSON,
    /** Form parameters in, XML out: SNS, STS, SQS (older SDKs). */
    QUERY,
    /** REST with XML bodies: S3. */
    REST_XML,
    /** REST with JSON bodies: Lambda. */
    REST_JSON,
    /** CloudJar's own /_cloudjar/ endpoints. */
    CONTROL
}
