package dev.cloudjar.services.kinesis.model;

/** A registered enhanced fan-out consumer (stored; SubscribeToShard is not served). */
public record ConsumerRecord(String consumerName, String consumerArn, long createdAt) {
}
