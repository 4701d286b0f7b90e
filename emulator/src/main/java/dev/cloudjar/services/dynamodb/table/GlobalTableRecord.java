package dev.cloudjar.services.dynamodb.table;

import java.util.List;

/** A global table of version 2017.11.29 as stored: its name, the regions of its replicas, its creation time. */
public record GlobalTableRecord(int version, String name, List<String> regions, long createdMillis) {
    public static final int FORMAT = 1;

    public GlobalTableRecord {
        regions = List.copyOf(regions);
    }

    public GlobalTableRecord withRegions(List<String> updated) {
        return new GlobalTableRecord(FORMAT, name, updated, createdMillis);
    }
}
