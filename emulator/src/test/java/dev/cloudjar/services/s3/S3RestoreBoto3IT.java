package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** boto3 restoring GLACIER objects: 202 / 409 / 200, x-amz-restore, RestoreStatus, S3's errors, and a queue told of the restore. */
@ExtendWith(CloudJarExtension.class)
class S3RestoreBoto3IT {
    private static final String SCRIPT = String.join("\n",
            "import boto3, os, json, urllib.request",
            "from botocore.exceptions import ClientError",
            "endpoint = os.environ['ENDPOINT']",
            "s3 = boto3.client('s3', endpoint_url=endpoint)",
            "sqs = boto3.client('sqs', endpoint_url=endpoint)",
            CliRunner.BOTO3_FAILS,
            "def advance(seconds):",
            "    req = urllib.request.Request(endpoint + '/_cloudjar/clock/advance', data=json.dumps({'seconds': seconds}).encode(),",
            "                                 headers={'Content-Type': 'application/json'}, method='POST')",
            "    urllib.request.urlopen(req).read()",
            "q = sqs.create_queue(QueueName='restores')['QueueUrl']",
            "arn = sqs.get_queue_attributes(QueueUrl=q, AttributeNames=['QueueArn'])['Attributes']['QueueArn']",
            "s3.create_bucket(Bucket='boto-cold')",
            "s3.put_bucket_notification_configuration(Bucket='boto-cold', NotificationConfiguration={'QueueConfigurations': [",
            "    {'QueueArn': arn, 'Events': ['s3:ObjectRestore:*']}]})",
            "s3.put_object(Bucket='boto-cold', Key='a.csv', Body=b'x,y', StorageClass='GLACIER')",
            "s3.put_object(Bucket='boto-cold', Key='warm.csv', Body=b'x,y')",
            "r = fails(403, 'InvalidObjectState', s3.get_object, Bucket='boto-cold', Key='a.csv')",
            "assert r['Error']['StorageClass'] == 'GLACIER', r",
            "r = fails(403, 'InvalidObjectState', s3.restore_object, Bucket='boto-cold', Key='warm.csv', RestoreRequest={'Days': 1})",
            "assert r['Error']['Message'] == \"Restore is not allowed for the object's current storage class\", r",
            "fails(400, 'MalformedXML', s3.restore_object, Bucket='boto-cold', Key='a.csv', RestoreRequest={'Days': 1, 'GlacierJobParameters': {'Tier': 'Slow'}})",
            "fails(400, 'MalformedXML', s3.restore_object, Bucket='boto-cold', Key='a.csv')",
            "out = s3.restore_object(Bucket='boto-cold', Key='a.csv', RestoreRequest={'Days': 3, 'GlacierJobParameters': {'Tier': 'Expedited'}})",
            "assert out['ResponseMetadata']['HTTPStatusCode'] == 202, out",
            "assert s3.head_object(Bucket='boto-cold', Key='a.csv')['Restore'] == 'ongoing-request=\"true\"'",
            "fails(409, 'RestoreAlreadyInProgress', s3.restore_object, Bucket='boto-cold', Key='a.csv', RestoreRequest={'Days': 3})",
            "c = s3.list_objects_v2(Bucket='boto-cold', OptionalObjectAttributes=['RestoreStatus'])['Contents']",
            "assert c[0]['RestoreStatus'] == {'IsRestoreInProgress': True} and 'RestoreStatus' not in c[1], c",
            "advance(2)",
            "h = s3.head_object(Bucket='boto-cold', Key='a.csv')",
            "assert h['Restore'].startswith('ongoing-request=\"false\", expiry-date=\"') and h['Restore'].endswith(' 00:00:00 GMT\"'), h",
            "assert s3.get_object(Bucket='boto-cold', Key='a.csv')['Body'].read() == b'x,y'",
            "v = s3.list_object_versions(Bucket='boto-cold', OptionalObjectAttributes=['RestoreStatus'])['Versions']",
            "assert v[0]['RestoreStatus']['IsRestoreInProgress'] is False and v[0]['RestoreStatus']['RestoreExpiryDate'].hour == 0, v",
            "again = s3.restore_object(Bucket='boto-cold', Key='a.csv', RestoreRequest={'Days': 3})",
            "assert again['ResponseMetadata']['HTTPStatusCode'] == 200, again",
            "names = []",
            "for _ in range(20):",
            "    for m in sqs.receive_message(QueueUrl=q, MaxNumberOfMessages=10, WaitTimeSeconds=1).get('Messages', []):",
            "        body = json.loads(m['Body'])",
            "        names += [rec['eventName'] for rec in body.get('Records', [])]",
            "    if len(names) >= 2:",
            "        break",
            "assert names == ['ObjectRestore:Post', 'ObjectRestore:Completed'], names",
            "print('BOTO3-RESTORE-OK')");

    @Test
    void boto3Restore(URI endpoint) {
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(SCRIPT).assertSuccess();
        assertTrue(result.stdout().contains("BOTO3-RESTORE-OK"), result.stdout() + result.stderr());
    }
}
