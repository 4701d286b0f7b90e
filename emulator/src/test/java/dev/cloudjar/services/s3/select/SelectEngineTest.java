package dev.cloudjar.services.s3.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudjar.core.AwsException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The S3 Select SQL subset over CSV and JSON records, without a server. */
class SelectEngineTest {
    private static final String PEOPLE = "name,age,city\nAlice,30,Paris\nBob,25,\"New York, NY\"\ncarol,41,Berlin\nDan,,Rome\n";
    private static final SelectRequest.CsvOutput CSV_OUT = new SelectRequest.CsvOutput("ASNEEDED", "\"", "\n", ",", "\"");

    private static SelectRequest.CsvInput csv(String header) {
        return new SelectRequest.CsvInput(header, null, "\"", "\n", ",", "\"", false);
    }

    private static String run(SelectRequest request, byte[] data) {
        StringBuilder out = new StringBuilder();
        try {
            SelectEngine.prepare(request).run(new ByteArrayInputStream(data), new SelectEngine.Events() {
                @Override
                public void records(byte[] chunk) {
                    out.append(new String(chunk, StandardCharsets.UTF_8));
                }

                @Override
                public void progress(SelectEngine.Stats stats) {
                }
            });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    private static String csvQuery(String sql) {
        return run(new SelectRequest(sql, "SQL", null, csv("USE"), null, false, CSV_OUT, null, false, null, null),
                PEOPLE.getBytes(StandardCharsets.UTF_8)).replace("\n", "|");
    }

    private static String jsonQuery(String sql, String document, String type) {
        return run(new SelectRequest(sql, "SQL", null, null, type, false, null, new SelectRequest.JsonOutput("\n"), false, null, null),
                document.getBytes(StandardCharsets.UTF_8)).replace("\n", "|");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "SELECT name FROM S3Object WHERE city = 'Paris';Alice|",
        "SELECT s.name FROM S3Object s WHERE s.age > 26 AND s.age < 40;Alice|",
        "SELECT name FROM S3Object WHERE NOT (city = 'Paris' OR city = 'Rome');Bob|carol|",
        "SELECT name FROM S3Object WHERE LOWER(name) LIKE 'c%l';carol|",
        "SELECT name FROM S3Object WHERE name LIKE 'B_b' OR name LIKE 'x!%' ESCAPE '!';Bob|",
        "SELECT name FROM S3Object WHERE name NOT LIKE '%a%';Alice|Bob|",
        "SELECT name FROM S3Object WHERE age BETWEEN 25 AND 30;Alice|Bob|",
        "SELECT name FROM S3Object WHERE age NOT BETWEEN 25 AND 30 AND age <> '';carol|",
        "SELECT name FROM S3Object WHERE city IN ('Rome', 'Berlin');carol|Dan|",
        "SELECT name FROM S3Object WHERE city NOT IN ('Rome', 'Berlin');Alice|Bob|",
        "SELECT name FROM S3Object WHERE nothing IS MISSING LIMIT 1;Alice|",
        "SELECT name FROM S3Object WHERE nothing IS NULL AND name IS NOT NULL LIMIT 2;Alice|Bob|",
        "SELECT UPPER(name), CHAR_LENGTH(city) FROM S3Object LIMIT 1;ALICE,5|",
        "SELECT SUBSTRING(name FROM 2 FOR 3), SUBSTRING(name, 0, 3) FROM S3Object LIMIT 1;lic,Al|",
        "SELECT TRIM(BOTH 'A' FROM name), TRIM('  x  ') FROM S3Object LIMIT 1;lice,x|",
        "SELECT name || '@' || city FROM S3Object LIMIT 1;Alice@Paris|",
        "SELECT CAST(age AS INT) + 1, CAST(age AS INT) * 2 - 3, CAST(age AS INT) / 7, CAST(age AS INT) % 7 FROM S3Object LIMIT 1;31,57,4,2|",
        "SELECT -CAST(age AS DECIMAL) / 4 FROM S3Object LIMIT 1;-7.5|",
        "SELECT COUNT(*), COUNT(nothing), SUM(CAST(age AS INT)) FROM S3Object WHERE age <> '';3,0,96|",
        "SELECT AVG(CAST(age AS INT)), MIN(CAST(age AS INT)), MAX(name) FROM S3Object WHERE age <> '';32,25,carol|",
        "SELECT COUNT(*) FROM S3Object WHERE city = 'Nowhere';0|",
        "SELECT _1, _3 FROM S3Object LIMIT 1;Alice,Paris|",
        "SELECT \"name\" FROM S3Object LIMIT 1;Alice|",
        "SELECT COALESCE(NULLIF(age, ''), 'none') FROM S3Object WHERE name = 'Dan';none|",
        "SELECT city FROM S3Object WHERE name = 'Bob';\"New York, NY\"|",
        "SELECT * FROM S3Object LIMIT 0;''",
    })
    void csvQueries(String sql, String expected) {
        assertEquals(expected, csvQuery(sql));
    }

    @Test
    void jsonRecordsAndPaths() {
        String lines = "{\"id\":1,\"tags\":[\"a\",\"b\"],\"o\":{\"n\":\"x\"}}\n\n{\"id\":2,\"price\":1.25}\n";
        assertEquals("{\"id\":1,\"tags\":[\"a\",\"b\"],\"o\":{\"n\":\"x\"}}|{\"id\":2,\"price\":1.25}|", jsonQuery("SELECT * FROM S3Object", lines, "LINES"));
        assertEquals("{\"n\":\"x\",\"t\":\"b\"}|{}|", jsonQuery("SELECT s.o.n, s.tags[1] AS t FROM S3Object s", lines, "LINES"));
        assertEquals("{\"_1\":2.50}|", jsonQuery("SELECT s.price * 2 FROM S3Object s WHERE s.price IS NOT MISSING", lines, "LINES"));
        String doc = "{\"rows\":[{\"v\":1},{\"v\":2}]} {\"rows\":[{\"v\":3}]}";
        assertEquals("{\"v\":2}|{\"v\":3}|", jsonQuery("SELECT * FROM S3Object[*].rows[*] r WHERE r.v >= 2", doc, "DOCUMENT"));
        assertEquals("{\"_1\":3}|", jsonQuery("SELECT COUNT(*) FROM S3Object[*].rows[*]", doc, "DOCUMENT"));
    }

    @Test
    void csvOptions() {
        SelectRequest.CsvInput semicolons = new SelectRequest.CsvInput("NONE", "#", "\\", "\r\n", ";", "'", true);
        String data = "#comment\r\na;'b;\r\nc';'it\\'s'\r\nx;y\r\n";
        assertEquals("a,\"b;\r\nc\",it's\nx,y\n", run(new SelectRequest("SELECT * FROM S3Object", "SQL", null, semicolons, null, false,
                CSV_OUT, null, false, null, null), data.getBytes(StandardCharsets.UTF_8)));
        SelectRequest.CsvOutput tabs = new SelectRequest.CsvOutput("ALWAYS", "\"", "\n", "\t", "\"");
        assertEquals("\"Alice\"\t\"30\"\n", run(new SelectRequest("SELECT name, age FROM S3Object LIMIT 1", "SQL", null, csv("USE"), null,
                false, tabs, null, false, null, null), PEOPLE.getBytes(StandardCharsets.UTF_8)));
        assertEquals("name\n", run(new SelectRequest("SELECT _1 FROM S3Object LIMIT 1", "SQL", null, csv("NONE"), null, false, CSV_OUT,
                null, false, null, null), PEOPLE.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void gzipAndScanRange() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(PEOPLE.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("Alice\nBob\ncarol\nDan\n", run(new SelectRequest("SELECT name FROM S3Object", "SQL", "GZIP", csv("USE"), null,
                false, CSV_OUT, null, false, null, null), zipped.toByteArray()));
        // records starting at offsets 14 (Alice), 29 (Bob), 51 (carol), 67 (Dan): a range keeps those that start in it
        assertEquals("Bob\ncarol\n", run(new SelectRequest("SELECT name FROM S3Object", "SQL", null, csv("USE"), null, false, CSV_OUT,
                null, false, 15L, 51L), PEOPLE.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "SELECT name FROM S3Object WHERE;ParseExpectedExpression",
        "SELECT name FROM S3Object WHERE WHERE;ParseUnexpectedToken",
        "SELECT name;ParseSelectMissingFrom",
        "SELECT name FROM Other;ParseUnexpectedToken",
        "SELECT name FROM S3Object LIMIT x;ParseUnexpectedToken",
        "SELECT name FROM S3Object WHERE name = 'open;ParseUnexpectedToken",
        "SELECT name FROM S3Object WHERE name ^ 1;LexerInvalidChar",
        "SELECT FOO(name) FROM S3Object;UnsupportedFunction",
        "SELECT name, COUNT(*) FROM S3Object;UnsupportedSyntax",
        "SELECT name FROM S3Object WHERE COUNT(*) > 1;UnsupportedSyntax",
        "SELECT COUNT(SUM(age)) FROM S3Object;UnsupportedSyntax",
        "SELECT CAST(name AS INT) FROM S3Object;CastFailed",
        "SELECT CAST(age AS INT) / 0 FROM S3Object;EvaluatorDivisionByZero",
        "SELECT _0 FROM S3Object;InvalidColumnIndex",
        "SELECT UPPER(1) FROM S3Object;IncorrectSqlFunctionArgumentType",
    })
    void errorsAreS3SelectCodes(String sql, String code) {
        AwsException e = assertThrows(AwsException.class, () -> csvQuery(sql));
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(400, e.status());
    }

    @Test
    void recordsAreBoundedAsInS3() {
        byte[] huge = ("a\n" + "x".repeat(RecordSplitter.MAX_RECORD + 1) + "\n").getBytes(StandardCharsets.UTF_8);
        AwsException e = assertThrows(AwsException.class, () -> run(new SelectRequest("SELECT * FROM S3Object", "SQL", null,
                csv("USE"), null, false, CSV_OUT, null, false, null, null), huge));
        assertEquals("OverMaxRecordSize", e.code());
        byte[] bigDocument = ("{\"a\":\"" + "y".repeat(17 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals("OverMaxRecordSize", assertThrows(AwsException.class, () -> run(new SelectRequest("SELECT * FROM S3Object", "SQL",
                null, null, "DOCUMENT", false, CSV_OUT, null, false, null, null), bigDocument)).code());
    }

    @Test
    void requestsAreCheckedBeforeRunning() {
        assertEquals("InvalidExpressionType", assertThrows(AwsException.class, () -> SelectEngine.prepare(new SelectRequest(
                "SELECT * FROM S3Object", "XPATH", null, csv("USE"), null, false, CSV_OUT, null, false, null, null))).code());
        assertEquals("InvalidFileHeaderInfo", assertThrows(AwsException.class, () -> SelectEngine.prepare(new SelectRequest(
                "SELECT * FROM S3Object", "SQL", null, csv("SOME"), null, false, CSV_OUT, null, false, null, null))).code());
        assertEquals("InvalidJsonType", assertThrows(AwsException.class, () -> SelectEngine.prepare(new SelectRequest(
                "SELECT * FROM S3Object", "SQL", null, null, "TREE", false, CSV_OUT, null, false, null, null))).code());
        assertEquals("InvalidQuoteFields", assertThrows(AwsException.class, () -> SelectEngine.prepare(new SelectRequest(
                "SELECT * FROM S3Object", "SQL", null, csv("USE"), null, false,
                new SelectRequest.CsvOutput("SOMETIMES", "\"", "\n", ",", "\""), null, false, null, null))).code());
        assertEquals("InvalidCompressionFormat", assertThrows(AwsException.class, () -> SelectEngine.prepare(new SelectRequest(
                "SELECT * FROM S3Object", "SQL", "ZIP", csv("USE"), null, false, CSV_OUT, null, false, null, null))).code());
        assertEquals(501, assertThrows(AwsException.class, () -> SelectEngine.prepare(new SelectRequest(
                "SELECT * FROM S3Object", "SQL", "BZIP2", csv("USE"), null, false, CSV_OUT, null, false, null, null))).status());
        assertEquals("InvalidRequestParameter", assertThrows(AwsException.class, () -> SelectEngine.prepare(new SelectRequest(
                "SELECT * FROM S3Object", "SQL", "GZIP", csv("USE"), null, false, CSV_OUT, null, false, 0L, 10L))).code());
        assertEquals("ObjectSerializationConflict", assertThrows(AwsException.class, () -> SelectEngine.prepare(new SelectRequest(
                "SELECT * FROM S3Object", "SQL", null, csv("USE"), "LINES", false, CSV_OUT, null, false, null, null))).code());
        assertEquals("MissingRequiredParameter", assertThrows(AwsException.class, () -> SelectEngine.prepare(new SelectRequest(
                "SELECT * FROM S3Object", "SQL", null, csv("USE"), null, false, null, null, false, null, null))).code());
    }
}
