package dev.cloudjar.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A seeded generator of hostile requests for every protocol CloudJar speaks: AWS JSON 1.0/1.1, Query,
 * S3's REST-XML (with aws-chunked and multipart bodies), Lambda's REST-JSON, the control API, and raw
 * HTTP that no client library would send. Shapes are close enough to real operations to get past the
 * first check (known targets, actions, bucket and function names) and then break somewhere deeper:
 * wrong types, truncation, invalid UTF-8, huge or deeply nested values, XXE, zip slip, path traversal.
 */
public final class RequestFuzzer {
    /** One request as bytes on the wire; {@code halfClose} ends the body early so a short body meets EOF, not a timeout. */
    public record FuzzRequest(String category, byte[] wire, boolean halfClose) {
        public String describe() {
            String text = new String(wire, 0, Math.min(wire.length, 600), StandardCharsets.ISO_8859_1);
            return category + (halfClose ? " (half-closed)" : "") + ":\n" + text.replace("\r", "\\r") + (wire.length > 600 ? "..." : "");
        }
    }

    static final String[] DYNAMODB_OPS = {"PutItem", "GetItem", "UpdateItem", "DeleteItem", "Query", "Scan", "CreateTable",
            "DescribeTable", "DeleteTable", "BatchWriteItem", "BatchGetItem", "TransactWriteItems", "TransactGetItems",
            "UpdateTable", "ListTables", "ExecuteStatement", "UpdateTimeToLive", "TagResource", "NoSuchOperation", ""};
    static final String[] SQS_OPS = {"SendMessage", "ReceiveMessage", "DeleteMessage", "CreateQueue", "GetQueueUrl",
            "SetQueueAttributes", "GetQueueAttributes", "SendMessageBatch", "ChangeMessageVisibility", "PurgeQueue", "ListQueues"};
    static final String[] STREAMS_OPS = {"DescribeStream", "GetShardIterator", "GetRecords", "ListStreams"};
    static final String[] QUERY_ACTIONS = {"Publish", "Subscribe", "CreateTopic", "SetSubscriptionAttributes", "PublishBatch",
            "ConfirmSubscription", "SendMessage", "ReceiveMessage", "CreateQueue", "CreateRole", "PutRolePolicy",
            "CreatePolicy", "AssumeRole", "GetCallerIdentity", "GetSessionToken", "ListRoles", "Bogus"};
    static final String[] QUERY_VERSIONS = {"2010-03-31", "2012-11-05", "2010-05-08", "2011-06-15", "1999-01-01", ""};
    static final String[] QUERY_PARAMS = {"TopicArn", "Message", "Subject", "MessageStructure", "QueueUrl", "QueueName",
            "MessageBody", "DelaySeconds", "MaxNumberOfMessages", "WaitTimeSeconds", "RoleName", "AssumeRolePolicyDocument",
            "PolicyDocument", "PolicyName", "RoleArn", "RoleSessionName", "DurationSeconds", "Protocol", "Endpoint",
            "Attributes.entry.1.key", "Attributes.entry.1.value", "MessageAttributes.entry.1.Name",
            "MessageAttributes.entry.1.Value.DataType", "MessageAttribute.1.Value.StringValue", "Attribute.1.Name",
            "PublishBatchRequestEntries.member.1.Id", "PublishBatchRequestEntries.member.1.Message", "Name", "Tags.member.1.Key"};
    static final String[] S3_SUBRESOURCES = {"", "tagging", "cors", "notification", "uploads", "versioning", "versions",
            "location", "acl", "policy", "delete", "list-type=2", "uploadId=nope", "partNumber=1&uploadId=nope",
            "partNumber=-1&uploadId=x", "max-keys=-5", "max-keys=abc", "encoding-type=bogus", "prefix=%ff", "delimiter=",
            "continuation-token=%%%", "start-after=a", "lifecycle", "website", "select&select-type=2", "attributes",
            "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=x&X-Amz-Date=bad&X-Amz-Expires=-1&X-Amz-Signature=00"};
    static final String[] LAMBDA_SUFFIXES = {"", "/%s", "/%s/invocations", "/%s/configuration", "/%s/versions", "/%s/aliases",
            "/%s/aliases/live", "/%s/policy", "/%s/concurrency", "/%s/code", "/%s/event-invoke-config", "/%s/policy/sid"};

