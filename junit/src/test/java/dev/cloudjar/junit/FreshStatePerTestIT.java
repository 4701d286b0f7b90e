package dev.cloudjar.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.sqs.SqsClient;

/** freshState = PER_TEST: every test starts from an empty CloudJar, on the same server. */
@CloudJarTest(freshState = CloudJarTest.FreshState.PER_TEST)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshStatePerTestIT {

    @Test
    @Order(1)
    void aTestCreatesAQueue(SqsClient sqs) {
        sqs.createQueue(b -> b.queueName("first-test-only"));
        assertEquals(1, sqs.listQueues().queueUrls().size());
    }

    @Test
    @Order(2)
    void theNextTestDoesNotSeeIt(SqsClient sqs) {
        assertEquals(List.of(), sqs.listQueues().queueUrls());
    }
}
