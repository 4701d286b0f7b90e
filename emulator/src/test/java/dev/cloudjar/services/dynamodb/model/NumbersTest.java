package dev.cloudjar.services.dynamodb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudjar.core.AwsException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void normalizesToPlainCanonicalText() {
        assertEquals("1.5", Numbers.canonical("1.50"));
        assertEquals("0", Numbers.canonical("-0"));
        assertEquals("0", Numbers.canonical("0.000"));
        assertEquals("100", Numbers.canonical("1E+2"));
        assertEquals("100", Numbers.canonical("1e2"));
        assertEquals("100", Numbers.canonical("100"));
        assertEquals("7", Numbers.canonical("007"));
        assertEquals("-7", Numbers.canonical("-007.000"));
        assertEquals("0.000015", Numbers.canonical("1.5E-5"));
        assertEquals("42", Numbers.canonical("+42"));
        assertEquals("-123456789012345678", Numbers.canonical("-123456789012345678"));
        assertEquals("1" + "0".repeat(125), Numbers.canonical("1E+125"));
    }

    @Test
    void rejectsGarbageWithAwsMessage() {
        for (String bad : new String[] {"", "abc", "1.2.3", "NaN", "Infinity", " 1", "1 ", "0x10", "--1", "1e", "."}) {
            AwsException e = assertThrows(AwsException.class, () -> Numbers.canonical(bad), bad);
            assertEquals("ValidationException", e.code());
            assertEquals(bad.isEmpty() ? "The parameter cannot be converted to a numeric value"
                    : "The parameter cannot be converted to a numeric value: " + bad, e.getMessage(), bad);
        }
    }

    @Test
    void enforces38SignificantDigits() {
        assertEquals("1" + "2".repeat(37), Numbers.canonical("1" + "2".repeat(37)));
        assertEquals("1" + "0".repeat(50), Numbers.canonical("1" + "0".repeat(50)));
        assertEquals("0.00" + "3".repeat(38), Numbers.canonical("0.00" + "3".repeat(38) + "000"));
        AwsException e = assertThrows(AwsException.class, () -> Numbers.canonical("1" + "2".repeat(38)));
        assertEquals("Attempting to store more than 38 significant digits in a Number", e.getMessage());
    }

    @Test
    void enforcesRange() {
        Numbers.canonical("9.9999999999999999999999999999999999999E+125");
        Numbers.canonical("-9.9999999999999999999999999999999999999E+125");
        Numbers.canonical("1E-130");
        Numbers.canonical("-1E-130");
        AwsException over = assertThrows(AwsException.class, () -> Numbers.canonical("1E+126"));
        assertEquals("Number overflow. Attempting to store a number with magnitude larger than supported range",
                over.getMessage());
        AwsException under = assertThrows(AwsException.class, () -> Numbers.canonical("9E-131"));
        assertEquals("Number underflow. Attempting to store a number with magnitude smaller than supported range",
                under.getMessage());
        assertEquals("0", Numbers.canonical("0E-500"));
    }

    @Test
    void nRecordNormalizesAndComparesByCanonicalText() {
        assertEquals(new AttributeValue.N("1.50"), new AttributeValue.N("1.5"));
        assertEquals("1.5", new AttributeValue.N("15E-1").value());
        assertEquals(new BigDecimal("1.5"), new AttributeValue.N("1.50").decimal());
        assertEquals(new AttributeValue.NS(java.util.List.of("1", "2.0")), new AttributeValue.NS(java.util.List.of("2", "1")));
    }
}
