package dev.cloudjar.services.dynamodb.backup;

import java.util.List;

/**
 * ImportTable's source and format: bucket, owner and key prefix, DYNAMODB_JSON or CSV (with its
 * delimiter and header list), NONE or GZIP compression, and the request's JSON texts echoed back.
 */
public record ImportSource(String bucket, String bucketOwner, String keyPrefix, String inputFormat, String csvDelimiter,
                           List<String> csvHeaders, String compression, String inputFormatOptionsJson) {
}
