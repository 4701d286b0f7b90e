package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** boto3 against CloudJar: upload_file / download_file (multipart), presigned URLs (SigV2 by default in us-east-1). */
@ExtendWith(CloudJarExtension.class)
class S3Boto3IT {
    private static final String SCRIPT = String.join("\n",
            "import boto3, os, tempfile, urllib.request, urllib.error",
            "from botocore.exceptions import ClientError",
            "s3 = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'])",
            "s3.create_bucket(Bucket='boto-bucket')",
            "d = tempfile.mkdtemp()",
            "src = os.path.join(d, 'src.bin'); dst = os.path.join(d, 'dst.bin')",
            "data = os.urandom(20 * 1024 * 1024)",
            "open(src, 'wb').write(data)",
            "s3.upload_file(src, 'boto-bucket', 'dir/a b+c.bin')",
            "etag = s3.head_object(Bucket='boto-bucket', Key='dir/a b+c.bin')['ETag']",
            "assert etag.endswith('-3\"'), etag",
            "s3.download_file('boto-bucket', 'dir/a b+c.bin', dst)",
            "assert open(dst, 'rb').read() == data, 'download differs'",
            "keys = [o['Key'] for o in s3.list_objects_v2(Bucket='boto-bucket', Prefix='dir/')['Contents']]",
            "assert keys == ['dir/a b+c.bin'], keys",
            "s3.put_object(Bucket='boto-bucket', Key='small.txt', Body=b'hello presign')",
            "got = s3.get_object(Bucket='boto-bucket', Key='small.txt')['Body'].read()",
            "assert got == b'hello presign', got",
            "url = s3.generate_presigned_url('get_object', Params={'Bucket': 'boto-bucket', 'Key': 'small.txt'}, ExpiresIn=60)",
            "assert 'AWSAccessKeyId=' in url and 'Signature=' in url and 'Expires=' in url, url",
            "assert urllib.request.urlopen(url).read() == b'hello presign'",
            "put = s3.generate_presigned_url('put_object', Params={'Bucket': 'boto-bucket', 'Key': 'via-url.txt'}, ExpiresIn=60)",
            "urllib.request.urlopen(urllib.request.Request(put, data=b'put by url', method='PUT')).read()",
            "assert s3.get_object(Bucket='boto-bucket', Key='via-url.txt')['Body'].read() == b'put by url'",
            "old = s3.generate_presigned_url('get_object', Params={'Bucket': 'boto-bucket', 'Key': 'small.txt'}, ExpiresIn=-60)",
            "try:",
            "    urllib.request.urlopen(old); raise SystemExit('expired URL was accepted')",
            "except urllib.error.HTTPError as e:",
            "    body = e.read().decode()",
            "    assert e.code == 403 and 'Request has expired' in body, (e.code, body)",
            "try:",
            "    s3.head_object(Bucket='boto-bucket', Key='missing'); raise SystemExit('no 404')",
            "except ClientError as e:",
            "    assert e.response['Error']['Code'] == '404', e.response",
            "try:",
            "    s3.get_object(Bucket='boto-bucket', Key='missing'); raise SystemExit('no NoSuchKey')",
            "except ClientError as e:",
            "    assert e.response['Error']['Code'] == 'NoSuchKey', e.response",
            "v4 = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'], config=boto3.session.Config(signature_version='s3v4'))",
            "url4 = v4.generate_presigned_url('get_object', Params={'Bucket': 'boto-bucket', 'Key': 'small.txt'}, ExpiresIn=60)",
            "assert 'X-Amz-Signature=' in url4, url4",
            "assert urllib.request.urlopen(url4).read() == b'hello presign'",
            "print('BOTO3-OK')");

    @Test
    void boto3UploadDownloadAndPresignedUrls(URI endpoint) {
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(SCRIPT).assertSuccess();
        assertTrue(result.stdout().contains("BOTO3-OK"), result.stdout() + result.stderr());
    }
}
