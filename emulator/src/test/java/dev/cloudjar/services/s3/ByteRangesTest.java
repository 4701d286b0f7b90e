package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudjar.core.AwsException;
import org.junit.jupiter.api.Test;

class ByteRangesTest {
    @Test
    void closedOpenAndSuffixRanges() {
        assertArrayEquals(new long[] {0, 9}, ByteRanges.parse("bytes=0-9", 100));
        assertArrayEquals(new long[] {5, 99}, ByteRanges.parse("bytes=5-", 100));
        assertArrayEquals(new long[] {95, 99}, ByteRanges.parse("bytes=-5", 100));
    }

    @Test
    void endPastTheObjectIsClampedAndLongSuffixIsTheWholeObject() {
        assertArrayEquals(new long[] {90, 99}, ByteRanges.parse("bytes=90-500", 100));
        assertArrayEquals(new long[] {0, 99}, ByteRanges.parse("bytes=-500", 100));
    }

    @Test
    void startBeyondTheObjectIsInvalidRange() {
        AwsException e = assertThrows(AwsException.class, () -> ByteRanges.parse("bytes=100-", 100));
        assertEquals(416, e.status());
        assertEquals("InvalidRange", e.code());
        assertEquals("100", e.details().get("ActualObjectSize"));
        assertEquals("bytes=100-", e.details().get("RangeRequested"));
        assertThrows(AwsException.class, () -> ByteRanges.parse("bytes=0-", 0));
        assertThrows(AwsException.class, () -> ByteRanges.parse("bytes=-0", 10));
    }

    @Test
    void syntaxS3DoesNotUnderstandIsIgnored() {
        assertNull(ByteRanges.parse(null, 10));
        assertNull(ByteRanges.parse("items=0-1", 10));
        assertNull(ByteRanges.parse("bytes=0-1,3-4", 10));
        assertNull(ByteRanges.parse("bytes=5-2", 10));
        assertNull(ByteRanges.parse("bytes=a-b", 10));
        assertNull(ByteRanges.parse("bytes=", 10));
    }
}
