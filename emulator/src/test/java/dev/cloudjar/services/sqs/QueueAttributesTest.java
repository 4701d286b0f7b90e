package dev.cloudjar.services.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.services.sqs.engine.QueueAttributes;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueAttributesTest {
    @Test
    void rangesAndNormalForms() {
        assertEquals(Map.of("VisibilityTimeout", "0", "ContentBasedDeduplication", "true"),
                QueueAttributes.validate(Map.of("VisibilityTimeout", " 0", "ContentBasedDeduplication", "TRUE"), true, true));
        for (String[] bad : new String[][] {{"DelaySeconds", "901"}, {"MaximumMessageSize", "1023"}, {"MaximumMessageSize", "1048577"},
                {"MessageRetentionPeriod", "59"}, {"ReceiveMessageWaitTimeSeconds", "21"}, {"VisibilityTimeout", "x"},
                {"KmsDataKeyReusePeriodSeconds", "59"}, {"SqsManagedSseEnabled", "yes"}, {"Policy", "not json"}}) {
            AwsException e = assertThrows(AwsException.class, () -> QueueAttributes.validate(Map.of(bad[0], bad[1]), false, true));
            assertEquals("InvalidAttributeValue", e.code(), bad[0]);
        }
    }

    @Test
    void unknownReadOnlyAndFifoOnlyNames() {
        assertEquals("Unknown Attribute Colour.", assertThrows(AwsException.class,
                () -> QueueAttributes.validate(Map.of("Colour", "red"), false, true)).getMessage());
        assertEquals("Unknown Attribute QueueArn.", assertThrows(AwsException.class,
                () -> QueueAttributes.validate(Map.of("QueueArn", "x"), false, true)).getMessage());
        assertEquals("Unknown Attribute DeduplicationScope.", assertThrows(AwsException.class,
                () -> QueueAttributes.validate(Map.of("DeduplicationScope", "queue"), false, true)).getMessage());
    }

    @Test
    void redrivePolicyAcceptsStringOrNumberCounts() {
        assertEquals(5, QueueAttributes.parseRedrivePolicyStrict(
                "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:d\",\"maxReceiveCount\":\"5\"}").maxReceiveCount());
        assertEquals(7, QueueAttributes.parseRedrivePolicyStrict(
                "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:d\",\"maxReceiveCount\":7}").maxReceiveCount());
        assertThrows(AwsException.class, () -> QueueAttributes.parseRedrivePolicyStrict(
                "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:d\",\"maxReceiveCount\":0}"));
        assertThrows(AwsException.class, () -> QueueAttributes.parseRedrivePolicyStrict("[]"));
    }
}
