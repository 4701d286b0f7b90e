package dev.cloudjar.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code --auth strict} beyond the request's own SigV4 signature: the chunk and trailer signatures of a signed
 * aws-chunked upload, the unsigned-payload trailer form, and Signature Version 2 for S3 and the Query services.
 */
class StrictSignaturesIT {
    private static CloudJar cloudJar;
    private static URI endpoint;

    @BeforeAll
    static void start() {
        cloudJar = CloudJar.start(CloudJarConfig.defaults().withPort(0).withAuth("strict").withCredentials(List.of("test:test")));
        endpoint = URI.create(cloudJar.endpoint());
    }

    @AfterAll
    static void stop() {
        cloudJar.close();
    }

    /** A request exactly as the SDK put it on the wire: path, headers and the chunk-signed body. */
    private record Sent(String path, List<String> headers, byte[] body, String contentSha256) {
        String[] headerArray() {
            return headers.toArray(String[]::new);
        }
    }

    /** Keeps the signed request the SDK transmits, body included (reading the signed stream again yields the same bytes). */
    private static final class Recorder implements ExecutionInterceptor {
        final AtomicReference<Sent> sent = new AtomicReference<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            var http = context.httpRequest();
            List<String> headers = new ArrayList<>();
            http.forEachHeader((name, values) -> {
                if (!Arrays.asList("host", "content-length", "expect", "connection").contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> {
                        headers.add(name);
                        headers.add(v);
                    });
                }
            });
            byte[] body = new byte[0];
            // the full request's stream is the signed one (chunk framing and signatures); requestBody() is the payload
            if (http instanceof SdkHttpFullRequest full && full.contentStreamProvider().isPresent()) {
                try (InputStream in = full.contentStreamProvider().get().newStream()) {
                    body = in.readAllBytes();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            String path = http.encodedPath() + http.encodedQueryParameters().map(q -> "?" + q).orElse("");
            sent.set(new Sent(path, headers, body, http.firstMatchingHeader("x-amz-content-sha256").orElse(null)));
        }
    }