    private final Random random;
    private final String host;
    private final String[] buckets;
    private final String[] functions;
    private final String[] tables;
    private final String[] queueUrls;

    public RequestFuzzer(long seed, String host, String[] buckets, String[] functions, String[] tables, String[] queueUrls) {
        this.random = new Random(seed);
        this.host = host;
        this.buckets = buckets;
        this.functions = functions;
        this.tables = tables;
        this.queueUrls = queueUrls;
    }

    public FuzzRequest next() {
        switch (random.nextInt(10)) {
            case 0: return json("dynamodb", "DynamoDB_20120810." + pick(DYNAMODB_OPS), "application/x-amz-json-1.0", dynamoBody());
            case 1: return json("sqs-json", "AmazonSQS." + pick(SQS_OPS), "application/x-amz-json-1.0", sqsBody());
            case 2: return json("streams", "DynamoDBStreams_20120810." + pick(STREAMS_OPS), "application/x-amz-json-1.0", jsonValue(4).getBytes(StandardCharsets.UTF_8));
            case 3: return query();
            case 4: case 5: return s3();
            case 6: return lambda();
            case 7: return awsChunked();
            case 8: return random.nextBoolean() ? control() : multipartForm();
            default: return httpGarbage();
        }
    }

    // ---- protocols -------------------------------------------------------------------------------------

    private FuzzRequest json(String category, String target, String type, byte[] body) {
        List<String> headers = new ArrayList<>(List.of("X-Amz-Target: " + target, "Content-Type: " + (random.nextInt(8) == 0 ? pick(
                new String[] {"text/plain", "application/json", "application/x-amz-json-1.1", "", "application/x-www-form-urlencoded"}) : type)));
        maybeAuthorization(headers, random.nextBoolean() ? "dynamodb" : "sqs");
        return request(category, "POST", "/", headers, mutate(body));
    }

    private byte[] dynamoBody() {
        String table = pick(tables);
        String item = "{\"pk\":" + attribute() + ",\"sk\":" + attribute() + ",\"" + word() + "\":" + attribute() + "}";
        String[] shapes = {
            "{\"TableName\":\"" + table + "\",\"Item\":" + item + "}",
            "{\"TableName\":\"" + table + "\",\"Key\":" + item + ",\"ProjectionExpression\":\"" + expression() + "\"}",
            "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":" + attribute() + "},\"UpdateExpression\":\"" + expression()
                    + "\",\"ExpressionAttributeValues\":{\":v\":" + attribute() + "},\"ConditionExpression\":\"" + expression() + "\"}",
            "{\"TableName\":\"" + table + "\",\"KeyConditionExpression\":\"" + expression() + "\",\"Limit\":" + number() + "}",
            "{\"TableName\":\"" + table + "\",\"FilterExpression\":\"" + expression() + "\",\"Segment\":" + number() + ",\"TotalSegments\":" + number() + "}",
            "{\"RequestItems\":{\"" + table + "\":[{\"PutRequest\":{\"Item\":" + item + "}}]}}",
            "{\"TransactItems\":[{\"Put\":{\"TableName\":\"" + table + "\",\"Item\":" + item + "}},{\"Update\":" + jsonValue(3) + "}]}",
            "{\"Statement\":\"" + escape(pick(new String[] {"SELECT * FROM " + table, "INSERT INTO " + table + " VALUE {'pk':1}", "UPDATE x SET", word()})) + "\"}",
            "{\"TableName\":\"" + word() + "\",\"KeySchema\":" + jsonValue(3) + ",\"AttributeDefinitions\":" + jsonValue(3) + ",\"BillingMode\":\"PAY_PER_REQUEST\"}",
            jsonValue(5),
        };
        return pick(shapes).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sqsBody() {
        String[] shapes = {
            "{\"QueueUrl\":\"" + pick(queueUrls) + "\",\"MessageBody\":\"" + escape(text()) + "\",\"DelaySeconds\":" + number()
                    + ",\"MessageAttributes\":{\"" + word() + "\":{\"DataType\":\"" + pick(new String[] {"String", "Number", "Binary", "Bogus"})
                    + "\",\"StringValue\":\"" + escape(text()) + "\"}}}",
            "{\"QueueUrl\":\"" + pick(queueUrls) + "\",\"MaxNumberOfMessages\":" + number() + ",\"WaitTimeSeconds\":" + random.nextInt(2)
                    + ",\"VisibilityTimeout\":" + number() + "}",
            "{\"QueueUrl\":\"" + pick(queueUrls) + "\",\"ReceiptHandle\":\"" + escape(text()) + "\"}",
            "{\"QueueName\":\"" + escape(word()) + "\",\"Attributes\":{\"" + pick(new String[] {"FifoQueue", "RedrivePolicy", "VisibilityTimeout", "Policy"})
                    + "\":\"" + escape(text()) + "\"}}",
            "{\"QueueUrl\":\"" + pick(queueUrls) + "\",\"Entries\":" + jsonValue(3) + "}",
            jsonValue(5),
        };
        return pick(shapes).getBytes(StandardCharsets.UTF_8);
    }

