#!/usr/bin/env python3
"""Writes docs/coverage.md: every operation in botocore's service models, and whether CloudJar implements
it. For the JSON and Query services an operation counts when the service's sources name it; the REST
services (S3, Lambda) route by path, so their implemented operations are listed below."""
import gzip, json, os, re, sys
import botocore

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SERVICES = [  # (title, botocore name, version, source folder)
    ("S3", "s3", "2006-03-01", "s3"),
    ("DynamoDB", "dynamodb", "2012-08-10", "dynamodb"),
    ("DynamoDB Streams", "dynamodbstreams", "2012-08-10", "dynamodb"),
    ("SQS", "sqs", "2012-11-05", "sqs"),
    ("SNS", "sns", "2010-03-31", "sns"),
    ("Lambda", "lambda", "2015-03-31", "lambda"),
    ("STS", "sts", "2011-06-15", "sts"),
    ("IAM", "iam", "2010-05-08", "iam"),
    ("EventBridge", "events", "2015-10-07", "eventbridge"),
    ("EventBridge Scheduler", "scheduler", "2021-06-30", "eventbridge"),
    ("API Gateway (REST APIs)", "apigateway", "2015-07-09", "apigateway"),
    ("API Gateway v2 (HTTP APIs)", "apigatewayv2", "2018-11-29", "apigateway"),
    ("CloudWatch Logs", "logs", "2014-03-28", "logs"),
    ("Kinesis Data Streams", "kinesis", "2013-12-02", "kinesis"),
]
# Operations an adapter names only to refuse them with an error of the service's own (not implemented).
REFUSED = {"kinesis": ["SubscribeToShard"]}

# REST services route by method and path, so their adapters do not name operations; these lists
# follow the adapters' routes (S3Api and its *Routes, LambdaApi, LambdaExtrasApi, LambdaMappingsApi,
# LambdaLayersApi, SchedulerApi).
REST_IMPLEMENTED = {
    "s3": """CreateBucket HeadBucket DeleteBucket ListBuckets GetBucketLocation PutBucketTagging GetBucketTagging
        DeleteBucketTagging PutBucketCors GetBucketCors DeleteBucketCors PutBucketNotificationConfiguration
        GetBucketNotificationConfiguration GetBucketVersioning GetBucketAcl GetBucketPolicy GetBucketEncryption
        GetBucketOwnershipControls GetPublicAccessBlock PutObject GetObject HeadObject DeleteObject DeleteObjects
        CopyObject GetObjectTagging PutObjectTagging DeleteObjectTagging ListObjects ListObjectsV2
        ListObjectVersions CreateMultipartUpload UploadPart UploadPartCopy CompleteMultipartUpload
        AbortMultipartUpload ListParts ListMultipartUploads
        PutBucketVersioning PutBucketAcl GetObjectAcl PutObjectAcl PutBucketPolicy DeleteBucketPolicy
        GetBucketPolicyStatus PutPublicAccessBlock DeletePublicAccessBlock PutBucketOwnershipControls
        DeleteBucketOwnershipControls GetObjectAttributes PutBucketLifecycleConfiguration
        GetBucketLifecycleConfiguration DeleteBucketLifecycle PutBucketWebsite GetBucketWebsite DeleteBucketWebsite
        PutBucketEncryption DeleteBucketEncryption PutBucketRequestPayment GetBucketRequestPayment
        PutBucketAccelerateConfiguration GetBucketAccelerateConfiguration PutBucketLogging GetBucketLogging
        PutObjectLockConfiguration GetObjectLockConfiguration PutObjectRetention GetObjectRetention
        PutObjectLegalHold GetObjectLegalHold PutBucketInventoryConfiguration GetBucketInventoryConfiguration
        DeleteBucketInventoryConfiguration ListBucketInventoryConfigurations PutBucketAnalyticsConfiguration
        GetBucketAnalyticsConfiguration DeleteBucketAnalyticsConfiguration ListBucketAnalyticsConfigurations
        PutBucketMetricsConfiguration GetBucketMetricsConfiguration DeleteBucketMetricsConfiguration
        ListBucketMetricsConfigurations PutBucketIntelligentTieringConfiguration
        GetBucketIntelligentTieringConfiguration DeleteBucketIntelligentTieringConfiguration
        ListBucketIntelligentTieringConfigurations PutBucketReplication GetBucketReplication DeleteBucketReplication
        PutBucketLifecycle GetBucketLifecycle PutBucketNotification GetBucketNotification RestoreObject
        GetBucketAbac PutBucketAbac ListDirectoryBuckets UpdateObjectEncryption
        SelectObjectContent""".split(),
    "lambda": """CreateFunction GetFunction GetFunctionConfiguration ListFunctions UpdateFunctionCode
        UpdateFunctionConfiguration DeleteFunction Invoke InvokeAsync PublishVersion ListVersionsByFunction
        CreateAlias GetAlias UpdateAlias DeleteAlias ListAliases AddPermission RemovePermission GetPolicy
        PutFunctionConcurrency GetFunctionConcurrency DeleteFunctionConcurrency PutFunctionEventInvokeConfig
        GetFunctionEventInvokeConfig UpdateFunctionEventInvokeConfig DeleteFunctionEventInvokeConfig
        ListFunctionEventInvokeConfigs CreateEventSourceMapping GetEventSourceMapping ListEventSourceMappings
        UpdateEventSourceMapping DeleteEventSourceMapping TagResource UntagResource ListTags
        GetAccountSettings PublishLayerVersion GetLayerVersion GetLayerVersionByArn ListLayers
        ListLayerVersions DeleteLayerVersion AddLayerVersionPermission GetLayerVersionPolicy
        RemoveLayerVersionPermission""".split(),
    "scheduler": """CreateSchedule GetSchedule UpdateSchedule DeleteSchedule ListSchedules CreateScheduleGroup
        GetScheduleGroup DeleteScheduleGroup ListScheduleGroups TagResource UntagResource ListTagsForResource""".split(),
    # ApiGatewayApi, RestApiRoutes (v1) and HttpApiRoutes (v2)
    "apigateway": """CreateRestApi GetRestApi GetRestApis DeleteRestApi GetResources GetResource CreateResource
        DeleteResource PutMethod GetMethod DeleteMethod PutMethodResponse GetMethodResponse PutIntegration
        GetIntegration DeleteIntegration PutIntegrationResponse GetIntegrationResponse CreateDeployment
        GetDeployment GetDeployments DeleteDeployment CreateStage GetStage GetStages UpdateStage DeleteStage
        CreateApiKey GetApiKey GetApiKeys DeleteApiKey CreateUsagePlan GetUsagePlan GetUsagePlans
        DeleteUsagePlan CreateUsagePlanKey GetUsagePlanKey GetUsagePlanKeys DeleteUsagePlanKey TagResource
        GetTags UntagResource TestInvokeMethod UpdateRestApi UpdateMethod UpdateIntegration""".split(),
    "apigatewayv2": """CreateApi GetApi GetApis UpdateApi DeleteApi CreateRoute GetRoute GetRoutes UpdateRoute
        DeleteRoute CreateIntegration GetIntegration GetIntegrations DeleteIntegration CreateStage GetStage
        GetStages UpdateStage DeleteStage CreateDeployment GetDeployment GetDeployments TagResource GetTags
        UntagResource UpdateIntegration DeleteDeployment""".split(),
}

