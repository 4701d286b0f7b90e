package dev.cloudjar.services.s3.model;

import java.util.Map;

/** PutObject's members apart from the body: representation headers and tags (x-amz-tagging). */
public record PutObjectInput(String bucket, String key, ObjectHeaders headers, Map<String, String> tags) {
}