    private FuzzRequest query() {
        StringBuilder form = new StringBuilder();
        form.append("Action=").append(pick(QUERY_ACTIONS));
        if (random.nextInt(4) != 0) {
            form.append("&Version=").append(pick(QUERY_VERSIONS));
        }
        int params = random.nextInt(6);
        for (int i = 0; i < params; i++) {
            String value = random.nextInt(5) == 0 ? jsonValue(3) : text();
            form.append('&').append(pick(QUERY_PARAMS)).append('=').append(random.nextInt(6) == 0 ? rawPercent() : urlEncode(value));
        }
        List<String> headers = new ArrayList<>(List.of("Content-Type: application/x-www-form-urlencoded"));
        maybeAuthorization(headers, pick(new String[] {"sns", "sqs", "iam", "sts"}));
        String path = random.nextInt(4) == 0 ? "/000000000000/" + word() : "/";
        if (random.nextInt(5) == 0) {
            return request("query-get", "GET", path + "?" + form, headers, new byte[0]);
        }
        return request("query", "POST", path, headers, mutate(form.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private FuzzRequest s3() {
        String method = pick(new String[] {"GET", "PUT", "POST", "DELETE", "HEAD", "OPTIONS", "PATCH", "PUT", "GET"});
        String bucket = random.nextInt(5) == 0 ? pick(new String[] {"", "A", "-bad-", "a..b", "x".repeat(70), "%2e%2e", "_cloudjar"}) : pick(buckets);
        StringBuilder path = new StringBuilder("/").append(bucket);
        if (random.nextBoolean()) {
            path.append('/').append(key());
        }
        String sub = pick(S3_SUBRESOURCES);
        if (!sub.isEmpty()) {
            path.append('?').append(sub);
        }
        List<String> headers = new ArrayList<>();
        int extra = random.nextInt(4);
        for (int i = 0; i < extra; i++) {
            headers.add(pick(new String[] {
                "x-amz-copy-source: " + pick(new String[] {"/" + pick(buckets) + "/" + key(), "nobucket", "/%ff/%00", "/" + pick(buckets) + "/k?versionId=x"}),
                "Range: " + pick(new String[] {"bytes=0-0", "bytes=5-1", "bytes=-0", "bytes=abc", "lines=1-2", "bytes=0-1,3-4", "bytes=99999999999999999999-"}),
                "x-amz-content-sha256: " + pick(new String[] {"UNSIGNED-PAYLOAD", "0000", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "z".repeat(64)}),
                "Content-MD5: " + pick(new String[] {"bogus", "1B2M2Y8AsgTpgAmY7PhCfg==", "", "%%%"}),
                "x-amz-checksum-crc32: " + pick(new String[] {"AAAAAA==", "bogus", ""}),
                "x-amz-checksum-sha256: " + pick(new String[] {"bogus", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="}),
                "If-Match: " + text(), "If-None-Match: *", "If-Modified-Since: " + text(),
                "x-amz-meta-" + word() + ": " + text(), "x-amz-tagging: " + text(), "x-amz-storage-class: " + word(),
                "x-amz-metadata-directive: " + pick(new String[] {"COPY", "REPLACE", "BOGUS"}),
                "Expect: " + pick(new String[] {"100-continue", "bogus"}), "Content-Type: " + text(),
                "Origin: http://evil.example", "x-amz-decoded-content-length: " + number(),
            }));
        }
        maybeAuthorization(headers, "s3");
        byte[] body = "PUT".equals(method) || "POST".equals(method) ? s3Body(sub) : new byte[0];
        return request("s3", method, path.toString(), headers, mutate(body));
    }

    private byte[] s3Body(String sub) {
        String xml;
        switch (sub) {
            case "tagging" -> xml = "<Tagging><TagSet><Tag><Key>" + xmlText() + "</Key><Value>" + xmlText() + "</Value></Tag></TagSet></Tagging>";
            case "cors" -> xml = "<CORSConfiguration><CORSRule><AllowedOrigin>" + xmlText() + "</AllowedOrigin><AllowedMethod>"
                    + pick(new String[] {"GET", "BOGUS"}) + "</AllowedMethod><MaxAgeSeconds>" + number() + "</MaxAgeSeconds></CORSRule></CORSConfiguration>";
            case "notification" -> xml = "<NotificationConfiguration><QueueConfiguration><Queue>" + xmlText() + "</Queue><Event>"
                    + pick(new String[] {"s3:ObjectCreated:*", "s3:Bogus"}) + "</Event></QueueConfiguration></NotificationConfiguration>";
            case "delete" -> xml = "<Delete><Object><Key>" + xmlText() + "</Key></Object><Quiet>" + pick(new String[] {"true", "maybe"}) + "</Quiet></Delete>";
            default -> {
                return random.nextInt(3) == 0 ? hostileXml().getBytes(StandardCharsets.UTF_8) : bytes(random.nextInt(2048));
            }
        }
        return (random.nextInt(4) == 0 ? hostileXml() : xml).getBytes(StandardCharsets.UTF_8);
    }

    private String hostileXml() {
        return pick(new String[] {
            "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Tagging><TagSet><Tag><Key>&x;</Key><Value>v</Value></Tag></TagSet></Tagging>",
            "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                    + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]><Delete><Object><Key>&e;</Key></Object></Delete>",
            "<a>".repeat(20_000) + "</a>".repeat(20_000),
            "<Delete><Object><Key>" + "k".repeat(5000) + "</Key></Object>",
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?><Tagging/>",
            "\u0000\u0001<Tagging>",
            "<Tagging xmlns:x=\"urn:x\"><x:TagSet/></Tagging>",
        });
    }

    private FuzzRequest lambda() {
        String fn = random.nextInt(4) == 0 ? pick(new String[] {"..%2F..%2Fetc", "%00", "a".repeat(200), "arn:aws:lambda:us-east-1:000000000000:function:" + pick(functions),
                "java.lang.System", pick(functions) + ":%24LATEST", pick(functions) + ":nope"}) : pick(functions);
        String root = pick(new String[] {"/2015-03-31/functions", "/2015-03-31/functions", "/2015-03-31/event-source-mappings", "/2018-10-31/layers",
                "/2017-03-31/tags", "/2019-09-25/functions", "/2016-08-19/account-settings"});
        String path = root + String.format(pick(LAMBDA_SUFFIXES), fn);
        if (random.nextInt(4) == 0) {
            path += "?" + pick(new String[] {"Qualifier=%24LATEST", "Qualifier=", "MaxItems=-1", "Marker=%%", "FunctionVersion=ALL"});
        }
        String method = pick(new String[] {"GET", "POST", "PUT", "DELETE", "POST"});
        List<String> headers = new ArrayList<>(List.of("Content-Type: " + (random.nextInt(6) == 0 ? "text/plain" : "application/json")));
        if (random.nextInt(3) == 0) {
            headers.add("X-Amz-Invocation-Type: " + pick(new String[] {"Event", "DryRun", "RequestResponse", "Bogus"}));
            headers.add("X-Amz-Log-Type: " + pick(new String[] {"Tail", "None", "x"}));
        }
        if (random.nextInt(6) == 0) {
            headers.add("X-Amz-Client-Context: " + pick(new String[] {"%%%", Base64.getEncoder().encodeToString(jsonValue(3).getBytes(StandardCharsets.UTF_8))}));
        }
        maybeAuthorization(headers, "lambda");
        byte[] body = "GET".equals(method) || "DELETE".equals(method) ? new byte[0] : lambdaBody();
        return request("lambda", method, path, headers, mutate(body));
    }

    private byte[] lambdaBody() {
        String[] shapes = {
            "{\"FunctionName\":\"fz-" + word() + "\",\"Runtime\":\"" + pick(new String[] {"java17", "java21", "python3.12", "nodejs20.x", "bogus"})
                    + "\",\"Role\":\"arn:aws:iam::000000000000:role/r\",\"Handler\":\"" + pick(new String[] {"java.lang.System::exit",
                    "java.lang.Runtime::halt", "java.lang.System::getProperties", "dev.cloudjar.CloudJar::close", "x.Y::z", "../../x::y", ""})
                    + "\",\"Code\":{\"ZipFile\":\"" + Base64.getEncoder().encodeToString(hostileZip()) + "\"},\"Timeout\":" + number()
                    + ",\"MemorySize\":" + number() + "}",
            jsonValue(4),
            "{\"EventSourceArn\":\"" + escape(text()) + "\",\"FunctionName\":\"" + pick(functions) + "\",\"BatchSize\":" + number() + "}",
            "{\"Name\":\"" + escape(word()) + "\",\"FunctionVersion\":\"" + escape(text()) + "\"}",
            "{\"StatementId\":\"" + escape(word()) + "\",\"Action\":\"lambda:InvokeFunction\",\"Principal\":\"" + escape(text()) + "\"}",
            "{\"Content\":{\"ZipFile\":\"" + Base64.getEncoder().encodeToString(hostileZip()) + "\"}}",
        };
        return pick(shapes).getBytes(StandardCharsets.UTF_8);
    }

    /** Zips that must never write outside their folder or break the unpacker: slip entries, absolute names, bombs. */
    private byte[] hostileZip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            String name = pick(new String[] {"../../../../tmp/cloudjar-fuzz-slip.txt", "/tmp/cloudjar-fuzz-abs.txt", "a/../../b.class",
                    "lib/x.jar", "Handler.class", "..\\..\\win.txt", "ok.txt"});
            zip.putNextEntry(new ZipEntry(name));
            zip.write(random.nextInt(5) == 0 ? new byte[200_000] : bytes(64));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] zip = out.toByteArray();
        return random.nextInt(5) == 0 ? java.util.Arrays.copyOf(zip, zip.length / 2) : zip;
    }

    private FuzzRequest awsChunked() {
        String key = "/" + pick(buckets) + "/" + key();
        StringBuilder body = new StringBuilder();
        int chunks = random.nextInt(4);
        for (int i = 0; i < chunks; i++) {
            String data = text();
            String size = random.nextInt(4) == 0 ? pick(new String[] {"zz", "-1", "ffffffffffffffff", ""}) : Integer.toHexString(data.length() + random.nextInt(3) - 1);
            body.append(size).append(random.nextBoolean() ? ";chunk-signature=" + "0".repeat(64) : "").append("\r\n").append(data).append("\r\n");
        }
        if (random.nextBoolean()) {
            body.append("0\r\n").append(random.nextBoolean() ? "x-amz-checksum-crc32:AAAAAA==\r\n" : "").append("\r\n");
        }
        List<String> headers = new ArrayList<>(List.of("Content-Encoding: aws-chunked",
                "x-amz-content-sha256: " + pick(new String[] {"STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "UNSIGNED-PAYLOAD"}),
                "x-amz-decoded-content-length: " + pick(new String[] {String.valueOf(random.nextInt(100)), "-1", "abc", "99999999999"})));
        if (random.nextBoolean()) {
            headers.add("x-amz-trailer: " + pick(new String[] {"x-amz-checksum-crc32", "x-amz-bogus", ""}));
        }
        return request("aws-chunked", "PUT", key, headers, body.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private FuzzRequest multipartForm() {
        String boundary = random.nextBoolean() ? "XyZ" + random.nextInt(1000) : "";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + pick(new String[] {"key", "policy", "file", "x-amz-signature"})
                + "\"\r\n\r\n" + text() + "\r\n" + (random.nextBoolean() ? "--" + boundary + "--\r\n" : "");
        return request("multipart", "POST", "/" + pick(buckets), List.of("Content-Type: multipart/form-data; boundary=" + boundary),
                mutate(body.getBytes(StandardCharsets.UTF_8)));
    }

    private FuzzRequest control() {
        // no reset: one that passes every guard would remove the resources the other requests aim at
        String path = "/_cloudjar/" + pick(new String[] {"health", "api/outbox", "api/" + word(), "invocations", "logs",
                "%2e%2e/etc/passwd", "", "console/../../x", "reset/../health"});
        String method = pick(new String[] {"GET", "POST", "DELETE", "PUT"});
        List<String> headers = new ArrayList<>();
        if (random.nextBoolean()) {
            headers.add("Content-Type: " + pick(new String[] {"text/plain", "application/json", "application/x-www-form-urlencoded"}));
        }
        if (random.nextInt(3) == 0) {
            headers.add("Origin: http://evil.example");
        }
        byte[] body = "POST".equals(method) ? "{\"eraseDataDir\":false}".getBytes(StandardCharsets.UTF_8) : new byte[0];
        return request("control", method, path, headers, body);
    }

    private FuzzRequest httpGarbage() {
        String[] lines = {
            "GET / HTTP/1.1\r\nHost: " + host + "\r\nX-Bad Header: x\r\n\r\n",
            "BREW /pot HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
            "GET " + "/a".repeat(20_000) + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: " + host + "\r\nX-Big: " + "b".repeat(70_000) + "\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: " + host + "\r\n" + "X-Many: 1\r\n".repeat(3000) + "\r\n",
            "GET / HTTP/9.9\r\nHost: " + host + "\r\n\r\n",
            "GET /\r\n\r\n",
            "GET http://" + host + "/ HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
            "PUT /" + pick(buckets) + "/k HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: -5\r\n\r\n",
            "PUT /" + pick(buckets) + "/k HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: abc\r\n\r\n",
            "PUT /" + pick(buckets) + "/k HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
            "PUT /" + pick(buckets) + "/k HTTP/1.1\r\nHost: " + host + "\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n",
            "POST / HTTP/1.1\r\nHost: " + host + "\r\nX-Amz-Target: DynamoDB_20120810.PutItem\r\nContent-Length: 5000\r\n\r\n{\"TableName\":",
            "POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 900\r\n\r\nAction=Publish&",
            "GET / HTTP/1.1\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n",
            "GET /%zz%00%ff HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
            "\u0000\u0001\u0002 garbage\r\n\r\n",
        };
        String line = pick(lines);
        return new FuzzRequest("http", line.getBytes(StandardCharsets.ISO_8859_1), true);
    }

    // ---- pieces ----------------------------------------------------------------------------------------

    private FuzzRequest request(String category, String method, String target, List<String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(random.nextInt(30) == 0 ? pick(new String[] {"evil.example", "localhost", "x.execute-api.localhost:1"}) : host).append("\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        int declared = body.length;
        boolean shortBody = random.nextInt(25) == 0 && body.length > 0;
        if (shortBody) {
            declared = body.length + 1 + random.nextInt(100);
        }
        head.append("Content-Length: ").append(declared).append("\r\nConnection: close\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] wire = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, wire, 0, headBytes.length);
        System.arraycopy(body, 0, wire, headBytes.length, body.length);
        return new FuzzRequest(category, wire, shortBody);
    }

    private void maybeAuthorization(List<String> headers, String service) {
        int choice = random.nextInt(8);
        String date = "20261203T120000Z";
        switch (choice) {
            case 0 -> headers.add("Authorization: " + pick(new String[] {"AWS4-HMAC-SHA256 Credential=/", "AWS4-HMAC-SHA256", "AWS test:c2ln",
                    "AWS4-HMAC-SHA256 Credential=test/20261203/us-east-1/" + service + "/aws4_request, SignedHeaders=, Signature=",
                    "Bearer x", "AWS4-HMAC-SHA256 Credential=test/2026/x/y/z/w/v, SignedHeaders=host, Signature=zz"}));
            case 1, 2, 3 -> {
                headers.add("Authorization: AWS4-HMAC-SHA256 Credential=" + pick(new String[] {"test", "123456789012", "AKIA" + word()})
                        + "/20261203/" + pick(new String[] {"us-east-1", "eu-west-1", "", "mars-1"}) + "/" + service
                        + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "ab".repeat(32));
                headers.add("X-Amz-Date: " + date);
            }
            default -> {
                // unsigned, as a bare curl sends it
            }
        }
    }

    /** Most bodies go as generated; some are cut, padded with invalid UTF-8 or NULs, or replaced outright. */
    private byte[] mutate(byte[] body) {
        switch (random.nextInt(12)) {
            case 0: return body.length == 0 ? body : java.util.Arrays.copyOf(body, random.nextInt(body.length));
            case 1: return concat(body, new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, 0});
            case 2: return bytes(random.nextInt(300));
            case 3: return ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.US_ASCII);
            case 4: return ("{\"a\":" .repeat(3000) + "1" + "}".repeat(3000)).getBytes(StandardCharsets.US_ASCII);
            default: return body;
        }
    }

    private String jsonValue(int depth) {
        int kind = depth <= 0 ? random.nextInt(5) : random.nextInt(7);
        switch (kind) {
            case 0: return "\"" + escape(text()) + "\"";
            case 1: return number();
            case 2: return pick(new String[] {"true", "false", "null"});
            case 3: return "\"\\ud800\"";
            case 4: return pick(new String[] {"1e400", "-0", "NaN", "123456789012345678901234567890", "0.0000000000000000000001"});
            case 5: {
                StringBuilder a = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.append(i > 0 ? "," : "").append(jsonValue(depth - 1));
                }
                return a.append(']').toString();
            }
            default: {
                StringBuilder o = new StringBuilder("{");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    String name = pick(new String[] {"TableName", "Key", "Item", "S", "N", "B", "M", "L", "SS", "NULL", "BOOL", "QueueUrl",
                            "FunctionName", "Entries", "Id", word()});
                    o.append(i > 0 ? "," : "").append('"').append(name).append("\":").append(jsonValue(depth - 1));
                }
                return o.append('}').toString();
            }
        }
    }

    private String attribute() {
        String[] shapes = {
            "{\"S\":\"" + escape(text()) + "\"}", "{\"N\":\"" + pick(new String[] {"1", "-0", "1e126", "1e200", "abc", "", " 1"}) + "\"}",
            "{\"B\":\"" + pick(new String[] {"AAAA", "!!!", ""}) + "\"}", "{\"SS\":[\"a\",\"a\"]}", "{\"NS\":[]}", "{\"BOOL\":\"yes\"}",
            "{\"NULL\":false}", "{\"M\":{\"x\":" + "{\"M\":{\"x\":".repeat(40) + "{\"S\":\"deep\"}" + "}}".repeat(40) + "}}",
            "{\"L\":[{\"S\":\"a\"},{\"N\":\"1\"}]}", "{\"S\":\"a\",\"N\":\"1\"}", "{}", "\"plain\"", jsonValue(2),
        };
        return pick(shapes);
    }

    private String expression() {
        return escape(pick(new String[] {"pk = :v", "#n = :v", "attribute_exists(pk)", "SET a = a + :v", "REMOVE a[999999]",
                "size(pk) > :v AND begins_with(sk, :v)", "pk BETWEEN :v AND :v", "((((((((((pk = :v))))))))))", "SET a = if_not_exists(a, :v)",
                "ADD s :v DELETE s :v", "pk IN (" + ":v,".repeat(150) + ":v)", "a.b[0].c = :v", "", "pk = ", ")(", "SET #", word()}));
    }

    private String key() {
        return pick(new String[] {"k", "a/b/c.txt", "../../etc/passwd", "%2e%2e%2f%2e%2e%2fetc", "a%00b", "%ff%fe", "%e2%98%83.txt",
                "x".repeat(1100), "dir/", "%", "a+b%20c", "~/.ssh/id_rsa", "con", word()});
    }

    private String word() {
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
        int n = 1 + random.nextInt(12);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(letters.charAt(random.nextInt(letters.length())));
        }
        return b.toString();
    }

    private String text() {
        switch (random.nextInt(8)) {
            case 0: return "";
            case 1: return "x".repeat(random.nextInt(25) == 0 ? 300_000 : random.nextInt(2000));
            case 2: return "\u2603 \u00e9 \ud83d\ude00 \u0000 \u0001";
            case 3: return "<script>alert(1)</script>";
            case 4: return "${jndi:ldap://127.0.0.1/x}";
            default: return word();
        }
    }

    private String xmlText() {
        return pick(new String[] {word(), "", "&amp;&lt;", "&bogus;", "<![CDATA[x]]>", "x".repeat(2000), "\u0001"});
    }

    private String number() {
        return pick(new String[] {"0", "1", "-1", "10", "1001", "2147483648", "-9223372036854775809", "1.5", "\"7\"", "99999999999999999999"});
    }

    private String rawPercent() {
        return pick(new String[] {"%", "%zz", "%ff%fe", "%00", "%%%%", "+%2"});
    }

    private static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
