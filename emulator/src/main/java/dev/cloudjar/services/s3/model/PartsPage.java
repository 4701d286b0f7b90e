package dev.cloudjar.services.s3.model;

import java.util.List;

/** A ListParts page. */
public record PartsPage(UploadRecord upload, List<PartRecord> parts, boolean truncated, int nextPartNumberMarker) {
}
