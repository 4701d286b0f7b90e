package dev.cloudjar.services.s3.select;

import dev.cloudjar.services.s3.model.ObjectRead;

/** A checked SelectObjectContent ready to stream: the prepared query and the object version it reads. */
public record SelectRun(SelectEngine engine, ObjectRead read) {
}
