package dev.cloudjar.services.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** boto3 speaks to EventBridge (JSON 1.1) and Scheduler (REST-JSON) as it speaks to AWS, errors included. */
@ExtendWith(CloudJarExtension.class)
class EventBridgeBoto3IT {
    @Test
    void boto3RulesEventsAndSchedules(CloudJar cloudJar) {
        String script = """
                import boto3, json, os
                from botocore.exceptions import ClientError
                kw = dict(endpoint_url=os.environ["ENDPOINT"], region_name="us-east-1")
                events, sqs, scheduler = boto3.client("events", **kw), boto3.client("sqs", **kw), boto3.client("scheduler", **kw)
                url = sqs.create_queue(QueueName="py-events")["QueueUrl"]
                arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
                print(events.put_rule(Name="py", EventPattern=json.dumps({"source": [{"prefix": "py."}]}))["RuleArn"])
                events.put_targets(Rule="py", Targets=[{"Id": "q", "Arn": arn, "InputPath": "$.detail"}])
                r = events.put_events(Entries=[{"Source": "py.app", "DetailType": "t", "Detail": json.dumps({"n": 1})}])
                print(r["FailedEntryCount"])
                print(sqs.receive_message(QueueUrl=url, WaitTimeSeconds=5)["Messages"][0]["Body"])
                try:
                    events.describe_rule(Name="nope")
                except ClientError as e:
                    print(e.response["Error"]["Code"], e.response["Error"]["Message"])
                try:
                    events.put_rule(Name="bad", ScheduleExpression="rate(1 minutes)")
                except ClientError as e:
                    print(e.response["Error"]["Code"], e.response["Error"]["Message"])
                print(scheduler.create_schedule(Name="py-s", ScheduleExpression="cron(0 9 ? * MON-FRI *)",
                      FlexibleTimeWindow={"Mode": "OFF"},
                      Target={"Arn": arn, "RoleArn": "arn:aws:iam::000000000000:role/s"})["ScheduleArn"])
                try:
                    scheduler.get_schedule(Name="missing")
                except ClientError as e:
                    print(e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"])
                """;
        String out = new CliRunner(cloudJar.endpoint()).python(script).assertSuccess().stdout();
        assertEquals("""
                arn:aws:events:us-east-1:000000000000:rule/py
                0
                {"n":1}
                ResourceNotFoundException Rule nope does not exist on EventBus default.
                ValidationException Parameter ScheduleExpression is not valid.
                arn:aws:scheduler:us-east-1:000000000000:schedule/default/py-s
                ResourceNotFoundException Schedule missing does not exist. 404
                """, out);
    }
}
