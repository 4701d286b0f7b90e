package dev.cloudjar.services.s3.select;

import dev.cloudjar.core.AwsException;

/** S3 Select's error codes and messages (all 400), from the SelectObjectContent error list. */
public final class SelectErrors {
    private SelectErrors() {
    }

    static AwsException error(String code, String message) {
        return new AwsException(400, code, message);
    }

    public static AwsException unexpectedToken(String token) {
        return error("ParseUnexpectedToken", "The SQL expression contains an unexpected token.").with("Token", token);
    }

    static AwsException expectedExpression() {
        return error("ParseExpectedExpression", "Did not find the expected SQL expression.");
    }

    static AwsException missingFrom() {
        return error("ParseSelectMissingFrom", "The SQL expression contains a missing FROM after SELECT list.");
    }

    static AwsException invalidChar(char c) {
        return error("LexerInvalidChar", "The SQL expression contains an invalid character.").with("Character", String.valueOf(c));
    }

    static AwsException invalidColumnIndex(String name) {
        return error("InvalidColumnIndex", "The column index is invalid. Please check the service documentation and try again.")
                .with("Column", name);
    }

    static AwsException castFailed() {
        return error("CastFailed", "Attempt to convert from one data type to another using CAST failed in the SQL expression.");
    }

    static AwsException unsupportedFunction(String name) {
        return error("UnsupportedFunction", "We currently do not support the function in the SQL expression.").with("Function", name);
    }

    static AwsException invalidArguments(String function) {
        return error("IncorrectSqlFunctionArgumentType", "Incorrect type of arguments in function call in the SQL expression.")
                .with("Function", function);
    }

    static AwsException unsupportedSyntax(String what) {
        return error("UnsupportedSyntax", "The SQL expression contains unsupported syntax.").with("Syntax", what);
    }

    static AwsException invalidDataType() {
        return error("InvalidDataType", "The SQL expression contains an invalid data type.");
    }

    static AwsException divisionByZero() {
        return error("EvaluatorDivisionByZero", "The SQL expression contains division by zero.");
    }

    public static AwsException invalidCompression() {
        return error("InvalidCompressionFormat", "The file is not in a supported compression format. Only GZIP is supported.");
    }

    public static AwsException truncatedInput() {
        return error("TruncatedInput",
                "Object decompression failed. Check that the object is properly compressed using the format specified in the request.");
    }

    public static AwsException invalidJson() {
        return error("JSONParsingError", "Encountered an error parsing the JSON file. Check the file and try again.");
    }

    public static AwsException unsupportedParquet() {
        return error("UnsupportedParquetType", "The specified Parquet type is not supported.");
    }
}
