package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ImportTable's CSV field splitting: delimiters, quoted fields, doubled quotes and empty fields. */
class ImportCsvTest {
    @Test
    void splitsOnTheDelimiterOutsideQuotes() {
        assertEquals(List.of("a", "b", "c"), ImportOperations.splitCsv("a,b,c", ','));
        assertEquals(List.of("a", "b, c", "d"), ImportOperations.splitCsv("a,\"b, c\",d", ','));
        assertEquals(List.of("say \"hi\"", ""), ImportOperations.splitCsv("\"say \"\"hi\"\"\",", ','));
        assertEquals(List.of("x", "y"), ImportOperations.splitCsv("x|y", '|'));
        assertEquals(List.of(""), ImportOperations.splitCsv("", ','));
    }
}
