package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** boto3 against Object Lock: configuration, retention, legal hold, lock headers and guarded deletes, with S3's codes. */
@ExtendWith(CloudJarExtension.class)
class S3ObjectLockBoto3IT {
    private static final String SCRIPT = String.join("\n",
            "import boto3, os, datetime",
            "from botocore.exceptions import ClientError",
            "s3 = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'])",
            CliRunner.BOTO3_FAILS,
            "s3.create_bucket(Bucket='boto-plain')",
            "s3.put_object(Bucket='boto-plain', Key='k', Body=b'x')",
            "fails(404, 'ObjectLockConfigurationNotFoundError', s3.get_object_lock_configuration, Bucket='boto-plain')",
            "conf = {'ObjectLockEnabled': 'Enabled', 'Rule': {'DefaultRetention': {'Mode': 'GOVERNANCE', 'Days': 1}}}",
            "fails(409, 'InvalidBucketState', s3.put_object_lock_configuration, Bucket='boto-plain', ObjectLockConfiguration=conf)",
            "until = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) + datetime.timedelta(days=2)",
            "r = fails(400, 'InvalidRequest', s3.put_object_retention, Bucket='boto-plain', Key='k', Retention={'Mode': 'GOVERNANCE', 'RetainUntilDate': until})",
            "assert r['Error']['Message'] == 'Bucket is missing Object Lock Configuration', r",
            "fails(400, 'InvalidRequest', s3.get_object_legal_hold, Bucket='boto-plain', Key='k')",
            "s3.create_bucket(Bucket='boto-lock', ObjectLockEnabledForBucket=True)",
            "assert s3.get_bucket_versioning(Bucket='boto-lock')['Status'] == 'Enabled'",
            "fails(409, 'InvalidBucketState', s3.put_bucket_versioning, Bucket='boto-lock', VersioningConfiguration={'Status': 'Suspended'})",
            "s3.put_object_lock_configuration(Bucket='boto-lock', ObjectLockConfiguration=conf)",
            "assert s3.get_object_lock_configuration(Bucket='boto-lock')['ObjectLockConfiguration'] == conf",
            "bad = {'ObjectLockEnabled': 'Enabled', 'Rule': {'DefaultRetention': {'Mode': 'GOVERNANCE', 'Days': 1, 'Years': 1}}}",
            "fails(400, 'MalformedXML', s3.put_object_lock_configuration, Bucket='boto-lock', ObjectLockConfiguration=bad)",
            "bad = {'ObjectLockEnabled': 'Enabled', 'Rule': {'DefaultRetention': {'Mode': 'GOVERNANCE', 'Days': 0}}}",
            "fails(400, 'InvalidRetentionPeriod', s3.put_object_lock_configuration, Bucket='boto-lock', ObjectLockConfiguration=bad)",
            "bad = {'ObjectLockEnabled': 'Disabled', 'Rule': {'DefaultRetention': {'Mode': 'GOVERNANCE', 'Days': 1}}}",
            "fails(400, 'MalformedXML', s3.put_object_lock_configuration, Bucket='boto-lock', ObjectLockConfiguration=bad)",
            "v = s3.put_object(Bucket='boto-lock', Key='doc', Body=b'kept')['VersionId']",
            "h = s3.head_object(Bucket='boto-lock', Key='doc')",
            "assert h['ObjectLockMode'] == 'GOVERNANCE' and h['ObjectLockRetainUntilDate'] > datetime.datetime.now(datetime.timezone.utc), h",
            "v2 = s3.put_object(Bucket='boto-lock', Key='doc', Body=b'held', ObjectLockMode='COMPLIANCE', ObjectLockRetainUntilDate=until, ObjectLockLegalHoldStatus='ON')['VersionId']",
            "g = s3.get_object(Bucket='boto-lock', Key='doc')",
            "assert (g['ObjectLockMode'], g['ObjectLockRetainUntilDate'], g['ObjectLockLegalHoldStatus']) == ('COMPLIANCE', until, 'ON'), g",
            "assert s3.get_object_retention(Bucket='boto-lock', Key='doc', VersionId=v2)['Retention'] == {'Mode': 'COMPLIANCE', 'RetainUntilDate': until}",
            "assert s3.get_object_legal_hold(Bucket='boto-lock', Key='doc')['LegalHold'] == {'Status': 'ON'}",
            "fails(400, 'MalformedXML', s3.put_object_legal_hold, Bucket='boto-lock', Key='doc', LegalHold={'Status': 'abc'})",
            "fails(400, 'MalformedXML', s3.put_object_retention, Bucket='boto-lock', Key='doc', Retention={'Mode': 'governance', 'RetainUntilDate': until})",
            "fails(403, 'AccessDenied', s3.delete_object, Bucket='boto-lock', Key='doc', VersionId=v)",
            "s3.put_object_retention(Bucket='boto-lock', Key='doc', VersionId=v, Retention={'Mode': 'GOVERNANCE', 'RetainUntilDate': until})",
            "shorter = until - datetime.timedelta(hours=30)",
            "fails(403, 'AccessDenied', s3.put_object_retention, Bucket='boto-lock', Key='doc', VersionId=v, Retention={'Mode': 'GOVERNANCE', 'RetainUntilDate': shorter})",
            "s3.put_object_retention(Bucket='boto-lock', Key='doc', VersionId=v, BypassGovernanceRetention=True, Retention={'Mode': 'GOVERNANCE', 'RetainUntilDate': shorter})",
            "assert s3.get_object_retention(Bucket='boto-lock', Key='doc', VersionId=v)['Retention']['RetainUntilDate'] == shorter",
            "fails(403, 'AccessDenied', s3.put_object_retention, Bucket='boto-lock', Key='doc', VersionId=v2, BypassGovernanceRetention=True, Retention={'Mode': 'GOVERNANCE', 'RetainUntilDate': until})",
            "batch = s3.delete_objects(Bucket='boto-lock', BypassGovernanceRetention=True, Delete={'Objects': [{'Key': 'doc', 'VersionId': v}, {'Key': 'doc', 'VersionId': v2}]})",
            "assert [d['VersionId'] for d in batch['Deleted']] == [v], batch",
            "assert [(e['VersionId'], e['Code']) for e in batch['Errors']] == [(v2, 'AccessDenied')], batch",
            "s3.put_object_legal_hold(Bucket='boto-lock', Key='doc', LegalHold={'Status': 'OFF'})",
            "fails(403, 'AccessDenied', s3.delete_object, Bucket='boto-lock', Key='doc', VersionId=v2, BypassGovernanceRetention=True)",
            "assert s3.delete_object(Bucket='boto-lock', Key='doc')['DeleteMarker'] is True",
            "print('BOTO3-LOCK-OK')");

    @Test
    void boto3ObjectLock(URI endpoint) {
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(SCRIPT).assertSuccess();
        assertTrue(result.stdout().contains("BOTO3-LOCK-OK"), result.stdout() + result.stderr());
    }
}
