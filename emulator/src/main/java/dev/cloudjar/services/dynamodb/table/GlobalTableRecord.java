package dev.cloudjar.services.dynamodb.table;

import java.util.List;

/**
 * A global table as stored: its name, the regions of its replicas, its creation time, and its version:
 * {@link #LEGACY} (CreateGlobalTable over existing tables) or {@link #CURRENT} (UpdateTable's ReplicaUpdates).
 */
public record GlobalTableRecord(int version, String name, List<String> regions, long createdMillis, String globalVersion) {
    public static final int FORMAT = 1;
    public static final String LEGACY = "2017.11.29";
    public static final String CURRENT = "2019.11.21";

    public GlobalTableRecord {
        regions = List.copyOf(regions);
        globalVersion = globalVersion == null ? LEGACY : globalVersion;
    }

    public boolean legacy() {
        return LEGACY.equals(globalVersion);
    }

    public GlobalTableRecord withRegions(List<String> updated) {
        return new GlobalTableRecord(FORMAT, name, updated, createdMillis, globalVersion);
    }
}
