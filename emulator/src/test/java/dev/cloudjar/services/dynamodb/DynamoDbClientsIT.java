package dev.cloudjar.services.dynamodb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CliRunner;
import java.net.URI;
import dev.cloudjar.testing.CloudJarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** boto3 (Table resource) and the AWS CLI against CloudJar; a missing client fails the test. */
@ExtendWith(CloudJarExtension.class)
class DynamoDbClientsIT {

    @Test
    void boto3TableResource(URI endpoint) {
        String script = String.join("\n",
                "import boto3, os, decimal",
                "from boto3.dynamodb.conditions import Key",
                "ddb = boto3.resource('dynamodb', endpoint_url=os.environ['ENDPOINT'])",
                "t = ddb.create_table(TableName='boto-users', KeySchema=[{'AttributeName':'user','KeyType':'HASH'},{'AttributeName':'ts','KeyType':'RANGE'}],",
                "    AttributeDefinitions=[{'AttributeName':'user','AttributeType':'S'},{'AttributeName':'ts','AttributeType':'N'}], BillingMode='PAY_PER_REQUEST')",
                "t.wait_until_exists()",
                "t.put_item(Item={'user':'ann','ts':1,'name':'Ann','tags':{'a','b'}})",
                "assert t.get_item(Key={'user':'ann','ts':1})['Item']['name'] == 'Ann'",
                "with t.batch_writer() as w:",
                "    for i in range(2, 40):",
                "        w.put_item(Item={'user':'ann','ts':i})",
                "r = t.query(KeyConditionExpression=Key('user').eq('ann') & Key('ts').between(5, 9))",
                "assert [int(i['ts']) for i in r['Items']] == [5,6,7,8,9], r['Items']",
                "acct = ddb.create_table(TableName='boto-accounts', KeySchema=[{'AttributeName':'id','KeyType':'HASH'}],",
                "    AttributeDefinitions=[{'AttributeName':'id','AttributeType':'S'}], BillingMode='PAY_PER_REQUEST')",
                "u = acct.update_item(Key={'id':'missing'}, UpdateExpression='add accountBalance :val',",
                "    ExpressionAttributeValues={':val': decimal.Decimal(25)}, ReturnValues='UPDATED_NEW')",
                "assert u['Attributes'] == {'accountBalance': decimal.Decimal(25)}, u",
                "print('ok', r['Count'])");
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(script).assertSuccess();
        assertTrue(result.stdout().contains("ok 5"), result.stdout());
    }

    @Test
    void awsCli(URI endpoint) {
        CliRunner cli = new CliRunner(endpoint.toString());
        cli.aws("dynamodb", "create-table", "--table-name", "cli-music",
                "--attribute-definitions", "AttributeName=Artist,AttributeType=S", "AttributeName=Song,AttributeType=S",
                "--key-schema", "AttributeName=Artist,KeyType=HASH", "AttributeName=Song,KeyType=RANGE",
                "--billing-mode", "PAY_PER_REQUEST").assertSuccess();
        for (String song : new String[] {"One", "Two", "Three"}) {
            cli.aws("dynamodb", "put-item", "--table-name", "cli-music", "--item",
                    "{\"Artist\":{\"S\":\"Band\"},\"Song\":{\"S\":\"" + song + "\"}}").assertSuccess();
        }
        CliRunner.Result query = cli.aws("dynamodb", "query", "--table-name", "cli-music", "--key-condition-expression",
                "Artist = :a", "--expression-attribute-values", "{\":a\":{\"S\":\"Band\"}}", "--output", "json").assertSuccess();
        assertTrue(query.stdout().contains("\"Count\": 3"), query.stdout());
        CliRunner.Result count = cli.aws("dynamodb", "scan", "--table-name", "cli-music", "--select", "COUNT", "--output", "json").assertSuccess();
        assertTrue(count.stdout().contains("\"Count\": 3"), count.stdout());
        assertTrue(!count.stdout().contains("\"Items\""), count.stdout());
        CliRunner.Result missing = cli.aws("dynamodb", "describe-table", "--table-name", "cli-nope");
        assertTrue(missing.exitCode() != 0, "describe-table of a missing table must fail");
        assertTrue(missing.stderr().contains("ResourceNotFoundException"), missing.stderr());
    }
}
