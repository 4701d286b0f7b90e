package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.CloudJar;
import dev.cloudjar.CloudJarConfig;
import dev.cloudjar.testing.CliRunner;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST Object under {@code --auth strict}: the policy's signature is checked with the secret of the key the form names. */
class S3PostObjectStrictIT {
    private static CloudJar cloudJar;

    @BeforeAll
    static void start() {
        cloudJar = CloudJar.start(CloudJarConfig.defaults().withPort(0).withAuth("strict").withCredentials(List.of("test:test")));
    }

    @AfterAll
    static void stop() {
        cloudJar.close();
    }

    private static final String SCRIPT = String.join("\n",
            "import boto3, os, requests, html",
            "from botocore.config import Config",
            "v4 = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'], config=Config(signature_version='s3v4'))",
            "v4.create_bucket(Bucket='strict-post')",
            "p = v4.generate_presigned_post('strict-post', 'ok/${filename}', ExpiresIn=300)",
            "r = requests.post(p['url'], data=p['fields'], files={'file': ('one.txt', b'signed form')})",
            "assert r.status_code == 204, (r.status_code, r.text)",
            "assert v4.get_object(Bucket='strict-post', Key='ok/one.txt')['Body'].read() == b'signed form'",
            "bad = dict(p['fields']); bad['x-amz-signature'] = '0' * 64",
            "r = requests.post(p['url'], data=bad, files={'file': ('two.txt', b'x')})",
            "t = html.unescape(r.text)",
            "assert r.status_code == 403 and '<Code>SignatureDoesNotMatch</Code>' in t and '<StringToSign>' + p['fields']['policy'] + '</StringToSign>' in t, t",
            "v2 = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'], config=Config(signature_version='s3'))",
            "p2 = v2.generate_presigned_post('strict-post', 'v2.txt', ExpiresIn=300)",
            "r = requests.post(p2['url'], data=p2['fields'], files={'file': ('v2.txt', b'v2 form')})",
            "assert r.status_code == 204, (r.status_code, r.text)",
            "stranger = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'], aws_access_key_id='AKIDSTRANGER', aws_secret_access_key='nope',",
            "    config=Config(signature_version='s3v4'))",
            "p3 = stranger.generate_presigned_post('strict-post', 'no.txt', ExpiresIn=300)",
            "r = requests.post(p3['url'], data=p3['fields'], files={'file': ('no.txt', b'x')})",
            "assert r.status_code == 403 and '<Code>InvalidAccessKeyId</Code>' in r.text, r.text",
            "r = requests.post(p['url'], data={'key': 'anon.txt'}, files={'file': ('anon.txt', b'x')})",
            "assert r.status_code == 403 and '<Code>AccessDenied</Code>' in r.text, r.text",
            "for sneaky in (p['url'] + '?delete', p['url'] + '/ok/one.txt?uploads'):",
            "    r = requests.post(sneaky, files={'file': ('x', b'<Delete><Object><Key>ok/one.txt</Key></Object></Delete>')})",
            "    assert r.status_code == 403 and '<Code>AccessDenied</Code>' in r.text, (sneaky, r.status_code, r.text)",
            "keys = sorted(o['Key'] for o in v4.list_objects_v2(Bucket='strict-post')['Contents'])",
            "assert keys == ['ok/one.txt', 'v2.txt'], keys",
            "print('STRICT-POST-OK')");

    @Test
    void signedFormsAreServedAndOthersRefused() {
        CliRunner.Result result = new CliRunner(cloudJar.endpoint()).python(SCRIPT).assertSuccess();
        assertTrue(result.stdout().contains("STRICT-POST-OK"), result.stdout() + result.stderr());
    }
}
