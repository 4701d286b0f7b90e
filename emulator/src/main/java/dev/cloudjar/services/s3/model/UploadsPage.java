package dev.cloudjar.services.s3.model;

import java.util.List;

/** A ListMultipartUploads page: uploads in key then initiation order, and common prefixes. */
public record UploadsPage(List<UploadRecord> uploads, List<String> commonPrefixes, boolean truncated,
        String nextKeyMarker, String nextUploadIdMarker) {
}
