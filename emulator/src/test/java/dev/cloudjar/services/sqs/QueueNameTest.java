package dev.cloudjar.services.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cloudjar.core.Scope;
import dev.cloudjar.services.sqs.engine.QueueName;
import org.junit.jupiter.api.Test;

class QueueNameTest {
    private static final Scope CALLER = new Scope("000000000000", "eu-west-1");

    @Test
    void everyUrlFormNamesTheQueueByItsLastTwoSegments() {
        QueueName expected = new QueueName("123456789012", "eu-west-1", "orders");
        assertEquals(expected, QueueName.parse(CALLER, "http://localhost:4566/123456789012/orders"));
        assertEquals(expected, QueueName.parse(CALLER, "https://sqs.us-east-1.amazonaws.com/123456789012/orders"));
        assertEquals(expected, QueueName.parse(CALLER, "http://sqs.eu-west-1.localhost.localstack.cloud:4566/123456789012/orders/"));
        assertEquals(expected, QueueName.parse(CALLER, "http://127.0.0.1:4566/queue/123456789012/orders"));
        assertEquals(expected, QueueName.parse(CALLER, "/123456789012/orders"));
    }

    @Test
    void namesAndArnsAreAccepted() {
        assertEquals(new QueueName("000000000000", "eu-west-1", "q.fifo"), QueueName.parse(CALLER, "q.fifo"));
        assertEquals(new QueueName("111111111111", "us-east-2", "dlq"), QueueName.parse(CALLER, "arn:aws:sqs:us-east-2:111111111111:dlq"));
        assertNull(QueueName.parse(CALLER, "arn:aws:sns:us-east-2:111111111111:topic"));
        assertNull(QueueName.parse(CALLER, "http://localhost:4566/"));
        assertNull(QueueName.parse(CALLER, ""));
    }
}
