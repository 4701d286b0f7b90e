// TransactionProcessor Lambda function
//
// This function is triggered by an object being created in an Amazon S3 bucket.
// The file is read and each line is inserted into DynamoDB tables.
//
// The bank lab's (seed 004) Python function for nodejs20.x with the AWS SDK for JavaScript v3: the
// same tables, attributes and log lines. The lab downloads the file to /tmp and reads it with the
// csv module; here the object's body is read straight into memory and split on '|'.
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

// Connect to S3 and DynamoDB
const s3 = new S3Client({});
const dynamodb = DynamoDBDocumentClient.from(new DynamoDBClient({}));

// The DynamoDB tables
const customerTable = 'Customer';
const transactionsTable = 'Transactions';

// This handler is executed every time the Lambda function is triggered
export const handler = async (event) => {
    // Show the incoming event in the debug log
    console.log('Event received by Lambda function: ' + JSON.stringify(event, null, 2));

    // Get the bucket and object key from the Event
    const bucket = event.Records[0].s3.bucket.name;
    const key = decodeURIComponent(event.Records[0].s3.object.key.replace(/\+/g, ' '));

    // Read the file from S3
    let text;
    try {
        const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        text = await object.Body.transformToString('utf-8');
    } catch (e) {
        console.log(e);
        console.log(`Error getting object ${key} from bucket ${bucket}. Make sure they exist and your bucket is in the same region as this function.`);
        throw e;
    }

    // Read the Transactions file. Delimiter is the '|' character; the first line names the columns
    const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
    const columns = lines.shift().split('|');

    // Read each row in the file
    let rowCount = 0;
    for (const line of lines) {
        const values = line.split('|');
        const row = Object.fromEntries(columns.map((column, i) => [column, values[i]]));
        rowCount += 1;

        // Show the row in the debug log
        console.log(row.customer_id, row.customer_address, row.trn_id, row.trn_date, row.trn_amount);

        try {
            // Insert Customer ID and Address into Customer DynamoDB table
            await dynamodb.send(new PutCommand({
                TableName: customerTable,
                Item: { CustomerId: row.customer_id, Address: row.customer_address },
            }));

            // Insert transaction details into Transactions DynamoDB table
            await dynamodb.send(new PutCommand({
                TableName: transactionsTable,
                Item: {
                    CustomerId: row.customer_id,
                    TransactionId: row.trn_id,
                    TransactionDate: row.trn_date,
                    TransactionAmount: parseInt(row.trn_amount, 10),
                },
            }));
        } catch (e) {
            console.log(e);
            console.log('Unable to insert data into DynamoDB table');
        }
    }

    // Finished!
    return `${rowCount} transactions inserted`;
};
