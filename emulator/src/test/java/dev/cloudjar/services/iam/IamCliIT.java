package dev.cloudjar.services.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudjar.CloudJar;
import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Lambda tutorial's IAM commands with the {@code aws} CLI, and boto3; a missing client fails the test. */
@ExtendWith(CloudJarExtension.class)
class IamCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theLambdaTutorialsCommands(CloudJar cloudJar) throws Exception {
        CliRunner cli = new CliRunner(cloudJar.endpoint());
        JsonNode created = JSON.readTree(cli.aws("iam", "create-role", "--role-name", "lambda-ex", "--assume-role-policy-document",
                "{\"Version\": \"2012-10-17\",\"Statement\": [{ \"Effect\": \"Allow\", \"Principal\": {\"Service\": \"lambda.amazonaws.com\"}, "
                        + "\"Action\": \"sts:AssumeRole\"}]}").assertSuccess().stdout()).get("Role");
        assertEquals("arn:aws:iam::000000000000:role/lambda-ex", created.get("Arn").asText());
        assertEquals("lambda.amazonaws.com",
                created.get("AssumeRolePolicyDocument").get("Statement").get(0).get("Principal").get("Service").asText(),
                "the CLI decodes the URL-encoded document into JSON");
        cli.aws("iam", "attach-role-policy", "--role-name", "lambda-ex", "--policy-arn",
                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole").assertSuccess();

        JsonNode role = JSON.readTree(cli.aws("iam", "get-role", "--role-name", "lambda-ex").assertSuccess().stdout()).get("Role");
        assertEquals(created.get("RoleId").asText(), role.get("RoleId").asText());
        assertEquals("sts:AssumeRole", role.get("AssumeRolePolicyDocument").get("Statement").get(0).get("Action").asText());
        JsonNode attached = JSON.readTree(cli.aws("iam", "list-attached-role-policies", "--role-name", "lambda-ex")
                .assertSuccess().stdout()).get("AttachedPolicies");
        assertEquals("AWSLambdaBasicExecutionRole", attached.get(0).get("PolicyName").asText());

        CliRunner.Result conflict = cli.aws("iam", "delete-role", "--role-name", "lambda-ex");
        assertTrue(conflict.exitCode() != 0);
        assertTrue(conflict.stderr().contains("(DeleteConflict)") && conflict.stderr().contains("must detach all policies first"),
                conflict.stderr());
        cli.aws("iam", "detach-role-policy", "--role-name", "lambda-ex", "--policy-arn",
                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole").assertSuccess();
        cli.aws("iam", "delete-role", "--role-name", "lambda-ex").assertSuccess();
        CliRunner.Result missing = cli.aws("iam", "get-role", "--role-name", "lambda-ex");
        assertTrue(missing.stderr().contains("(NoSuchEntity)") && missing.stderr().contains("The role with name lambda-ex cannot be found."),
                missing.stderr());

        JsonNode assumed = JSON.readTree(cli.aws("sts", "assume-role", "--role-arn", "arn:aws:iam::000000000000:role/lambda-ex",
                "--role-session-name", "cli").assertSuccess().stdout());
        assertTrue(assumed.get("Credentials").get("AccessKeyId").asText().startsWith("ASIA"));
        assertEquals("arn:aws:sts::000000000000:assumed-role/lambda-ex/cli", assumed.get("AssumedRoleUser").get("Arn").asText());
    }

    @Test
    void boto3RolesPoliciesAndAssumeRole(CloudJar cloudJar) {
        CliRunner cli = new CliRunner(cloudJar.endpoint());
        String script = String.join("\n",
                "import boto3, json, os",
                "iam = boto3.client('iam', endpoint_url=os.environ['ENDPOINT'])",
                "trust = {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'Service': 'lambda.amazonaws.com'}, 'Action': 'sts:AssumeRole'}]}",
                "role = iam.create_role(RoleName='boto-role', AssumeRolePolicyDocument=json.dumps(trust), Tags=[{'Key': 'k', 'Value': 'v'}])['Role']",
                "assert iam.get_role(RoleName='boto-role')['Role']['AssumeRolePolicyDocument'] == trust",
                "doc = {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 'dynamodb:GetItem', 'Resource': '*'}]}",
                "iam.put_role_policy(RoleName='boto-role', PolicyName='read', PolicyDocument=json.dumps(doc))",
                "assert iam.get_role_policy(RoleName='boto-role', PolicyName='read')['PolicyDocument'] == doc",
                "arn = iam.create_policy(PolicyName='boto-policy', PolicyDocument=json.dumps(doc))['Policy']['Arn']",
                "iam.attach_role_policy(RoleName='boto-role', PolicyArn=arn)",
                "version = iam.get_policy_version(PolicyArn=arn, VersionId='v1')['PolicyVersion']",
                "assert version['Document'] == doc and version['IsDefaultVersion']",
                "names = [r['RoleName'] for page in iam.get_paginator('list_roles').paginate(PaginationConfig={'PageSize': 1}) for r in page['Roles']]",
                "assert 'boto-role' in names, names",
                "assert iam.list_role_tags(RoleName='boto-role')['Tags'] == [{'Key': 'k', 'Value': 'v'}]",
                "try:",
                "    iam.create_role(RoleName='boto-role', AssumeRolePolicyDocument=json.dumps(trust))",
                "    raise SystemExit('duplicate role accepted')",
                "except iam.exceptions.EntityAlreadyExistsException as e:",
                "    assert e.response['ResponseMetadata']['HTTPStatusCode'] == 409",
                "try:",
                "    iam.get_role(RoleName='nope')",
                "    raise SystemExit('missing role found')",
                "except iam.exceptions.NoSuchEntityException as e:",
                "    assert e.response['Error']['Message'] == 'The role with name nope cannot be found.'",
                "sts = boto3.client('sts', endpoint_url=os.environ['ENDPOINT'])",
                "creds = sts.assume_role(RoleArn=role['Arn'], RoleSessionName='boto')['Credentials']",
                "me = boto3.client('sts', endpoint_url=os.environ['ENDPOINT'], aws_access_key_id=creds['AccessKeyId'],",
                "                  aws_secret_access_key=creds['SecretAccessKey'], aws_session_token=creds['SessionToken'])",
                "assert me.get_caller_identity()['Arn'] == 'arn:aws:sts::000000000000:assumed-role/boto-role/boto'",
                "iam.detach_role_policy(RoleName='boto-role', PolicyArn=arn)",
                "iam.delete_role_policy(RoleName='boto-role', PolicyName='read')",
                "iam.delete_role(RoleName='boto-role')",
                "iam.delete_policy(PolicyArn=arn)",
                "print('ok')");
        CliRunner.Result result = cli.python(script).assertSuccess();
        assertEquals("ok", result.stdout().trim());
    }
}