def sources(folder):
    text = []
    base = os.path.join(ROOT, "emulator/src/main/java/dev/cloudjar/services", folder)
    for dirpath, _, files in os.walk(base):
        for f in files:
            if f.endswith(".java"):
                text.append(open(os.path.join(dirpath, f), encoding="utf-8").read())
    return "\n".join(text)

def main():
    data = os.path.join(os.path.dirname(botocore.__file__), "data")
    out = ["# Operation coverage", "",
           "Generated by `python3 docs/tools/coverage.py` from botocore's service models: an operation is",
           "listed as implemented when CloudJar's wire adapter handles it. Anything not implemented answers the",
           "protocol's unknown-operation error (S3: 501 NotImplemented), never a silent 200. Details per",
           "service: [S3 and STS](coverage/s3.md), [SNS](coverage/sns.md), [Lambda](lambda.md), [IAM and STS](iam.md), [EventBridge](eventbridge.md), [API Gateway](apigateway.md), [CloudWatch Logs](logs.md), [Kinesis](kinesis.md).", ""]
    for title, name, version, folder in SERVICES:
        model = json.load(gzip.open(os.path.join(data, name, version, "service-2.json.gz")))
        ops = sorted(model["operations"])
        code = sources(folder)
        if name in REST_IMPLEMENTED:
            done = [op for op in ops if op in REST_IMPLEMENTED[name]]
        else:
            done = [op for op in ops if re.search(r'"%s"' % op, code) and op not in REFUSED.get(name, [])]
        out.append("## %s (%d of %d)" % (title, len(done), len(ops)))
        out.append("")
        out.append("| operation | implemented |")
        out.append("|---|---|")
        for op in ops:
            out.append("| %s | %s |" % (op, "yes" if op in done else "no"))
        out.append("")
    open(os.path.join(ROOT, "docs/coverage.md"), "w").write("\n".join(out))
    print("\n".join(l for l in out if l.startswith("## ")))

main()
