package dev.cloudjar.services.s3;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudjar.testing.CliRunner;
import dev.cloudjar.testing.CloudJarExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** boto3's select_object_content reads CloudJar's event stream: CSV and JSON in and out, GZIP, the SQL subset, errors. */
@ExtendWith(CloudJarExtension.class)
class S3SelectBoto3IT {
    private static final String SCRIPT = String.join("\n",
            "import boto3, os, gzip, json",
            "from botocore.exceptions import ClientError, EventStreamError",
            "s3 = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'])",
            CliRunner.BOTO3_FAILS,
            "s3.create_bucket(Bucket='boto-select')",
            "people = 'name,age,city\\nAlice,30,Paris\\nBob,25,\"New York, NY\"\\ncarol,41,Berlin\\nDan,,Rome\\n'",
            "s3.put_object(Bucket='boto-select', Key='people.csv', Body=people.encode())",
            "gz = gzip.compress(people.encode())",
            "s3.put_object(Bucket='boto-select', Key='people.csv.gz', Body=gz)",
            "lines = '{\"id\":1,\"tags\":[\"a\",\"b\"],\"price\":9.5,\"owner\":{\"name\":\"ann\"}}\\n{\"id\":2,\"price\":20,\"owner\":{\"name\":\"bo\"}}\\n{\"id\":3,\"tags\":[],\"price\":null}\\n'",
            "s3.put_object(Bucket='boto-select', Key='items.jsonl', Body=lines.encode())",
            "s3.put_object(Bucket='boto-select', Key='doc.json', Body=json.dumps({'items': [{'n': 1}, {'n': 2}, {'n': 3}]}).encode())",
            "CSV_USE = {'CSV': {'FileHeaderInfo': 'USE'}}",
            "def run(sql, inp=CSV_USE, out={'CSV': {}}, key='people.csv', **kw):",
            "    r = s3.select_object_content(Bucket='boto-select', Key=key, Expression=sql, ExpressionType='SQL',",
            "                                 InputSerialization=inp, OutputSerialization=out, **kw)",
            "    records, stats, end, progress = b'', None, False, 0",
            "    for event in r['Payload']:",
            "        if 'Records' in event: records += event['Records']['Payload']",
            "        elif 'Stats' in event: stats = event['Stats']['Details']",
            "        elif 'Progress' in event: progress += 1",
            "        elif 'End' in event: end = True",
            "    assert end and stats is not None, (records, stats)",
            "    return records.decode(), stats, progress",
            "out, stats, _ = run('SELECT * FROM S3Object')",
            "assert out == 'Alice,30,Paris\\nBob,25,\"New York, NY\"\\ncarol,41,Berlin\\nDan,,Rome\\n', out",
            "assert stats['BytesScanned'] == len(people) and stats['BytesProcessed'] == len(people) and stats['BytesReturned'] == len(out), stats",
            "out, _, _ = run(\"SELECT s.name, s.city FROM S3Object s WHERE s.age <> '' AND CAST(s.age AS INT) > 26\")",
            "assert out == 'Alice,Paris\\ncarol,Berlin\\n', out",
            "out, _, _ = run(\"SELECT UPPER(name) AS n, CHAR_LENGTH(city) FROM S3Object WHERE name LIKE '_o%' OR city IN ('Rome')\", out={'JSON': {}})",
            "assert out == '{\"n\":\"BOB\",\"_2\":12}\\n{\"n\":\"DAN\",\"_2\":4}\\n', out",
            "out, _, _ = run(\"SELECT COUNT(*), SUM(CAST(age AS INT)), AVG(CAST(age AS INT)), MIN(name), MAX(CAST(age AS INT)) FROM S3Object WHERE age <> ''\")",
            "assert out == '3,96,32,Alice,41\\n', out",
            "out, _, _ = run('SELECT s._1, s._3 FROM S3Object s LIMIT 2', inp={'CSV': {'FileHeaderInfo': 'IGNORE'}})",
            "assert out == 'Alice,Paris\\nBob,\"New York, NY\"\\n', out",
            "out, _, _ = run('SELECT s._1 FROM S3Object s LIMIT 1', inp={'CSV': {'FileHeaderInfo': 'NONE'}}, out={'CSV': {'QuoteFields': 'ALWAYS'}})",
            "assert out == '\"name\"\\n', out",
            "out, stats, _ = run(\"SELECT name FROM S3Object WHERE age BETWEEN 25 AND 30\", inp={'CSV': {'FileHeaderInfo': 'USE'}, 'CompressionType': 'GZIP'}, key='people.csv.gz')",
            "assert out == 'Alice\\nBob\\n' and stats['BytesProcessed'] == len(people) and stats['BytesScanned'] < len(people) + 40, (out, stats)",
            "out, _, _ = run('SELECT name FROM S3Object WHERE age IS NULL OR age = \\'\\'', out={'JSON': {'RecordDelimiter': ';'}})",
            "assert out == '{\"name\":\"Dan\"};', out",
            "out, _, _ = run('SELECT s.id, s.owner.name AS owner, s.tags[0] AS tag FROM S3Object s WHERE s.price >= 9.5', inp={'JSON': {'Type': 'LINES'}}, out={'JSON': {}}, key='items.jsonl')",
            "assert out == '{\"id\":1,\"owner\":\"ann\",\"tag\":\"a\"}\\n{\"id\":2,\"owner\":\"bo\"}\\n', out",
            "out, _, _ = run('SELECT s.id FROM S3Object s WHERE s.price IS NULL AND s.owner IS MISSING', inp={'JSON': {'Type': 'LINES'}}, key='items.jsonl')",
            "assert out == '3\\n', out",
            "out, _, _ = run('SELECT s.n * 10 AS t FROM S3Object[*].items[*] s WHERE s.n > 1', inp={'JSON': {'Type': 'DOCUMENT'}}, out={'JSON': {}}, key='doc.json')",
            "assert out == '{\"t\":20}\\n{\"t\":30}\\n', out",
            "out, _, n = run('SELECT * FROM S3Object', RequestProgress={'Enabled': True})",
            "assert n >= 1, n",
            "out, _, _ = run('SELECT name FROM S3Object', ScanRange={'Start': 20, 'End': 51})",
            "assert out == 'Bob\\ncarol\\n', out",
            "def stream_error(code, sql, **kw):",
            "    try:",
            "        run(sql, **kw)",
            "    except EventStreamError as e:",
            "        assert e.response['Error']['Code'] == code, e.response",
            "        return",
            "    raise SystemExit('no %s error event' % code)",
            "stream_error('TruncatedInput', 'SELECT * FROM S3Object', inp={'CSV': {}, 'CompressionType': 'GZIP'})",
            "stream_error('CastFailed', 'SELECT CAST(name AS INT) FROM S3Object')",
            "r = fails(400, 'ParseUnexpectedToken', run, sql='SELECT name FROM S3Object WHERE WHERE')",
            "fails(400, 'ParseSelectMissingFrom', run, sql='SELECT name')",
            "fails(400, 'InvalidFileHeaderInfo', run, sql='SELECT * FROM S3Object', inp={'CSV': {'FileHeaderInfo': 'MAYBE'}})",
            "fails(400, 'InvalidExpressionType', s3.select_object_content, Bucket='boto-select', Key='people.csv', Expression='SELECT * FROM S3Object', ExpressionType='XPATH', InputSerialization=CSV_USE, OutputSerialization={'CSV': {}})",
            "fails(400, 'UnsupportedFunction', run, sql='SELECT FOO(name) FROM S3Object')",
            "fails(404, 'NoSuchKey', run, sql='SELECT * FROM S3Object', key='nope.csv')",
            "print('BOTO3-SELECT-OK')");

    @Test
    void boto3Select(URI endpoint) {
        CliRunner.Result result = new CliRunner(endpoint.toString()).python(SCRIPT).assertSuccess();
        assertTrue(result.stdout().contains("BOTO3-SELECT-OK"), result.stdout() + result.stderr());
    }
}
