package dev.cloudjar.services.s3.model;

/**
 * The answer to GetObject/HeadObject: the object, and the byte range to send ({@code partial} when it
 * is a Range or partNumber answer, 206).
 */
public record ObjectRead(ObjectRecord object, long offset, long length, boolean partial) {
}
