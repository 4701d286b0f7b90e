package dev.cloudjar.services.s3.model;

/** A stored run of an object's bytes: a blob id and its size (one per single PUT, one per multipart part). */
public record Segment(String blob, long size) {
}
