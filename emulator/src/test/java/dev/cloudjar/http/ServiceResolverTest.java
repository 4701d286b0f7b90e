package dev.cloudjar.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cloudjar.protocol.Headers;
import dev.cloudjar.protocol.Protocol;
import dev.cloudjar.protocol.QueryString;
import dev.cloudjar.protocol.ServiceId;
import dev.cloudjar.protocol.auth.Credential;
import dev.cloudjar.protocol.auth.SignatureParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceResolverTest {
    private final ServiceResolver resolver = new ServiceResolver();

    private Route resolve(String method, String path, String query, String... headerPairs) {
        Headers headers = new Headers();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(headerPairs[i], headerPairs[i + 1]);
        }
        Map<String, List<String>> params = QueryString.parse(query);
        return resolver.resolve(method, path, headers, params, SignatureParser.parse(headers, params));
    }

    private static String auth(String service) {
        return "AWS4-HMAC-SHA256 Credential=AKID/20261121/eu-west-1/" + service + "/aws4_request, SignedHeaders=host, Signature=abc";
    }

    @Test
    void targetHeaderPicksJsonServices() {
        assertEquals(ServiceId.DYNAMODB, resolve("POST", "/", "", "X-Amz-Target", "DynamoDB_20120810.PutItem").service());
        Route streams = resolve("POST", "/", "", "X-Amz-Target", "DynamoDBStreams_20120810.ListStreams", "Authorization", auth("dynamodb"));
        assertEquals(ServiceId.DYNAMODB_STREAMS, streams.service());
        assertEquals("ListStreams", streams.target());
        Route sqs = resolve("POST", "/000000000000/q", "", "X-Amz-Target", "AmazonSQS.SendMessage");
        assertEquals(ServiceId.SQS, sqs.service());
        assertEquals(Protocol.JSON, sqs.protocol());
        Route events = resolve("POST", "/", "", "X-Amz-Target", "AWSEvents.PutRule", "Authorization", auth("events"));
        assertEquals(ServiceId.EVENTBRIDGE, events.service());
        assertEquals("PutRule", events.target());
        Route scheduler = resolve("GET", "/schedules/nightly", "", "Authorization", auth("scheduler"));
        assertEquals(ServiceId.SCHEDULER, scheduler.service());
        assertEquals(Protocol.REST_JSON, scheduler.protocol());
        Route logs = resolve("POST", "/", "", "X-Amz-Target", "Logs_20140328.PutLogEvents", "Authorization", auth("logs"));
        assertEquals(ServiceId.LOGS, logs.service());
        assertEquals("PutLogEvents", logs.target());
        Route kinesis = resolve("POST", "/", "", "X-Amz-Target", "Kinesis_20131202.PutRecord", "Authorization", auth("kinesis"));
        assertEquals(ServiceId.KINESIS, kinesis.service());
        assertEquals("PutRecord", kinesis.target());
    }

    @Test
    void formPostsNeedTheirBodyThenGoByVersion() {
        assertNull(resolve("POST", "/", "", "Content-Type", "application/x-www-form-urlencoded; charset=utf-8"));
        Map<String, List<String>> form = QueryString.parse("Action=Publish&Version=2010-03-31");
        assertEquals(ServiceId.SNS, resolver.resolveForm("/", form, null).service());
        assertEquals(ServiceId.STS, resolver.resolveForm("/", QueryString.parse("Action=GetCallerIdentity&Version=2011-06-15"), null).service());
        assertEquals(ServiceId.SQS, resolver.resolveForm("/", QueryString.parse("Action=SendMessage&Version=2012-11-05"), null).service());
        assertEquals(ServiceId.IAM, resolver.resolveForm("/", QueryString.parse("Action=CreateRole&Version=2010-05-08"), null).service());
        Credential iam = new Credential("AKID", "20261121", "us-east-1", "iam", Credential.SignatureKind.SIGV4_HEADER);
        assertEquals(ServiceId.IAM, resolver.resolveForm("/", QueryString.parse("Action=ListRoles"), iam).service());
        Credential sns = new Credential("AKID", "20261121", "us-east-1", "sns", Credential.SignatureKind.SIGV4_HEADER);
        assertEquals(ServiceId.SNS, resolver.resolveForm("/", QueryString.parse("Action=TagResource"), sns).service());
    }

    @Test
    void apiGatewayBySigningNameAndInvokeUrlsByHostOrPath() {
        assertEquals(ServiceId.APIGATEWAY, resolve("POST", "/restapis", "", "Authorization", auth("apigateway")).service());
        assertEquals(ServiceId.APIGATEWAY, resolve("GET", "/v2/apis", "", "Authorization", auth("apigateway")).service());
        Route byHost = resolve("GET", "/prod/hello", "", "Host", "abc123defg.execute-api.localhost:4566");
        assertEquals(ServiceId.EXECUTE_API, byHost.service());
        assertEquals(ServiceId.EXECUTE_API, resolve("POST", "/_aws/execute-api/abc123defg/prod/hello", "").service());
        // an invoke request may carry the API's own Authorization header: it is not SigV4 and not S3's
        assertEquals(ServiceId.EXECUTE_API, resolve("GET", "/prod/x", "", "Host", "abc.execute-api.localhost",
                "Authorization", "Bearer token").service());
        assertEquals(ServiceId.S3, resolve("GET", "/prod/hello", "", "Host", "execute-api.localhost").service());
    }

    @Test
    void unsignedConfirmSubscriptionGoesToSns() {
        Route route = resolve("GET", "/", "Action=ConfirmSubscription&TopicArn=arn&Token=t");
        assertEquals(ServiceId.SNS, route.service());
        assertEquals("ConfirmSubscription", route.target());
    }

    @Test
    void lambdaPathsUnlessSignedForS3() {
        assertEquals(ServiceId.LAMBDA, resolve("GET", "/2015-03-31/functions/", "", "Authorization", auth("lambda")).service());
        assertEquals(ServiceId.LAMBDA, resolve("POST", "/2015-03-31/functions/f/invocations", "").service());
        assertEquals(ServiceId.S3, resolve("GET", "/2015-03-31/functions", "", "Authorization", auth("s3")).service());
    }

    @Test
    void onlyListDirectoryBucketsOfS3ExpressIsS3() {
        assertEquals(ServiceId.S3, resolve("GET", "/", "", "Authorization", auth("s3express")).service());
        assertEquals(ServiceId.S3, resolve("GET", "/", "max-directory-buckets=5", "Authorization", auth("s3express")).service());
        assertEquals(ServiceId.UNSUPPORTED, resolve("PUT", "/dir--use1-az4--x-s3", "", "Authorization", auth("s3express")).service());
        assertEquals(ServiceId.UNSUPPORTED, resolve("GET", "/dir--use1-az4--x-s3/key", "", "Authorization", auth("s3express")).service());
    }

    @Test
    void everythingElseIsS3AndControlIsOurs() {
        assertEquals(ServiceId.S3, resolve("PUT", "/bucket/key", "").service());
        assertEquals(ServiceId.S3, resolve("GET", "/", "").service());
        assertEquals(ServiceId.CONTROL, resolve("GET", "/_cloudjar/health", "").service());
    }

    @Test
    void signatureParserReadsRegionAndServiceFromEveryForm() {
        Headers headers = new Headers();
        headers.add("authorization", auth("sqs"));
        Credential header = SignatureParser.parse(headers, Map.of());
        assertEquals("eu-west-1", header.region());
        assertEquals("sqs", header.service());
        Credential presigned = SignatureParser.parse(new Headers(),
                QueryString.parse("X-Amz-Credential=AKID%2F20261121%2Fus-west-2%2Fs3%2Faws4_request&X-Amz-Expires=60"));
        assertEquals("us-west-2", presigned.region());
        Credential v2 = SignatureParser.parse(new Headers(), QueryString.parse("AWSAccessKeyId=AKID&Signature=x&Expires=1"));
        assertEquals("AKID", v2.accessKey());
        assertNull(v2.region());
    }
}
