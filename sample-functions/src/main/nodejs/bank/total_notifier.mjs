// TotalNotifier Lambda function
//
// This function is triggered when values are inserted into the Transactions DynamoDB table.
// Transaction totals are calculated and notifications are sent to SNS if limits are exceeded.
//
// The bank lab's (seed 004) Python function for nodejs20.x with the AWS SDK for JavaScript v3. As in
// the lab, the topic's ARN is looked up by name once, when the module loads (top-level await), so the
// topic must exist before the function's first call.
import { SNSClient, ListTopicsCommand, PublishCommand } from '@aws-sdk/client-sns';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';

// Connect to SNS
const sns = new SNSClient({});
const alertTopic = 'HighBalanceAlert';
const snsTopicArn = (await sns.send(new ListTopicsCommand({}))).Topics
    .map((t) => t.TopicArn)
    .filter((arn) => arn.endsWith(':' + alertTopic))[0];

// Connect to DynamoDB
const dynamodb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const transactionTotalTableName = 'TransactionTotal';

// This handler is executed every time the Lambda function is triggered
export const handler = async (event) => {
    // Show the incoming event in the debug log
    console.log('Event received by Lambda function: ' + JSON.stringify(event, null, 2));

    // For each transaction added, calculate the new Transactions Total
    for (const record of event.Records) {
        const customerId = record.dynamodb.NewImage.CustomerId.S;
        const transactionAmount = parseInt(record.dynamodb.NewImage.TransactionAmount.N, 10);

        // Update the customer's total in the TransactionTotal DynamoDB table
        const response = await dynamodb.send(new UpdateCommand({
            TableName: transactionTotalTableName,
            Key: { CustomerId: customerId },
            UpdateExpression: 'add accountBalance :val',
            ExpressionAttributeValues: { ':val': transactionAmount },
            ReturnValues: 'UPDATED_NEW',
        }));

        // Retrieve the latest account balance
        const latestAccountBalance = response.Attributes.accountBalance;
        console.log('Latest account balance: ' + latestAccountBalance);

        // If balance > $1500, send a message to SNS
        if (latestAccountBalance >= 1500) {
            // Construct message to be sent
            const message = '{"customerID": "' + customerId + '", ' + '"accountBalance": "' + latestAccountBalance + '"}';
            console.log(message);

            // Send message to SNS
            await sns.send(new PublishCommand({
                TopicArn: snsTopicArn,
                Message: message,
                Subject: 'Warning! Account balance is very high',
                MessageStructure: 'raw',
            }));
        }
    }

    // Finished!
    return `Successfully processed ${event.Records.length} records.`;
};
