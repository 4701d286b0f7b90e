package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** boto3 against a versioned bucket: versions, delete markers, paging with markers, DeleteObjects by version. */
@ExtendWith(CloudJarExtension.class)
class S3VersioningBoto3IT {
    private static final String SCRIPT = String.join("\n",
            "import boto3, os",
            "from botocore.exceptions import ClientError",
            "s3 = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'])",
            "s3.create_bucket(Bucket='boto-versions')",
            "assert 'Status' not in s3.get_bucket_versioning(Bucket='boto-versions')",
            "s3.put_bucket_versioning(Bucket='boto-versions', VersioningConfiguration={'Status': 'Enabled'})",
            "assert s3.get_bucket_versioning(Bucket='boto-versions')['Status'] == 'Enabled'",
            "v1 = s3.put_object(Bucket='boto-versions', Key='doc', Body=b'first')['VersionId']",
            "v2 = s3.put_object(Bucket='boto-versions', Key='doc', Body=b'second')['VersionId']",
            "assert v1 != v2 and len(v1) == 32, (v1, v2)",
            "assert s3.get_object(Bucket='boto-versions', Key='doc', VersionId=v1)['Body'].read() == b'first'",
            "d = s3.delete_object(Bucket='boto-versions', Key='doc')",
            "assert d['DeleteMarker'] is True and d['VersionId'], d",
            "try:",
            "    s3.get_object(Bucket='boto-versions', Key='doc'); raise SystemExit('no NoSuchKey')",
            "except ClientError as e:",
            "    assert e.response['Error']['Code'] == 'NoSuchKey', e.response",
            "    assert e.response['ResponseMetadata']['HTTPHeaders']['x-amz-delete-marker'] == 'true', e.response",
            "try:",
            "    s3.head_object(Bucket='boto-versions', Key='doc', VersionId=d['VersionId']); raise SystemExit('no 405')",
            "except ClientError as e:",
            "    assert e.response['Error']['Code'] == '405', e.response",
            "listed = s3.list_object_versions(Bucket='boto-versions')",
            "assert [v['VersionId'] for v in listed['Versions']] == [v2, v1], listed",
            "assert [m['VersionId'] for m in listed['DeleteMarkers']] == [d['VersionId']], listed",
            "assert listed['DeleteMarkers'][0]['IsLatest'] is True",
            "page = s3.list_object_versions(Bucket='boto-versions', MaxKeys=1)",
            "assert page['IsTruncated'] and page['NextKeyMarker'] == 'doc', page",
            "rest = s3.list_object_versions(Bucket='boto-versions', KeyMarker=page['NextKeyMarker'], VersionIdMarker=page['NextVersionIdMarker'])",
            "assert len(rest['Versions']) == 2 and not rest['IsTruncated'], rest",
            "paginator = s3.get_paginator('list_object_versions')",
            "seen = sum(len(p.get('Versions', [])) + len(p.get('DeleteMarkers', [])) for p in paginator.paginate(Bucket='boto-versions', PaginationConfig={'PageSize': 1}))",
            "assert seen == 3, seen",
            "batch = s3.delete_objects(Bucket='boto-versions', Delete={'Objects': [{'Key': 'doc', 'VersionId': d['VersionId']}, {'Key': 'doc', 'VersionId': v1}]})",
            "assert [x['VersionId'] for x in batch['Deleted']] == [d['VersionId'], v1], batch",
            "assert batch['Deleted'][0]['DeleteMarker'] is True, batch",
            "assert s3.get_object(Bucket='boto-versions', Key='doc')['Body'].read() == b'second'",
            "print('BOTO3-VERSIONS-OK')");

    @Test
    void boto3VersionedBucket(URI endpoint) {
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(SCRIPT).assertSuccess();
        assertTrue(result.stdout().contains("BOTO3-VERSIONS-OK"), result.stdout() + result.stderr());
    }
}
