package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CloudJarExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CSVInput;
import software.amazon.awssdk.services.s3.model.CSVOutput;
import software.amazon.awssdk.services.s3.model.ExpressionType;
import software.amazon.awssdk.services.s3.model.FileHeaderInfo;
import software.amazon.awssdk.services.s3.model.InputSerialization;
import software.amazon.awssdk.services.s3.model.JSONInput;
import software.amazon.awssdk.services.s3.model.JSONOutput;
import software.amazon.awssdk.services.s3.model.JSONType;
import software.amazon.awssdk.services.s3.model.OutputSerialization;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.SelectObjectContentEventStream;
import software.amazon.awssdk.services.s3.model.SelectObjectContentRequest;
import software.amazon.awssdk.services.s3.model.SelectObjectContentResponseHandler;
import software.amazon.awssdk.services.s3.model.Stats;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** S3 Select through the SDK v2's S3AsyncClient.selectObjectContent, which checks every event-stream CRC. */
@ExtendWith(CloudJarExtension.class)
class S3SelectIT {
    private static final String CSV = "id,name,score\n1,ann,7.5\n2,bo,9\n3,\"c, d\",4\n";

    private record Result(String records, Stats stats, List<String> events) {
    }

    private static Result select(CloudJar cloudJar, String key, String sql, InputSerialization in, OutputSerialization out,
            Consumer<SelectObjectContentRequest.Builder> more) {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        Stats[] stats = new Stats[1];
        List<String> events = new ArrayList<>();
        SelectObjectContentRequest.Builder request = SelectObjectContentRequest.builder().bucket("selects").key(key).expression(sql)
                .expressionType(ExpressionType.SQL).inputSerialization(in).outputSerialization(out);
        more.accept(request);
        SelectObjectContentResponseHandler handler = SelectObjectContentResponseHandler.builder()
                .subscriber(SelectObjectContentResponseHandler.Visitor.builder()
                        .onRecords(r -> records.writeBytes(r.payload().asByteArray()))
                        .onStats(s -> stats[0] = s.details())
                        .onEnd(e -> events.add("End"))
                        .onProgress(p -> events.add("Progress"))
                        .onDefault((SelectObjectContentEventStream e) -> events.add(e.sdkEventType().toString()))
                        .build())
                .build();
        try (S3AsyncClient async = CloudJarExtension.client(S3AsyncClient.builder(), cloudJar).forcePathStyle(true).build()) {
            async.selectObjectContent(request.build(), handler).join();
        }
        return new Result(records.toString(StandardCharsets.UTF_8), stats[0], events);
    }

    private static InputSerialization csv(FileHeaderInfo header) {
        return InputSerialization.builder().csv(CSVInput.builder().fileHeaderInfo(header).build()).build();
    }

    private static final OutputSerialization CSV_OUT = OutputSerialization.builder().csv(CSVOutput.builder().build()).build();
    private static final OutputSerialization JSON_OUT = OutputSerialization.builder().json(JSONOutput.builder().build()).build();

    @Test
    void csvAndJsonQueriesStreamRecordsStatsAndEnd(CloudJar cloudJar, S3Client s3) {
        s3.createBucket(b -> b.bucket("selects"));
        s3.putObject(b -> b.bucket("selects").key("scores.csv"), RequestBody.fromString(CSV));
        Result all = select(cloudJar, "scores.csv", "SELECT * FROM S3Object", csv(FileHeaderInfo.USE), CSV_OUT, r -> { });
        assertEquals("1,ann,7.5\n2,bo,9\n3,\"c, d\",4\n", all.records());
        assertEquals(CSV.length(), all.stats().bytesScanned());
        assertEquals(CSV.length(), all.stats().bytesProcessed());
        assertEquals(all.records().length(), all.stats().bytesReturned());
        assertEquals(List.of("End"), all.events());

        Result json = select(cloudJar, "scores.csv", "SELECT s.name, CAST(s.score AS FLOAT) * 2 AS doubled FROM S3Object s "
                + "WHERE CAST(s.score AS FLOAT) >= 7 AND NOT s.name = 'zed'", csv(FileHeaderInfo.USE), JSON_OUT, r -> { });
        assertEquals("{\"name\":\"ann\",\"doubled\":15.0}\n{\"name\":\"bo\",\"doubled\":18}\n", json.records());

        Result count = select(cloudJar, "scores.csv", "SELECT COUNT(*) AS n, MAX(CAST(_3 AS FLOAT)) FROM S3Object",
                csv(FileHeaderInfo.IGNORE), JSON_OUT, r -> r.requestProgress(p -> p.enabled(true)));
        assertEquals("{\"n\":3,\"_2\":9}\n", count.records());
        assertTrue(count.events().contains("Progress"), count.events().toString());

        s3.putObject(b -> b.bucket("selects").key("rows.json"), RequestBody.fromString("{\"a\":{\"b\":[10,20]},\"t\":\"x\"}\n{\"a\":{\"b\":[30]}}\n"));
        Result lines = select(cloudJar, "rows.json", "SELECT s.a.b[1] AS second, s.t FROM S3Object s",
                InputSerialization.builder().json(JSONInput.builder().type(JSONType.LINES).build()).build(), CSV_OUT, r -> { });
        assertEquals("20,x\n,\n", lines.records());
    }

    @Test
    void badRequestsAreS3SelectErrors(CloudJar cloudJar, S3Client s3) {
        s3.createBucket(b -> b.bucket("selects"));
        s3.putObject(b -> b.bucket("selects").key("scores.csv"), RequestBody.fromString(CSV));
        s3.putObject(b -> b.bucket("selects").key("cold.csv").storageClass(StorageClass.GLACIER), RequestBody.fromString(CSV));
        assertSelectError(cloudJar, 400, "ParseUnexpectedToken", "scores.csv", "SELECT FROM FROM S3Object");
        assertSelectError(cloudJar, 400, "ParseSelectMissingFrom", "scores.csv", "SELECT *");
        assertSelectError(cloudJar, 400, "UnsupportedFunction", "scores.csv", "SELECT NOPE(_1) FROM S3Object");
        assertSelectError(cloudJar, 403, "InvalidObjectState", "cold.csv", "SELECT * FROM S3Object");
        assertSelectError(cloudJar, 404, "NoSuchKey", "missing.csv", "SELECT * FROM S3Object");
    }

    private static void assertSelectError(CloudJar cloudJar, int status, String code, String key, String sql) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> select(cloudJar, key, sql, csv(FileHeaderInfo.USE), CSV_OUT, r -> { }));
        S3Exception s3 = (S3Exception) e.getCause();
        assertEquals(status, s3.statusCode(), s3.getMessage());
        assertEquals(code, s3.awsErrorDetails().errorCode(), s3.getMessage());
    }
}
