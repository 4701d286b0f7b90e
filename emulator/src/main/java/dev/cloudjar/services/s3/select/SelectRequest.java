package dev.cloudjar.services.s3.select;

/**
 * SelectObjectContent's members with AWS's names: the SQL {@code expression}, the input serialization
 * ({@code csvIn} or {@code jsonType}, with {@code compressionType}), the output serialization
 * ({@code csvOut} or {@code jsonOut}), RequestProgress and ScanRange (null bounds when absent).
 */
public record SelectRequest(String expression, String expressionType, String compressionType, CsvInput csvIn, String jsonType,
        boolean parquet, CsvOutput csvOut, JsonOutput jsonOut, boolean progress, Long scanStart, Long scanEnd) {

    /** CSV input: FileHeaderInfo, Comments, QuoteEscapeCharacter, RecordDelimiter, FieldDelimiter, QuoteCharacter, AllowQuotedRecordDelimiter. */
    public record CsvInput(String fileHeaderInfo, String comments, String quoteEscapeCharacter, String recordDelimiter,
            String fieldDelimiter, String quoteCharacter, boolean allowQuotedRecordDelimiter) {
    }

    /** CSV output: QuoteFields, QuoteEscapeCharacter, RecordDelimiter, FieldDelimiter, QuoteCharacter. */
    public record CsvOutput(String quoteFields, String quoteEscapeCharacter, String recordDelimiter, String fieldDelimiter,
            String quoteCharacter) {
    }

    public record JsonOutput(String recordDelimiter) {
    }
}
