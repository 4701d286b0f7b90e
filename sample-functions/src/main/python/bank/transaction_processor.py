# TransactionProcessor Lambda function
#
# This function is triggered by an object being created in an Amazon S3 bucket.
# The file is downloaded and each line is inserted into DynamoDB tables.
#
# The bank lab's (seed 004) Python 2 function ported to Python 3: urllib.unquote_plus is now
# urllib.parse.unquote_plus (which already returns str), the file is opened in text mode with
# newline='' as the csv module asks, and the download goes to a folder of its own instead of the
# fixed /tmp/transactions.txt (on AWS /tmp belongs to one sandbox; a local runtime shares the
# machine's /tmp with every other process).
import json, urllib.parse, boto3, csv, os, tempfile

# Connect to S3 and DynamoDB
s3 = boto3.resource('s3')
dynamodb = boto3.resource('dynamodb')

# Connect to the DynamoDB tables
customerTable = dynamodb.Table('Customer')
transactionsTable = dynamodb.Table('Transactions')

# This handler is executed every time the Lambda function is triggered
def lambda_handler(event, context):

    # Show the incoming event in the debug log
    print("Event received by Lambda function: " + json.dumps(event, indent=2))

    # Get the bucket and object key from the Event
    bucket = event['Records'][0]['s3']['bucket']['name']
    key = urllib.parse.unquote_plus(event['Records'][0]['s3']['object']['key'])
    with tempfile.TemporaryDirectory() as tmp:
        localFilename = os.path.join(tmp, 'transactions.txt')

        # Download the file from S3 to the local filesystem
        try:
            s3.meta.client.download_file(bucket, key, localFilename)
        except Exception as e:
            print(e)
            print('Error getting object {} from bucket {}. Make sure they exist and your bucket is in the same region as this function.'.format(key, bucket))
            raise e

        # Read the Transactions CSV file. Delimiter is the '|' character
        with open(localFilename, newline='') as csvfile:
            reader = csv.DictReader(csvfile, delimiter='|')

            # Read each row in the file
            rowCount = 0
            for row in reader:
                rowCount += 1

                # Show the row in the debug log
                print(row['customer_id'], row['customer_address'], row['trn_id'], row['trn_date'], row['trn_amount'])

                try:
                    # Insert Customer ID and Address into Customer DynamoDB table
                    customerTable.put_item(
                        Item={
                            'CustomerId': row['customer_id'],
                            'Address': row['customer_address']})

                    # Insert transaction details into Transactions DynamoDB table
                    transactionsTable.put_item(
                        Item={
                            'CustomerId': row['customer_id'],
                            'TransactionId': row['trn_id'],
                            'TransactionDate': row['trn_date'],
                            'TransactionAmount': int(row['trn_amount'])})

                except Exception as e:
                    print(e)
                    print("Unable to insert data into DynamoDB table".format(e))

    # Finished!
    return "%d transactions inserted" % rowCount