    private static S3Client s3(Recorder recorder) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder)).build();
    }

    @Test
    void theSdksSignedChunksAreCheckedAndATamperedChunkOrTrailerIsRefused() throws Exception {
        Recorder recorder = new Recorder();
        byte[] payload = new byte[300 * 1024]; // more than two of the SDK's 128 KiB chunks
        Arrays.fill(payload, (byte) 'a');
        try (S3Client s3 = s3(recorder)) {
            s3.createBucket(b -> b.bucket("chunks"));
            s3.putObject(b -> b.bucket("chunks").key("big.txt"), RequestBody.fromBytes(payload));
            Sent sent = recorder.sent.get();
            assertEquals("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", sent.contentSha256(),
                    "the SDK signs each chunk over plain http; if this changes, the test no longer covers chunk signatures");
            String wire = new String(sent.body(), StandardCharsets.ISO_8859_1);
            assertTrue(wire.contains("x-amz-trailer-signature:"), wire.substring(0, 200) + " ... " + wire.substring(wire.length() - 300));

            RawHttp http = new RawHttp(endpoint);
            RawHttp.Response replay = http.send("PUT", sent.path(), sent.body(), sent.headerArray());
            assertEquals(200, replay.status(), "the SDK's own bytes, sent again, are still correctly signed: " + replay.body());

            byte[] tamperedChunk = sent.body().clone();
            int inSecondChunk = indexOf(tamperedChunk, "\r\n20000;chunk-signature=".getBytes(StandardCharsets.ISO_8859_1), 200) + 100;
            tamperedChunk[inSecondChunk + 40] = 'b';
            RawHttp.Response refused = http.send("PUT", sent.path(), tamperedChunk, sent.headerArray());
            assertEquals(403, refused.status(), refused.body());
            assertTrue(refused.body().contains("<Code>SignatureDoesNotMatch</Code>"), refused.body());
            assertTrue(refused.body().contains("<StringToSign>AWS4-HMAC-SHA256-PAYLOAD\n"), refused.body());

            String text = new String(sent.body(), StandardCharsets.ISO_8859_1);
            int checksum = text.indexOf("x-amz-checksum-crc32:");
            byte[] tamperedTrailer = sent.body().clone();
            int valueAt = checksum + "x-amz-checksum-crc32:".length();
            tamperedTrailer[valueAt] = (byte) (tamperedTrailer[valueAt] == 'A' ? 'B' : 'A');
            RawHttp.Response trailer = http.send("PUT", sent.path(), tamperedTrailer, sent.headerArray());
            assertEquals(403, trailer.status(), trailer.body());
            assertTrue(trailer.body().contains("<StringToSign>AWS4-HMAC-SHA256-TRAILER\n"), trailer.body());

            byte[] stored = s3.getObjectAsBytes(b -> b.bucket("chunks").key("big.txt")).asByteArray();
            assertTrue(Arrays.equals(payload, stored), "a refused upload leaves the object as it was");
        }
    }

    @Test
    void boto3SignsWithVersion2AndTheUnsignedTrailerForm() {
        CliRunner cli = new CliRunner(cloudJar.endpoint());
        CliRunner.Result run = cli.python("""
                import boto3, botocore, os, urllib.request, urllib.error
                from botocore.config import Config
                from botocore.awsrequest import AWSRequest
                from botocore.auth import SigV2Auth
                from botocore.credentials import Credentials
                end = os.environ['ENDPOINT']
                v2 = boto3.client('s3', endpoint_url=end, config=Config(signature_version='s3'))
                v2.create_bucket(Bucket='v2-bucket')
                v2.put_object(Bucket='v2-bucket', Key='dir/a b.txt', Body=b'version two', ContentType='text/plain')
                print('get', v2.get_object(Bucket='v2-bucket', Key='dir/a b.txt')['Body'].read().decode())
                print('acl', len(v2.get_bucket_acl(Bucket='v2-bucket')['Grants']))
                url = v2.generate_presigned_url('get_object', Params={'Bucket': 'v2-bucket', 'Key': 'dir/a b.txt'}, ExpiresIn=300)
                print('presigned', urllib.request.urlopen(url).read().decode())
                try:
                    urllib.request.urlopen(url.replace('a%20b', 'c'))
                except urllib.error.HTTPError as e:
                    print('tampered', e.code, b'<Code>SignatureDoesNotMatch</Code>' in e.read())
                expired = v2.generate_presigned_url('get_object', Params={'Bucket': 'v2-bucket', 'Key': 'dir/a b.txt'}, ExpiresIn=-60)
                try:
                    urllib.request.urlopen(expired)
                except urllib.error.HTTPError as e:
                    print('expired', e.code, b'Request has expired' in e.read())
                wrong = boto3.client('s3', endpoint_url=end, aws_secret_access_key='wrong', aws_access_key_id='test',
                                     config=Config(signature_version='s3'))
                try:
                    wrong.list_buckets()
                except botocore.exceptions.ClientError as e:
                    print('wrong', e.response['Error']['Code'], 'StringToSign' in str(e.response['Error']))
                for name in ('sns', 'sts', 'iam'):
                    c = boto3.client(name, endpoint_url=end, config=Config(signature_version='v2'))
                    print(name, {'sns': lambda: len(c.list_topics()['Topics']) >= 0,
                                 'sts': lambda: c.get_caller_identity()['Account'],
                                 'iam': lambda: len(c.list_roles()['Roles']) >= 0}[name]())
                bad = boto3.client('sns', endpoint_url=end, aws_secret_access_key='wrong', aws_access_key_id='test',
                                   config=Config(signature_version='v2'))
                try:
                    bad.list_topics()
                except botocore.exceptions.ClientError as e:
                    print('sns wrong', e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode'])
                import time as clock
                real_gmtime = clock.gmtime
                for secret, label, skew in (('test', 'sqs', 0), ('wrong', 'sqs wrong', 0), ('test', 'sqs old', 3600)):
                    clock.gmtime = lambda *a: real_gmtime(clock.time() - skew)
                    req = AWSRequest(method='POST', url=end + '/', data={'Action': 'ListQueues', 'Version': '2012-11-05'})
                    SigV2Auth(Credentials('test', secret)).add_auth(req)
                    prepared = req.prepare()
                    http = urllib.request.Request(prepared.url, data=prepared.body.encode() if isinstance(prepared.body, str) else prepared.body,
                                                  headers={'Content-Type': 'application/x-www-form-urlencoded'}, method='POST')
                    try:
                        print(label, urllib.request.urlopen(http).status)
                    except urllib.error.HTTPError as e:
                        answer = e.read()
                        print(label, e.code, b'SignatureDoesNotMatch' in answer, b'RequestExpired' in answer)
                    finally:
                        clock.gmtime = real_gmtime
                v4 = boto3.client('s3', endpoint_url=end)
                v4.put_object(Bucket='v2-bucket', Key='v4.txt', Body=b'checksummed', ChecksumAlgorithm='CRC32')
                print('v4', v4.get_object(Bucket='v2-bucket', Key='v4.txt')['Body'].read().decode())
                """);
        run.assertSuccess();
        String out = run.stdout();
        for (String line : List.of("get version two", "acl 1", "presigned version two", "tampered 403 True", "wrong SignatureDoesNotMatch True",
                "sns True", "sts 000000000000", "iam True", "sns wrong SignatureDoesNotMatch 403", "sqs 200", "sqs wrong 403 True False", "sqs old 400 False True", "expired 403 True",
                "v4 checksummed")) {
            assertTrue(out.contains(line + "\n"), "missing '" + line + "' in:\n" + out);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found: " + new String(needle, StandardCharsets.ISO_8859_1) + " " + Map.of());
    }
}
