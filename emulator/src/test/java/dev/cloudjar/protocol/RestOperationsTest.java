package dev.cloudjar.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RestOperationsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "s3|GET|/||ListBuckets",
            "s3|PUT|/b||CreateBucket",
            "s3|GET|/b||ListObjects",
            "s3|GET|/b|list-type=2|ListObjectsV2",
            "s3|GET|/b|location|GetBucketLocation",
            "s3|PUT|/b|notification|PutBucketNotificationConfiguration",
            "s3|PUT|/b/k||PutObject",
            "s3|PUT|/b/a/b/c.txt||PutObject",
            "s3|PUT|/b/k|partNumber=1&uploadId=u|UploadPart",
            "s3|POST|/b/k|uploads|CreateMultipartUpload",
            "s3|POST|/b/k|uploadId=u|CompleteMultipartUpload",
            "s3|DELETE|/b/k|uploadId=u|AbortMultipartUpload",
            "s3|HEAD|/b/k||HeadObject",
            "s3|POST|/b|delete|DeleteObjects",
            "lambda|POST|/2015-03-31/functions||CreateFunction",
            "lambda|GET|/2015-03-31/functions/f||GetFunction",
            "lambda|GET|/2015-03-31/functions/f/configuration||GetFunctionConfiguration",
            "lambda|POST|/2015-03-31/functions/f/invocations||Invoke",
            "lambda|POST|/2015-03-31/event-source-mappings/||CreateEventSourceMapping",
    })
    void namesTheOperationOfAPath(String service, String method, String path, String query, String expected) {
        assertEquals(expected, RestOperations.of(service).name(method, path, QueryString.parse(query == null ? "" : query), new Headers()));
    }

    @Test
    void aRequiredHeaderTellsCopiesFromPuts() {
        Headers headers = new Headers();
        headers.add("x-amz-copy-source", "/src/key");
        assertEquals("CopyObject", RestOperations.of("s3").name("PUT", "/b/k", Map.of(), headers));
        assertEquals("UploadPartCopy", RestOperations.of("s3").name("PUT", "/b/k",
                QueryString.parse("partNumber=2&uploadId=u"), headers));
    }

    @Test
    void unknownPathsAndServicesNameNothing() {
        assertNull(RestOperations.of("lambda").name("GET", "/nowhere/at/all", Map.of(), new Headers()));
        assertNull(RestOperations.of("no-such-service").name("GET", "/", Map.of(), new Headers()));
    }
}
