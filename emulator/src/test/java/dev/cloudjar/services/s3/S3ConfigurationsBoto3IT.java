package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * boto3 against the id-keyed bucket configurations, replication, and the legacy (pre-2014)
 * PutBucketLifecycle / PutBucketNotification shapes that older tools still send.
 */
@ExtendWith(CloudJarExtension.class)
class S3ConfigurationsBoto3IT {
    private static final String SCRIPT = String.join("\n",
            "import boto3, os",
            "from botocore.exceptions import ClientError",
            "s3 = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'])",
            "sns = boto3.client('sns', endpoint_url=os.environ['ENDPOINT'])",
            CliRunner.BOTO3_FAILS,
            "s3.create_bucket(Bucket='boto-configs')",
            "inv = {'Id': 'weekly', 'IsEnabled': False, 'IncludedObjectVersions': 'All', 'Schedule': {'Frequency': 'Weekly'},",
            "       'Destination': {'S3BucketDestination': {'Bucket': 'arn:aws:s3:::boto-configs', 'Format': 'Parquet'}}}",
            "s3.put_bucket_inventory_configuration(Bucket='boto-configs', Id='weekly', InventoryConfiguration=inv)",
            "assert s3.get_bucket_inventory_configuration(Bucket='boto-configs', Id='weekly')['InventoryConfiguration'] == inv",
            "listed = s3.list_bucket_inventory_configurations(Bucket='boto-configs')",
            "assert listed['InventoryConfigurationList'] == [inv] and listed['IsTruncated'] is False, listed",
            "fails(404, 'NoSuchConfiguration', s3.get_bucket_inventory_configuration, Bucket='boto-configs', Id='monthly')",
            "fails(400, 'MalformedXML', s3.put_bucket_inventory_configuration, Bucket='boto-configs', Id='weekly', InventoryConfiguration=dict(inv, IncludedObjectVersions='Some'))",
            "s3.put_bucket_metrics_configuration(Bucket='boto-configs', Id='all', MetricsConfiguration={'Id': 'all'})",
            "assert s3.list_bucket_metrics_configurations(Bucket='boto-configs')['MetricsConfigurationList'] == [{'Id': 'all'}]",
            "s3.delete_bucket_metrics_configuration(Bucket='boto-configs', Id='all')",
            "fails(404, 'NoSuchConfiguration', s3.delete_bucket_metrics_configuration, Bucket='boto-configs', Id='all')",
            "an = {'Id': 'a', 'StorageClassAnalysis': {}}",
            "s3.put_bucket_analytics_configuration(Bucket='boto-configs', Id='a', AnalyticsConfiguration=an)",
            "assert s3.get_bucket_analytics_configuration(Bucket='boto-configs', Id='a')['AnalyticsConfiguration'] == an",
            "it = {'Id': 'it', 'Status': 'Enabled', 'Tierings': [{'Days': 90, 'AccessTier': 'ARCHIVE_ACCESS'}]}",
            "s3.put_bucket_intelligent_tiering_configuration(Bucket='boto-configs', Id='it', IntelligentTieringConfiguration=it)",
            "assert s3.list_bucket_intelligent_tiering_configurations(Bucket='boto-configs')['IntelligentTieringConfigurationList'] == [it]",
            "fails(400, 'MalformedXML', s3.put_bucket_intelligent_tiering_configuration, Bucket='boto-configs', Id='it', IntelligentTieringConfiguration=dict(it, Status='On'))",
            "rep = {'Role': 'arn:aws:iam::000000000000:role/r', 'Rules': [{'ID': 'r1', 'Prefix': '', 'Status': 'Enabled', 'Destination': {'Bucket': 'arn:aws:s3:::boto-configs'}}]}",
            "fails(404, 'ReplicationConfigurationNotFoundError', s3.get_bucket_replication, Bucket='boto-configs')",
            "fails(400, 'InvalidRequest', s3.put_bucket_replication, Bucket='boto-configs', ReplicationConfiguration=rep)",
            "s3.put_bucket_versioning(Bucket='boto-configs', VersioningConfiguration={'Status': 'Enabled'})",
            "s3.put_bucket_replication(Bucket='boto-configs', ReplicationConfiguration=rep)",
            "assert s3.get_bucket_replication(Bucket='boto-configs')['ReplicationConfiguration'] == rep",
            "s3.delete_bucket_replication(Bucket='boto-configs')",
            "fails(404, 'ReplicationConfigurationNotFoundError', s3.get_bucket_replication, Bucket='boto-configs')",
            "legacy = {'Rules': [{'ID': 'old', 'Prefix': 'logs/', 'Status': 'Enabled', 'Expiration': {'Days': 3}}]}",
            "s3.put_bucket_lifecycle(Bucket='boto-configs', LifecycleConfiguration=legacy)",
            "assert s3.get_bucket_lifecycle(Bucket='boto-configs')['Rules'] == legacy['Rules']",
            "assert s3.get_bucket_lifecycle_configuration(Bucket='boto-configs')['Rules'][0]['ID'] == 'old'",
            "fails(400, 'InvalidArgument', s3.put_bucket_lifecycle, Bucket='boto-configs', LifecycleConfiguration={'Rules': [dict(legacy['Rules'][0], Expiration={'Days': 0})]})",
            "topic = sns.create_topic(Name='boto-legacy')['TopicArn']",
            "s3.put_bucket_notification(Bucket='boto-configs', NotificationConfiguration={'TopicConfiguration': {'Id': 't', 'Events': ['s3:ObjectCreated:*'], 'Topic': topic}})",
            "old = s3.get_bucket_notification(Bucket='boto-configs')['TopicConfiguration']",
            "assert old['Topic'] == topic and old['Events'] == ['s3:ObjectCreated:*'] and old['Id'] == 't', old",
            "assert s3.get_bucket_notification_configuration(Bucket='boto-configs')['TopicConfigurations'][0]['TopicArn'] == topic",
            "print('BOTO3-CONFIGS-OK')");

    @Test
    void boto3BucketConfigurations(URI endpoint) {
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(SCRIPT).assertSuccess();
        assertTrue(result.stdout().contains("BOTO3-CONFIGS-OK"), result.stdout() + result.stderr());
    }
}
